/**
 * The city's procedures information system, Sở TT&TT's own rows (no unit): features still to
 * complete, connections and their incidents, security findings, and the settings (staleness
 * threshold, security level, last assessment). One write path: each change audited and versioned.
 */
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { deleteVersioned, fail, insertAudited, updateVersioned, type Tx, type VersionedTable } from '@dondoc/plugin-sdk';
import type { z } from 'zod';
import {
  assessmentOverdue,
  countConnections,
  countFeatures,
  countFindings,
  incidentMinutes,
  isOverdue,
  isStale,
  nextAssessmentDue,
  type ConnectionKind,
  type ConnectionStatus,
  type FeatureStatus,
  type Severity,
} from '../domain/systems.ts';
import type { ModuleContext } from './context.ts';
import type { connectionFields, featureFields, findingFields, incidentFields, settingsInput } from './inputs.ts';
import { connections, features, findings, incidents, settings, type SettingsRow } from './schema.ts';

/** A kind of row the module keeps: its table, its audit entity and what its messages call it. */
export interface Resource<T extends VersionedTable & { id: PgColumn }> {
  table: T;
  entity: string;
  what: { vi: string; en: string };
}

export const FEATURE = { table: features, entity: 'tttt.feature', what: { vi: 'tính năng', en: 'Feature' } } satisfies Resource<typeof features>;
export const CONNECTION = { table: connections, entity: 'tttt.connection', what: { vi: 'kết nối', en: 'Connection' } } satisfies Resource<typeof connections>;
export const INCIDENT = { table: incidents, entity: 'tttt.incident', what: { vi: 'sự cố', en: 'Incident' } } satisfies Resource<typeof incidents>;
export const FINDING = { table: findings, entity: 'tttt.finding', what: { vi: 'phát hiện', en: 'Finding' } } satisfies Resource<typeof findings>;

/** Inserts a row, audited, in the given transaction (the import's slices call it too). */
export function insertRow<T extends VersionedTable & { id: PgColumn }>(ctx: ModuleContext, tx: Tx, resource: Resource<T>, values: Record<string, unknown>) {
  const actor = ctx.user.username;
  return insertAudited(tx, resource.table, {
    values: { ...values, createdBy: actor, updatedBy: actor } as T['$inferInsert'],
    audit: { action: `${resource.entity}.create`, entity: resource.entity, entityId: (row) => String((row as { id: string }).id) },
    auditWrite: ctx.audit,
    locale: ctx.locale,
  });
}

export function createRow<T extends VersionedTable & { id: PgColumn }>(ctx: ModuleContext, resource: Resource<T>, values: Record<string, unknown>) {
  return ctx.db.transaction((tx) => insertRow(ctx, tx, resource, values));
}

export function updateRow<T extends VersionedTable & { id: PgColumn }>(ctx: ModuleContext, resource: Resource<T>, input: { id: string; version: number } & Record<string, unknown>) {
  const { id, version, ...set } = input;
  return ctx.db.transaction((tx) =>
    updateVersioned(tx, resource.table, {
      id: eq(resource.table.id, id),
      version,
      set: set as Partial<T['$inferInsert']>,
      actor: ctx.user.username,
      locale: ctx.locale,
      what: resource.what,
      audit: { action: `${resource.entity}.update`, entity: resource.entity, entityId: id },
      auditWrite: ctx.audit,
    }),
  );
}

export function removeRow<T extends VersionedTable & { id: PgColumn }>(ctx: ModuleContext, resource: Resource<T>, input: { id: string; version: number }) {
  return ctx.db.transaction(async (tx) => {
    await deleteVersioned(tx, resource.table, {
      id: eq(resource.table.id, input.id),
      version: input.version,
      locale: ctx.locale,
      what: resource.what,
      audit: { action: `${resource.entity}.remove`, entity: resource.entity, entityId: input.id },
      auditWrite: ctx.audit,
    });
    return { id: input.id };
  });
}

/** An incident's end may not come before its start. */
function assertIncidentOrder(ctx: ModuleContext, fields: { startedAt: string; endedAt: string | null }) {
  if (incidentMinutes(fields.startedAt, fields.endedAt, fields.startedAt) === null) {
    fail('BAD_REQUEST', ctx.locale, { vi: 'Thời điểm khắc phục không được trước thời điểm xảy ra sự cố.', en: 'The incident cannot end before it started.' });
  }
}

