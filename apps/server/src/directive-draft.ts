/**
 * A parsed directive's draft (the core's `planDraft`) saved through the core router
 * (`directives.importDraft`) as a signed-in coordinator would:
 * its permissions, validation and audit. Nothing is issued: the draft waits for a person to
 * review it and issue it (`directives.issue`).
 */
import { findUserByUsername, getSessionUser, PermissionRegistry } from '@dondoc/auth';
import type { Db } from '@dondoc/db';
import { coreRouter, corePermissions, createRequestContext } from '@dondoc/core/server';
import { createCallerFactory, type Locale } from '@dondoc/trpc';
import type { DraftPlan } from '@dondoc/core/server';

// The plan is the core's (the review page saves the same): this file binds it to a CLI caller.
export { planDraft, titleOf, type DirectiveDraftInput, type DraftPlan, type TaskDraftInput } from '@dondoc/core/server';

/** The core router called as a user of the database, with the context the server gives a request. */
export async function coreCallerAs(db: Db, username: string, locale: Locale = 'vi') {
  const record = await findUserByUsername(db, username);
  const user = record ? await getSessionUser(db, record.id) : null;
  if (!user) return null;
  const permissions = new PermissionRegistry();
  permissions.register('core', null, [...corePermissions]);
  const context = createRequestContext({ db, permissions, user, sessionId: null, requestId: `cli-directive-import-${Date.now()}`, locale, moduleId: 'core' });
  return createCallerFactory(coreRouter)(context);
}

export type CoreCaller = NonNullable<Awaited<ReturnType<typeof coreCallerAs>>>;

/** Saves the plan as a draft directive with its draft tasks, in one transaction (a refusal midway saves nothing). */
export async function saveDraft(caller: CoreCaller, plan: DraftPlan) {
  const directive = await caller.directives.importDraft({ directive: plan.directive, tasks: plan.tasks });
  const saved = await caller.directives.get({ id: directive.id });
  return { id: directive.id, number: directive.number, version: saved.version, drafts: saved.drafts.length };
}
