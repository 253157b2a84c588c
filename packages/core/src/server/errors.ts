/** The core's errors are the kit's (`@dondoc/trpc`): one set of helpers for the core and every module. */
export { conflict, fail, notFound } from '@dondoc/trpc';
export type { LocalizedText as Texts } from '@dondoc/trpc';
