/**
 * Fuzzing helpers for `fuzz.test.ts` (suite property 2): a plausible input built from a
 * procedure's input schema, fast-check arbitraries that break it in every way a caller could
 * (random JSON, bad text, huge and NaN-like numbers, dates out of range, wrong types, extra keys,
 * deep nesting, arrays of thousands), file bytes for the import and evidence paths, and the
 * checks every answer must pass (no 500, no stack trace or SQL, a 4xx message in the caller's
 * language).
 */
import type { AnyRouter } from '@trpc/server';
import fc from 'fast-check';
import { z } from 'zod';
import { listProcedures } from '@dondoc/trpc';
import { isReady } from '../../src/plugins.ts';
import type { Runtime } from '../../src/runtime.ts';

/** A procedure's input as JSON Schema (zod's `toJSONSchema`); `true`/`false` stand for "anything"/"nothing". */
export type JsonSchema = z.core.JSONSchema._JSONSchema;

/** One procedure to fuzz: where it answers, how it is called, its input's schema. */
export interface Procedure {
  module: string;
  path: string;
  type: 'query' | 'mutation';
  /** Takes a file (multipart): its input schema is FormData's, not worth sampling. */
  upload: boolean;
  schema: JsonSchema;
}

/** The procedures of the core and of every ready module of a running server. */
export function proceduresOf(runtime: Runtime): Procedure[] {
  const mounted: Array<[string, AnyRouter]> = [['core', runtime.coreRouter], ...runtime.plugins.filter(isReady).map((m): [string, AnyRouter] => [m.id, m.router])];
  return mounted.flatMap(([module, router]) => {
    const inputs = router._def.procedures as Record<string, { _def: { inputs: z.ZodType[] } }>;
    return listProcedures(router).flatMap((info): Procedure[] => {
      if (info.type === 'subscription') return [];
      const upload = info.meta?.upload !== undefined;
      const parser = upload ? undefined : inputs[info.path]?._def.inputs[0];
      const schema: JsonSchema = parser ? z.toJSONSchema(parser, { io: 'input', unrepresentable: 'any' }) : { type: 'object' };
      return [{ module, path: info.path, type: info.type, upload, schema }];
    });
  });
}

/** Real row ids of the seeded demo, so that a plausible input reaches past "not found". */
export interface Ids {
  task: string;
  directive: string;
  report: string;
  [other: string]: string;
}

/** A value the schema accepts, as far as its JSON Schema tells: realistic ids, dates, periods and unit codes by field name. */
export function plausible(node: JsonSchema, root: JsonSchema, name: string, ids: Ids, route: string): unknown {
  if (typeof node === 'boolean' || typeof root === 'boolean') return 'Nội dung kiểm tra';
  const again = (next: JsonSchema | undefined, key = name) => plausible(next ?? true, root, key, ids, route);
  if (node.$ref) return again(root.$defs?.[node.$ref.replace(/^#\/\$defs\//, '')]);
  if (node.const !== undefined) return node.const;
  if (node.enum) return node.enum[0];
  const choices = node.anyOf ?? node.oneOf;
  if (choices) return again(choices.find((c) => c.type !== 'null') ?? choices[0]);
  if (node.allOf?.[0]) return again(node.allOf[0]);
  const kind = Array.isArray(node.type) ? node.type.find((t) => t !== 'null') : node.type;
  if (kind === 'object') return Object.fromEntries(Object.entries(node.properties ?? {}).map(([key, child]) => [key, again(child, key)]));
  if (kind === 'array') {
    const item = node.prefixItems?.[0] ?? (Array.isArray(node.items) ? node.items[0] : node.items);
    return item === undefined ? [] : [again(item)];
  }
  if (kind === 'integer' || kind === 'number') {
    if (/version/i.test(name)) return 1;
    if (/year/i.test(name)) return 2024;
    const floor = typeof node.exclusiveMinimum === 'number' ? node.exclusiveMinimum + 1 : 1;
    return Math.max(node.minimum ?? 1, floor);
  }
  if (kind === 'boolean') return false;
  if (kind !== 'string') return 'Nội dung kiểm tra';
  if (node.format === 'uuid') {
    const row = (['task', 'directive', 'report'] as const).find((k) => new RegExp(`^${k}`, 'i').test(name) || (name === 'id' && route.startsWith(`${k}s.`)));
    return row ? ids[row] : (ids[route.split('.')[0] ?? ''] ?? ids.task);
  }
  if (/period/i.test(name)) return '2024-Q2';
  if (/date|^asOf$|On$|deadline|due|^from$|^to$/i.test(name)) return '2024-06-30';
  if (/unit/i.test(name) || node.pattern?.includes('A-Z')) return 'STC';
  return 'Nội dung kiểm tra';
}

/** Every path to a leaf (or an empty container) of a JSON value; the root is `[]`. */
export function leafPaths(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value) && value.length > 0) return [path, ...value.flatMap((item, i) => leafPaths(item, [...path, i]))];
  if (value && typeof value === 'object' && Object.keys(value).length > 0) {
    return [path, ...Object.entries(value).flatMap(([key, item]) => leafPaths(item, [...path, key]))];
  }
  return [path];
}

function valueAt(value: unknown, path: Array<string | number>): unknown {
  return path.reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string | number, unknown>)[key] : undefined), value);
}

