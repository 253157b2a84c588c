import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testBackends } from '@dondoc/db/testing';
import { listProcedures } from '@dondoc/trpc';
import { isReady } from '../src/plugins.ts';
import { repoRoot, startTestServer, type Client, type TestServer } from './helpers.ts';

/**
 * Item 7 of issue 10: text no input may carry (NUL, lone surrogates) and dates or periods no
 * one means (years 0000 and 9999, `0001-Q1`) made 500s. Walks every procedure of the core and of
 * every installed module (dondoc.config.json), builds a valid-looking input from its schema,
 * puts each bad value in each of its text fields in turn, and sends it through the real HTTP app,
 * signed in as the administrator and as a department's lead: never a 500; the text values are
 * 400 in the caller's language.
 */
const BAD_TEXT = { nul: 'Báo cáo\u0000quý', loneHigh: 'Kết quả \uD83D', loneLow: '\uDE00 ghi chú' } as const;
const BAD_DATES = ['0000-01-01', '9999-12-31', '0001-Q1', '9999-Q4', '0000-Y', '0001-01-01', '9999-M12'] as const;

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minLength?: number;
  minItems?: number;
  default?: unknown;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
};

interface Ids {
  task: string;
  directive: string;
  report: string;
}

/** A value the schema accepts, as far as its JSON Schema tells: realistic ids, dates, periods and unit codes by field name. */
function sample(schema: JsonSchema, root: JsonSchema, name: string, ids: Ids, route: string, all: boolean): unknown {
  if (schema.$ref) {
    const key = schema.$ref.replace(/^#\/\$defs\//, '');
    return sample(root.$defs?.[key] ?? {}, root, name, ids, route, all);
  }
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const options = schema.anyOf ?? schema.oneOf;
  if (options) {
    const option = options.find((o) => o.type !== 'null') ?? options[0]!;
    return sample(option, root, name, ids, route, all);
  }
  if (schema.allOf?.[0]) return sample(schema.allOf[0], root, name, ids, route, all);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(schema.properties ?? {})) {
        if (all || schema.required?.includes(key)) out[key] = sample(value, root, key, ids, route, all);
      }
      return out;
    }
    case 'array': {
      const item = schema.prefixItems?.[0] ?? schema.items;
      return item ? [sample(item, root, name, ids, route, all)] : [];
    }
    case 'integer':
    case 'number':
      if (/version/i.test(name)) return 1;
      return Math.max(schema.minimum ?? 1, schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return false;
    case 'string': {
      if (schema.format === 'uuid') {
        if (/^task/i.test(name) || (name === 'id' && route.startsWith('tasks.'))) return ids.task;
        if (/^directive/i.test(name) || (name === 'id' && route.startsWith('directives.'))) return ids.directive;
        if (/^report/i.test(name) || (name === 'id' && route.startsWith('reports.'))) return ids.report;
        return ids.task;
      }
      if (/period/i.test(name)) return '2024-Q2';
      if (/date|^asOf$|On$|deadline|due|^from$|^to$/i.test(name)) return '2024-06-30';
      if (/unit/i.test(name) || (schema.pattern && schema.pattern.includes('A-Z'))) return 'STC';
      return 'Nội dung kiểm tra';
    }
    default:
      return 'Nội dung kiểm tra';
  }
}

