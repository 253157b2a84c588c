/**
 * Module resolution hooks (node:module register) for modules installed from their release
 * tarball: their server bundle (`<DONDOC_PLUGINS_DIR>/<id>/<version>/server/plugin.mjs`) imports
 * the packages the server provides (`@dondoc/*`, `@trpc/server`, `drizzle-orm`, `zod`) by name,
 * and has no node_modules of its own. A bare import from a file under one of `roots` that Node
 * cannot resolve from there is resolved from the server's own files (`anchors`), so the module
 * shares the server's copy of each package.
 */
let roots = [];
let anchors = [];

export async function initialize(data) {
  roots = data.roots;
  anchors = data.anchors;
}

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const bare = !/^(\.|\/|[a-zA-Z][a-zA-Z0-9+.-]*:)/.test(specifier);
    const fromArtifact = typeof context.parentURL === 'string' && roots.some((root) => context.parentURL.startsWith(root));
    if (!bare || !fromArtifact || error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    for (const anchor of anchors) {
      try {
        return await nextResolve(specifier, { ...context, parentURL: anchor });
      } catch {
        // the next anchor
      }
    }
    throw error;
  }
}