const incidentValues = (fields: z.output<typeof incidentFields>) => ({
  connectionId: fields.connectionId,
  description: fields.description,
  startedAt: new Date(fields.startedAt),
  endedAt: fields.endedAt ? new Date(fields.endedAt) : null,
});

export function createIncident(ctx: ModuleContext, fields: z.output<typeof incidentFields>) {
  assertIncidentOrder(ctx, fields);
  return createRow(ctx, INCIDENT, incidentValues(fields));
}

export function updateIncident(ctx: ModuleContext, input: z.output<typeof incidentFields> & { id: string; version: number }) {
  assertIncidentOrder(ctx, input);
  return updateRow(ctx, INCIDENT, { id: input.id, version: input.version, ...incidentValues(input) });
}

export type FeatureInput = z.output<typeof featureFields>;
export type ConnectionInput = z.output<typeof connectionFields>;
export type FindingInput = z.output<typeof findingFields>;

/** The settings row (the migration writes it with the defaults). */
export async function getSettings(ctx: ModuleContext): Promise<SettingsRow> {
  const [row] = await ctx.db.select().from(settings).where(eq(settings.id, 1));
  if (!row) fail('INTERNAL_SERVER_ERROR', ctx.locale, { vi: 'Thiếu thiết lập của phân hệ.', en: 'The module’s settings are missing.' });
  return row;
}

export function updateSettings(ctx: ModuleContext, input: z.output<typeof settingsInput>) {
  const { version, ...set } = input;
  return ctx.db.transaction((tx) =>
    updateVersioned(tx, settings, {
      id: eq(settings.id, 1),
      version,
      set,
      actor: ctx.user.username,
      locale: ctx.locale,
      what: { vi: 'thiết lập', en: 'Settings' },
      audit: { action: 'tttt.settings.update', entity: 'tttt.settings', entityId: '1' },
      auditWrite: ctx.audit,
    }),
  );
}

export async function listFeatures(ctx: ModuleContext) {
  const today = ctx.services.core.today();
  const rows = await ctx.db.select().from(features).orderBy(asc(features.deadline), asc(features.name));
  const facts = rows.map((row) => ({ ...row, status: row.status as FeatureStatus }));
  return { today, counts: countFeatures(facts, today), items: facts.map((row) => ({ ...row, overdue: isOverdue(row.deadline, row.status === 'done', today) })) };
}

export async function listConnections(ctx: ModuleContext) {
  const today = ctx.services.core.today();
  const now = new Date().toISOString();
  const { staleAfterDays } = await getSettings(ctx);
  const rows = await ctx.db.select().from(connections).orderBy(asc(connections.name));
  const events = rows.length === 0 ? [] : await ctx.db.select().from(incidents).where(inArray(incidents.connectionId, rows.map((row) => row.id))).orderBy(desc(incidents.startedAt));
  const facts = rows.map((row) => ({ ...row, kind: row.kind as ConnectionKind, status: row.status as ConnectionStatus }));
  return {
    today,
    staleAfterDays,
    counts: countConnections(facts, today, staleAfterDays),
    items: facts.map((row) => ({
      ...row,
      stale: isStale(row, today, staleAfterDays),
      incidents: events
        .filter((event) => event.connectionId === row.id)
        .map((event) => ({ ...event, minutes: incidentMinutes(event.startedAt.toISOString(), event.endedAt?.toISOString() ?? null, now), open: event.endedAt === null })),
    })),
  };
}

export async function security(ctx: ModuleContext) {
  const today = ctx.services.core.today();
  const config = await getSettings(ctx);
  const rows = await ctx.db.select().from(findings).orderBy(asc(findings.deadline), asc(findings.title));
  const facts = rows.map((row) => ({ ...row, severity: row.severity as Severity }));
  return {
    today,
    settings: config,
    nextAssessmentDue: nextAssessmentDue(config.securityLevel, config.lastAssessedOn),
    assessmentOverdue: assessmentOverdue(config.securityLevel, config.lastAssessedOn, today),
    counts: countFindings(facts, today),
    findings: facts.map((row) => ({ ...row, overdue: isOverdue(row.deadline, row.resolvedOn !== null, today) })),
  };
}