/** Every path to a string leaf of `value` (not ids: a uuid field refuses any bad value by its own check). */
function stringLeaves(value: unknown, path: string[] = []): string[][] {
  if (typeof value === 'string') return /^[0-9a-f-]{36}$/.test(value) ? [] : [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringLeaves(item, [...path, String(i)]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => stringLeaves(item, [...path, key]));
  return [];
}

function withLeaf(value: unknown, path: string[], leaf: string): unknown {
  if (path.length === 0) return leaf;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string, unknown>;
  copy[path[0]!] = withLeaf(copy[path[0]!], path.slice(1), leaf);
  return copy;
}

interface Case {
  module: string;
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  input: unknown;
  value: string;
  field: string;
}

function call(client: Client, c: Case, locale: 'vi' | 'en' = 'vi'): Promise<Response> {
  const headers = { 'x-dondoc-locale': locale };
  if (c.type === 'mutation') {
    return client.fetch(`/api/trpc/${c.module}/${c.path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(c.input) });
  }
  return client.fetch(`/api/trpc/${c.module}/${c.path}?input=${encodeURIComponent(JSON.stringify(c.input))}`, { headers });
}

describe.each(testBackends)('bad text and out-of-range dates through HTTP on %s', (backend) => {
  let server: TestServer;
  const cases: Case[] = [];
  let procedures = 0;
  beforeAll(async () => {
    const installed = await readFile(join(repoRoot, 'dondoc.config.json'), 'utf8')
      .then((text) => (JSON.parse(text) as { plugins: Array<{ id: string; server: string; web?: string }> }).plugins)
      .catch(() => []);
    server = await startTestServer(
      backend,
      installed.map((p) => ({ ...p, server: join(repoRoot, p.server) })),
    );
    const admin = await server.signIn('admin');
    const first = async (path: string, input: unknown, pick: (body: unknown) => string | undefined) =>
      pick(((await (await admin.query('core', path, input)).json()) as { result?: { data?: unknown } }).result?.data) ?? '00000000-0000-4000-8000-000000000000';
    const ids: Ids = {
      task: await first('tasks.list', { limit: 1 }, (d) => (d as { items?: Array<{ id: string }> })?.items?.[0]?.id),
      directive: await first('directives.list', undefined, (d) => (d as Array<{ id: string }>)?.[0]?.id),
      report: await first('reports.list', {}, (d) => (d as Array<{ id: string }>)?.[0]?.id),
    };
    const routers = [
      { module: 'core', router: server.runtime.coreRouter },
      ...server.runtime.plugins.filter(isReady).map((p) => ({ module: p.id, router: p.router })),
    ];
    for (const { module, router } of routers) {
      const defs = router._def.procedures as Record<string, { _def: { inputs: z.ZodType[] } }>;
      for (const procedure of listProcedures(router)) {
        // Uploads are multipart: their file names and bodies have their own checks (upload.ts).
        if (procedure.meta?.upload || procedure.type === 'subscription') continue;
        procedures++;
        const parser = defs[procedure.path]!._def.inputs[0];
        const schema = parser ? (z.toJSONSchema(parser, { io: 'input', unrepresentable: 'any' }) as JsonSchema) : { type: 'object' };
        const bases = [sample(schema, schema, '', ids, procedure.path, true), sample(schema, schema, '', ids, procedure.path, false)];
        const seen = new Set<string>();
        for (const base of bases) {
          const leaves = stringLeaves(base);
          // A procedure without text fields still gets the bad text as an extra field of its input.
          const targets = leaves.length > 0 ? leaves : [['note']];
          for (const leaf of targets) {
            for (const value of [...Object.values(BAD_TEXT), ...BAD_DATES]) {
              const input = withLeaf(base && typeof base === 'object' ? base : {}, leaf, value);
              const key = JSON.stringify(input);
              if (seen.has(key)) continue;
              seen.add(key);
              cases.push({ module, path: procedure.path, type: procedure.type, input, value, field: leaf.join('.') });
            }
          }
        }
      }
    }
  }, 120_000);
  afterAll(async () => server?.close());

  it.each(['admin', 'stc'])('no procedure answers 500 to any bad value, as %s', async (username) => {
    const client = await server.signIn(username);
    const failures: string[] = [];
    const textRefusals: string[] = [];
    for (const c of cases) {
      const response = await call(client, c);
      const body = (await response.json()) as { error?: { message?: string; data?: { code?: string } } };
      const label = `${c.module}.${c.path} ${c.field}=${JSON.stringify(c.value)}`;
      if (response.status >= 500) failures.push(`${label}: ${response.status}`);
      if (Object.values(BAD_TEXT).includes(c.value as never)) {
        if (response.status !== 400 || !/ký tự/.test(body.error?.message ?? '')) textRefusals.push(`${label}: ${response.status} ${body.error?.message}`);
      }
    }
    console.info(`${backend}, ${username}: ${procedures} procedures, ${cases.length} bad inputs, ${failures.length} answers of 500`);
    expect(procedures).toBeGreaterThan(40);
    expect(failures).toEqual([]);
    expect(textRefusals).toEqual([]);
  }, 300_000);

  it('refuses a NUL anywhere, even in an object key, in English for an English caller', async () => {
    const client = await server.signIn('admin');
    const response = await call(client, { module: 'core', path: 'tasks.list', type: 'query', input: { q: 'ok', ['k\u0000']: 1 }, value: '', field: '' }, 'en');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string; data: { code: string } } };
    expect(body.error.data.code).toBe('BAD_REQUEST');
    expect(body.error.message).toMatch(/^The data contains an invalid character \(NUL\)/);
  });

  it('refuses years 0000 and 9999 and period 0001-Q1 as invalid input, in Vietnamese', async () => {
    const client = await server.signIn('ubnd');
    for (const asOf of ['0000-01-01', '9999-12-31', '1899-12-31', '3000-01-01']) {
      const response = await client.query('core', 'tasks.list', { asOf });
      expect(response.status, asOf).toBe(400);
      const body = (await response.json()) as { error: { data: { fieldErrors: Array<{ path: string[]; message: string }> } } };
      expect(body.error.data.fieldErrors).toEqual([{ path: ['asOf'], message: 'Ngày phải có dạng YYYY-MM-DD và là một ngày có thật, năm từ 1900 đến 2999.' }]);
    }
    expect((await client.query('core', 'tasks.list', { asOf: '1900-01-01' })).status).toBe(200);
    expect((await client.query('core', 'tasks.list', { asOf: '2999-12-31' })).status).toBe(200);
    for (const periodId of ['0001-Q1', '9999-Q4', '0000-Y', '1899-M12']) {
      const response = await client.query('core', 'reports.get', { unitCode: 'UBND', periodId });
      expect(response.status, periodId).toBe(400);
    }
  });

  it('refuses a NUL or a lone surrogate in the JSON of /api/auth, in the caller’s language', async () => {
    for (const [username, locale] of [
      ['ad\u0000min', 'vi'],
      ['\uD800admin', 'en'],
    ] as const) {
      const response = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-dondoc-locale': locale },
        body: JSON.stringify({ username, password: 'dondoc-demo' }),
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('bad_text');
      expect(body.error.message).toMatch(locale === 'vi' ? /ký tự/ : /invalid/);
    }
  });
});