/** `value` with the thing at `path` replaced by `leaf` (a copy; `undefined` drops the key). */
export function withAt(value: unknown, path: Array<string | number>, leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path as [string | number, ...Array<string | number>];
  if (rest.length === 0 && leaf === undefined) delete copy[head];
  else copy[head] = withAt(copy[head], rest, leaf);
  return copy;
}

/** Text that breaks things: NUL, lone surrogates, RTL overrides, emoji, combining marks, SQL and HTML, very long. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'Báo cáo\u0000quý',
    'Kết quả \uD83D',
    '\uDE00 ghi chú',
    '\u202Eexe.fdp',
    'مرحبا بالعالم',
    'שלום \u200F\u202B',
    '👩‍👩‍👧‍👦🇻🇳💥',
    'Ba\u0301o ca\u0301o',
    'e\u0301\u0301\u0301\u0301\u0301\u0301\u0301',
    "'; drop table tasks; --",
    '" or 1=1 --',
    '<script>alert(1)</script>',
    '${7*7}{{7*7}}',
    '%00%27%22',
    '../../etc/passwd',
    'null',
    'undefined',
    'NaN',
    '-0',
    '1e309',
    '2024-02-30',
    '0000-01-01',
    '9999-12-31',
    '+275760-09-13',
    '-000001-01-01',
    '2024-13-01',
    '2024-Q5',
    '2024-Q0',
    '0001-Q1',
    '9999-M12',
    '2024-M00',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    'stc',
    'STC\u0000',
    'Q001',
    'A'.repeat(64),
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(1_000, 5_000).map((n) => 'Đ'.repeat(n)),
);

/** Numbers no one means: huge, negative, fractional, out of every integer range; NaN and Infinity arrive as `null` in JSON. */
export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.constantFrom(2 ** 31, 2 ** 32, -(2 ** 31) - 1, 2 ** 53, -(2 ** 53), 1e15, -1e15), weight: 2 },
  fc.constantFrom(0, -0, -1, 1.5, 2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 53, 2 ** 63, Number.MAX_SAFE_INTEGER + 2, Number.MAX_VALUE, Number.MIN_VALUE, -Number.MAX_VALUE, 1e21, 1e-7, 9999, 10_000, 275_761, -271_821),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
);

/** A value nested `depth` levels deep. */
const deep = (depth: number, kind: 'array' | 'object'): unknown => {
  let value: unknown = 'Đáy';
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
};

/** Anything that can stand where a value was: other types, nasty scalars, deep nesting, arrays of thousands. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: nastyString, weight: 4 },
  { arbitrary: nastyNumber, weight: 3 },
  { arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { '': null }), weight: 2 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 2 },
  { arbitrary: fc.constantFrom(20, 200, 2_000).chain((depth) => fc.constantFrom(deep(depth, 'array'), deep(depth, 'object'))), weight: 1 },
  { arbitrary: fc.constantFrom(1_000, 5_000).chain((n) => fc.constantFrom(Array.from({ length: n }, (_, i) => i), Array.from({ length: n }, () => 'Đơn vị'), Array.from({ length: n }, () => ({})))), weight: 1 },
);

/** Extra keys an input was not meant to carry, prototype pollution included. */
const extraKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'id', 'unitCode', 'version', 'ctx', '', '\u0000', '\uD800'), fc.string({ maxLength: 12 }));

export type Mutation = { kind: string; input: unknown };

