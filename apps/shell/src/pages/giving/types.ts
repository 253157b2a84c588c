import type { core } from '../../core/client.ts';

type Out<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

/** `directives.get`: a directive with its draft tasks (while a draft) or its top-level tasks (once issued). */
export type DirectiveDetail = Out<typeof core.directives.get.query>;
export type DraftTask = DirectiveDetail['drafts'][number];
export type IssuedTask = DirectiveDetail['tasks'][number];
export type ExtensionItem = Out<typeof core.extensions.list.query>[number];
