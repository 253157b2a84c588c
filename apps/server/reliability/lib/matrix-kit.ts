/**
 * What the authorization matrix's tables (lib/matrix.ts and the department modules' in
 * lib/modules/) share: reading rows, a tRPC answer's data, an upload, Ba Đình's code.
 */
import type { sql } from 'drizzle-orm';
import { BA_DINH_UNIT_CODE } from '@dondoc/auth';
import type { Client, TestServer } from '../../test/helpers.ts';

export const BD = (): string => BA_DINH_UNIT_CODE;

export interface UploadSample {
  fields: unknown;
  file: { name: string; type: string; bytes: Uint8Array<ArrayBuffer> };
}

export type Row = Record<string, unknown>;
export async function rows(server: TestServer, query: ReturnType<typeof sql>): Promise<Row[]> {
  // PGlite's driver answers `{ rows }`, the Postgres one the rows themselves.
  const result = (await server.runtime.database.db.execute(query)) as unknown as { rows: Row[] } | Row[];
  return Array.isArray(result) ? result : result.rows;
}

/** The data of a tRPC answer; throws with the answer when it is not a success. */
export async function dataOf<T>(response: Response, what: string): Promise<T> {
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${what} answered ${response.status}: ${text.slice(0, 300)}`);
  return (JSON.parse(text) as { result: { data: T } }).result.data;
}

/** Sends a multipart upload the way the browser's client does. */
export function upload(client: Client, module: string, path: string, sample: UploadSample): Promise<Response> {
  const form = new FormData();
  form.set('file', new Blob([sample.file.bytes], { type: sample.file.type }), sample.file.name);
  form.set('input', JSON.stringify(sample.fields));
  return client.fetch(`/api/trpc/${module}/${path}`, { method: 'POST', body: form });
}

export interface Versioned {
  id: string;
  version: number;
}

export const versioned = (row: Row | undefined, what: string): Versioned => {
  if (!row) throw new Error(`fixture missing: ${what}`);
  return { id: String(row.id), version: Number(row.version) };
};


/** A CSV file to upload. */
export const csv = (name: string, text: string): UploadSample['file'] => ({ name, type: 'text/csv', bytes: new TextEncoder().encode(text) });