/**
 * Inputs for one procedure, from its plausible input: random JSON values; the plausible input
 * with one of its values (or itself) replaced by a nasty value, a key dropped, extra keys added,
 * or several of these at once; and the plausible input as it is.
 */
export function inputsFor(base: unknown): fc.Arbitrary<Mutation> {
  const paths = leafPaths(base);
  // A value is mostly replaced by a nasty one of its own type (what gets past a type check), else by anything.
  const replace = fc.constantFrom(...paths).chain((path) => {
    const old = valueAt(base, path);
    const own = typeof old === 'number' ? nastyNumber : typeof old === 'string' ? nastyString : nastyValue;
    return fc.oneof({ arbitrary: own, weight: 3 }, { arbitrary: nastyValue, weight: 1 }).map((value): Mutation => ({ kind: 'replace', input: withAt(base, path, value) }));
  });
  const drop = fc.constantFrom(...paths.filter((p) => p.length > 0 && typeof p.at(-1) === 'string'), ['note']).map((path): Mutation => ({ kind: 'drop', input: withAt(base, path, undefined) }));
  const extra = fc.tuple(extraKey, nastyValue).map(([key, value]): Mutation => {
    const object = base && typeof base === 'object' && !Array.isArray(base) ? base : {};
    // JSON.parse makes `__proto__` an own key, as it arrives from a caller.
    return { kind: 'extra', input: JSON.parse(JSON.stringify({ ...object, [key === '__proto__' ? 'x__proto__' : key]: value }).replace('"x__proto__"', '"__proto__"')) };
  });
  const inner = paths.filter((p) => p.length > 0);
  const several = fc.array(fc.tuple(fc.constantFrom(...(inner.length > 0 ? inner : [[]])), nastyValue), { minLength: 2, maxLength: 4 }).map((changes): Mutation => ({
    kind: 'several',
    input: changes.reduce<unknown>((input, [path, value]) => withAt(input, path, value), base),
  }));
  return fc.oneof(
    { arbitrary: fc.jsonValue({ maxDepth: 4 }).map((input): Mutation => ({ kind: 'json', input })), weight: 2 },
    { arbitrary: replace, weight: 5 },
    { arbitrary: drop, weight: 1 },
    { arbitrary: extra, weight: 2 },
    { arbitrary: paths.length > 1 ? several : replace, weight: 2 },
    { arbitrary: fc.constant<Mutation>({ kind: 'plausible', input: base }), weight: 1 },
  );
}

