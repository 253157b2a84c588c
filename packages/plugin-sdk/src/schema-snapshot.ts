/**
 * A snapshot of a database's schema — schemas, tables (and views, sequences), columns,
 * indexes, constraints, functions, triggers, types, extensions — read from pg_catalog and
 * information_schema, on PGlite and Postgres alike. The contract check compares the snapshot
 * of a database migrated with auth and core only to that of the module's database: every
 * difference outside the module's own schema is a breach.
 */
import { queryRows, type Queryable } from '@dondoc/db';
import { sql } from 'drizzle-orm';

/** One schema object: the schema it lives in, the table it belongs to (if any), and a description that changes with its definition. */
export interface SchemaObject {
  schema: string;
  /** `schema.table` for columns, indexes, constraints and triggers. */
  table?: string;
  /** E.g. `column core.tasks.x integer`; unique within a snapshot. */
  description: string;
  /** What else makes up its definition, not worth printing (a function's body). */
  definition?: string;
}

const systemSchema = sql`(n.nspname like 'pg\\_%' or n.nspname = 'information_schema')`;

export async function schemaSnapshot(db: Queryable): Promise<SchemaObject[]> {
  const objects: SchemaObject[] = [];
  const schemas = await queryRows<{ name: string }>(db, sql`select n.nspname as name from pg_namespace n where not ${systemSchema}`);
  for (const { name } of schemas) objects.push({ schema: name, description: `schema ${name}` });

  const relations = await queryRows<{ schema: string; name: string; kind: string }>(
    db,
    sql`select n.nspname as schema, c.relname as name, c.relkind::text as kind from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') and not ${systemSchema}`,
  );
  const kinds: Record<string, string> = { r: 'table', p: 'table', v: 'view', m: 'materialized view', S: 'sequence', f: 'foreign table' };
  for (const r of relations) objects.push({ schema: r.schema, description: `${kinds[r.kind] ?? r.kind} ${r.schema}.${r.name}` });

  const columns = await queryRows<{ schema: string; table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null }>(
    db,
    sql`select table_schema as schema, table_name, column_name, data_type, is_nullable, column_default
        from information_schema.columns where table_schema not like 'pg\\_%' and table_schema <> 'information_schema'`,
  );
  for (const c of columns) {
    const table = `${c.schema}.${c.table_name}`;
    const definition = `${c.data_type}${c.is_nullable === 'NO' ? ' not null' : ''}${c.column_default ? ` default ${c.column_default}` : ''}`;
    objects.push({ schema: c.schema, table, description: `column ${table}.${c.column_name} ${definition}` });
  }

  const indexes = await queryRows<{ schema: string; table_name: string; definition: string }>(
    db,
    sql`select schemaname as schema, tablename as table_name, indexdef as definition from pg_indexes
        where schemaname not like 'pg\\_%' and schemaname <> 'information_schema'`,
  );
  for (const i of indexes) objects.push({ schema: i.schema, table: `${i.schema}.${i.table_name}`, description: `index ${i.definition}` });

  const constraints = await queryRows<{ schema: string; table_name: string; name: string; definition: string }>(
    db,
    sql`select n.nspname as schema, coalesce(c.relname, '') as table_name, k.conname as name, pg_get_constraintdef(k.oid) as definition
        from pg_constraint k join pg_namespace n on n.oid = k.connamespace left join pg_class c on c.oid = k.conrelid
        where not ${systemSchema}`,
  );
  for (const k of constraints) {
    const table = k.table_name ? `${k.schema}.${k.table_name}` : undefined;
    objects.push({ schema: k.schema, table, description: `constraint ${k.name} on ${table ?? k.schema} ${k.definition}` });
  }

  const functions = await queryRows<{ schema: string; name: string; args: string; definition: string }>(
    db,
    sql`select n.nspname as schema, p.proname as name, pg_get_function_identity_arguments(p.oid) as args, md5(coalesce(p.prosrc, '')) as definition
        from pg_proc p join pg_namespace n on n.oid = p.pronamespace where not ${systemSchema}`,
  );
  for (const f of functions) objects.push({ schema: f.schema, description: `function ${f.schema}.${f.name}(${f.args})`, definition: f.definition });

  const triggers = await queryRows<{ schema: string; table_name: string; definition: string }>(
    db,
    sql`select n.nspname as schema, c.relname as table_name, pg_get_triggerdef(t.oid) as definition
        from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
        where not t.tgisinternal and not ${systemSchema}`,
  );
  for (const t of triggers) objects.push({ schema: t.schema, table: `${t.schema}.${t.table_name}`, description: `trigger ${t.definition}` });

  const types = await queryRows<{ schema: string; name: string; kind: string }>(
    db,
    sql`select n.nspname as schema, t.typname as name, t.typtype::text as kind from pg_type t
        join pg_namespace n on n.oid = t.typnamespace
        where t.typtype in ('e', 'd') and not ${systemSchema}`,
  );
  for (const t of types) objects.push({ schema: t.schema, description: `${t.kind === 'e' ? 'enum' : 'domain'} ${t.schema}.${t.name}` });

  const extensions = await queryRows<{ name: string; schema: string }>(
    db,
    sql`select e.extname as name, n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname <> 'plpgsql'`,
  );
  for (const e of extensions) objects.push({ schema: '', description: `extension ${e.name} (in ${e.schema})` });
  return objects;
}

/**
 * What `after` changed outside `ownSchema` compared to `before`: each added, removed or
 * changed object ("added column core.tasks.x integer"), without the columns, indexes and
 * constraints of a table that is itself added or removed.
 */
export function schemaChangesOutside(before: SchemaObject[], after: SchemaObject[], ownSchema: string): string[] {
  const outside = (objects: SchemaObject[]) => objects.filter((object) => object.schema !== ownSchema);
  const key = (object: SchemaObject) => `${object.description}\0${object.definition ?? ''}`;
  const keys = (objects: SchemaObject[]) => new Set(objects.map(key));
  const names = (objects: SchemaObject[]) => new Set(objects.map((object) => object.description));
  const [wasKeys, isKeys, wasNames, isNames] = [keys(before), keys(after), names(before), names(after)];
  const added = outside(after).filter((object) => !wasKeys.has(key(object)));
  const removed = outside(before).filter((object) => !isKeys.has(key(object)) && !isNames.has(object.description));
  const tableOf = (description: string) => /^(?:table|view|materialized view|foreign table) (.+)$/.exec(description)?.[1];
  const changes: string[] = [];
  for (const [verb, objects] of [['added', added], ['removed', removed]] as const) {
    const tables = new Set(objects.map((object) => tableOf(object.description)).filter(Boolean));
    for (const object of objects) {
      if (object.table && tables.has(object.table)) continue;
      changes.push(`${verb === 'added' && wasNames.has(object.description) ? 'changed' : verb} ${object.description}`);
    }
  }
  return changes.sort();
}
