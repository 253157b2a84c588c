/**
 * @dondoc/kit — what the core and every department module need alike on the server: files
 * from users (type sniffing, size limits, zip-bomb guard), spreadsheet import with a dry run,
 * xlsx export, versioned writes. Modules reach it through `@dondoc/plugin-sdk`.
 */
export {};