/** A raw request body or `?input=` that is not the JSON it should be. */
export const rawText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', '{', '{"a":', '[1,2', 'undefined', 'NaN', '{"a":1}}', '\u0000', '{"json":null}', '{"0":{"json":1}}', '"\\uD800"', '{"a":"\\u0000"}'),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom(100, 10_000).map((n) => '['.repeat(n) + ']'.repeat(n)),
);

/** Bytes of a file sent to an import or an evidence upload. */
export interface FileCase {
  kind: string;
  name: string;
  bytes: Uint8Array;
  /** The `input` part: the procedure's other fields as JSON (or not JSON at all); `undefined` leaves it out. */
  input: string | undefined;
}

const enc = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

/** A zip local-file header with the sizes and name length it claims (lies included), then `body`. */
function zipEntry(name: string, body: Uint8Array, claimed: { compressed: number; size: number; method: number }): Uint8Array {
  const head = new Uint8Array(30);
  const view = new DataView(head.buffer);
  view.setUint32(0, 0x04034b50, true);
  view.setUint16(4, 20, true);
  view.setUint16(8, claimed.method, true);
  view.setUint32(18, claimed.compressed >>> 0, true);
  view.setUint32(22, claimed.size >>> 0, true);
  view.setUint16(26, enc(name).length, true);
  return concat(head, enc(name), body);
}

/** An end-of-central-directory record claiming `entries` entries at `offset`. */
function zipEnd(entries: number, offset: number, size: number): Uint8Array {
  const end = new Uint8Array(22);
  const view = new DataView(end.buffer);
  view.setUint32(0, 0x06054b50, true);
  view.setUint16(8, entries & 0xffff, true);
  view.setUint16(10, entries & 0xffff, true);
  view.setUint32(12, size >>> 0, true);
  view.setUint32(16, offset >>> 0, true);
  return end;
}

const csvCell = fc.oneof(nastyString, fc.constantFrom('Sở Tài chính', 'Trường THPT Chu Văn An', '2024', '-1', '1e309', '=1+1', '=HYPERLINK("http://x")', '"', '""', ';', ',', '\r', '\n'));

/** File bytes: random, truncated or bit-flipped real workbooks, zip-like garbage, csv with huge headers and odd cells, magic numbers of other types. */
export function fileBytes(samples: { xlsx: Uint8Array; csv: string }): fc.Arbitrary<{ kind: string; bytes: Uint8Array }> {
  const { xlsx, csv } = samples;
  return fc.oneof(
    fc.uint8Array({ minLength: 1, maxLength: 4096 }).map((bytes) => ({ kind: 'random bytes', bytes })),
    fc.integer({ min: 1, max: xlsx.length - 1 }).map((cut) => ({ kind: 'truncated xlsx', bytes: xlsx.slice(0, cut) })),
    fc.array(fc.tuple(fc.nat({ max: xlsx.length - 1 }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 32 }).map((flips) => {
      const bytes = xlsx.slice();
      for (const [at, mask] of flips) bytes[at]! ^= mask;
      return { kind: 'bit-flipped xlsx', bytes };
    }),
    fc.tuple(fc.uint8Array({ maxLength: 512 }), fc.nat(), fc.nat(), fc.constantFrom(0, 8, 12, 99), fc.nat({ max: 0xffff }), fc.nat()).map(([body, compressed, size, method, entries, offset]) => ({
      kind: 'zip-like garbage',
      bytes: concat(zipEntry('xl/workbook.xml', body, { compressed, size, method }), zipEnd(entries, offset, compressed)),
    })),
    fc.uint8Array({ maxLength: 256 }).map((tail) => ({ kind: 'zip magic', bytes: concat(enc('PK\u0003\u0004'), tail) })),
    fc.tuple(fc.constantFrom(100, 2_000, 20_000), fc.constantFrom(1, 50_000, 400_000)).map(([columns, cellLength]) => ({
      kind: 'csv huge header',
      bytes: enc(`${Array.from({ length: columns }, (_, i) => `Cột ${i}`).join(';')}\n${'Đ'.repeat(Math.min(cellLength, 150_000))};2024\n`),
    })),
    fc.array(fc.array(csvCell, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 30 }).map((rows) => ({
      kind: 'csv odd cells',
      bytes: enc(`${csv.split('\n')[0]}\n${rows.map((row) => row.join(';')).join('\n')}`),
    })),
    fc.tuple(fc.constantFrom('\uFEFF', '\uFFFE', '', '\u0000'), fc.constantFrom('\n', '\r\n', '\r'), fc.constantFrom(';', ',', '\t')).map(([bom, newline, separator]) => ({
      kind: 'csv odd encoding',
      bytes: enc(bom + csv.replaceAll('\n', newline).replaceAll(';', separator)),
    })),
    fc.tuple(fc.constantFrom('%PDF-1.7\n', '\u0089PNG\r\n\u001a\n', '\u00ff\u00d8\u00ff\u00e0', 'GIF89a', 'MZ', '<?xml version="1.0"?>', '{\\rtf1'), fc.uint8Array({ maxLength: 512 })).map(([magic, tail]) => ({
      kind: 'other magic',
      bytes: concat(Uint8Array.from(magic, (c) => c.charCodeAt(0) & 0xff), tail),
    })),
    fc.constant({ kind: 'valid xlsx', bytes: xlsx }),
    fc.constant({ kind: 'valid csv', bytes: enc(csv) }),
  );
}

const fileName = fc.oneof(
  { arbitrary: fc.constantFrom('don-vi.xlsx', 'don-vi.csv', 'minh-chung.pdf', 'Báo cáo quý.xlsx', 'anh.png'), weight: 4 },
  { arbitrary: fc.constantFrom('', '..', '../../x.csv', '\u202Efdp.exe', 'a'.repeat(300) + '.csv', 'x.xlsx\u0000.exe', 'NUL', 'con.csv', '\uD800.csv'), weight: 2 },
  { arbitrary: fc.string({ maxLength: 30 }), weight: 1 },
);

/** A whole multipart case: the file's bytes and name, and the `input` part (plausible, nasty, not JSON, or absent). */
export function fileCases(samples: { xlsx: Uint8Array; csv: string }, baseInput: unknown): fc.Arbitrary<FileCase> {
  const input = fc.oneof(
    { arbitrary: fc.constant(JSON.stringify(baseInput)), weight: 6 },
    { arbitrary: inputsFor(baseInput).map((m) => JSON.stringify(m.input ?? null)), weight: 2 },
    { arbitrary: rawText, weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );
  return fc.tuple(fileBytes(samples), fileName, input).map(([file, name, part]) => ({ kind: file.kind, name, bytes: file.bytes, input: part }));
}

/** Letters only Vietnamese writes (a, e, i, o, u, y with tone marks; ă, â, đ, ê, ô, ơ, ư). */
export const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

/** A stack trace, a source path, or the text of a database error. */
const LEAKS: Array<[string, RegExp]> = [
  ['stack trace', /\bat (?:async )?[\w$.<>]+ \(|\bat file:\/\/|node:internal|\/node_modules\/|\.tsx?:\d+:\d+/],
  ['SQL', /Failed query:|\bselect\s+[\w"*., ]+\s+from\s+"|\binsert into\s+"|\bupdate\s+"\w+"\s+set\b|\bdelete from\s+"|syntax error at or near|violates (?:foreign key|unique|check|not-null) constraint|duplicate key value|relation "\w+" does not exist|invalid input syntax for|out of range for type|\bparams: /i],
];

export interface Answer {
  status: number;
  text: string;
}

/** The problems an answer shows: a 5xx, leaked internals, a 4xx without a message in the caller's language. */
export function problemsOf(answer: Answer, locale: 'vi' | 'en', echoed: string[]): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`status ${answer.status}`);
  for (const [what, pattern] of LEAKS) if (pattern.test(answer.text)) problems.push(`${what} in the answer`);
  if (answer.status < 400 || answer.status >= 500) return problems;
  // 431: Node's own refusal of a URL over its header limit, before the app (no body to localize).
  if (answer.status === 431) return problems;
  type Body = { error?: { message?: unknown; data?: { fieldErrors?: Array<{ message?: unknown }> } } };
  let parsed: Body | Body[];
  try {
    parsed = JSON.parse(answer.text) as Body | Body[];
  } catch {
    return [...problems, 'a 4xx answer that is not JSON'];
  }
  // A batch answers one body per call.
  const bodies = Array.isArray(parsed) ? parsed.filter((b) => b?.error) : [parsed];
  if (bodies.length === 0) return [...problems, 'a 4xx answer without a message'];
  const messages: unknown[] = [];
  for (const body of bodies) {
    if (typeof body.error?.message !== 'string' || body.error.message.trim() === '') return [...problems, 'a 4xx answer without a message'];
    messages.push(body.error.message, ...(body.error.data?.fieldErrors ?? []).map((f) => f.message));
  }
  for (const message of messages) {
    if (typeof message !== 'string') continue;
    if (message.includes('\u2063')) problems.push(`an unresolved two-language text: ${JSON.stringify(message)}`);
    // What the caller sent may come back in the message (a file name, a value): it is not the message's language.
    // So may names kept in the portal (a unit's name) and, in English, a quoted column header the file must have.
    const own = ownWords(message, locale, echoed);
    if (locale === 'vi' && !VIETNAMESE.test(own)) problems.push(`a message not in Vietnamese for vi: ${JSON.stringify(message)}`);
    if (locale === 'en' && VIETNAMESE.test(own)) problems.push(`a message with Vietnamese for en: ${JSON.stringify(message)}`);
  }
  return problems;
}

/** A message without what the caller sent, the names the portal keeps, and (in English) quoted Vietnamese names. */
export function ownWords(message: string, locale: 'vi' | 'en', echoed: string[]): string {
  const without = echoed.filter((e) => e.length >= 3).reduce((m, e) => m.split(e).join(' '), message);
  return locale === 'en' ? without.replace(/"[^"]*"|“[^”]*”/g, ' ') : without;
}

/** Every string in a JSON value, keys included: what an answer may echo. */
export function stringsOf(value: unknown, depth = 0): string[] {
  if (typeof value === 'string') return [value, value.trim(), value.normalize('NFC')];
  if (depth > 30) return [];
  if (Array.isArray(value)) return value.slice(0, 50).flatMap((item) => stringsOf(item, depth + 1));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => [key, ...stringsOf(item, depth + 1)]);
  return [];
}

/** A stable 32-bit seed for one procedure from the run's seed. */
export function seedFor(seed: number, label: string): number {
  let hash = seed | 0;
  for (const char of label) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}
