/**
 * The transaction a request is in, without passing it by hand. `scopeTransactions(db)` is the
 * request context's `db`: the same drizzle handle, whose `transaction` (and every nested
 * `tx.transaction`) records its open transaction in an `AsyncLocalStorage` for the time its
 * callback runs. The core API reads it (`currentQueryable`), so a call made inside a module's
 * `ctx.db.transaction(async (tx) => …)` is part of that transaction: it commits or rolls back
 * with it, and on PGlite (one connection) it does not wait for it to end.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db, Queryable, Tx } from '@dondoc/db';

interface OpenTransaction {
  /** The database the transaction belongs to (the unwrapped handle). */
  db: Db;
  tx: Tx;
  open: boolean;
}

const storage = new AsyncLocalStorage<OpenTransaction>();
const rawOf = new WeakMap<object, Db>();

/** The handle under a wrapper made by {@link scopeTransactions} (the handle itself otherwise). */
export function unscoped(db: Db): Db {
  return rawOf.get(db) ?? db;
}

function wrap<T extends Db | Tx>(handle: T, db: Db): T {
  const proxy = new Proxy(handle, {
    get(target, property) {
      if (property === 'transaction') {
        return (run: (tx: Tx) => Promise<unknown>, config?: unknown) =>
          (target.transaction as (fn: (tx: Tx) => Promise<unknown>, config?: unknown) => Promise<unknown>)(async (tx: Tx) => {
            const scope: OpenTransaction = { db, tx, open: true };
            try {
              return await storage.run(scope, () => run(wrap(tx, db)));
            } finally {
              scope.open = false;
            }
          }, config);
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  rawOf.set(proxy, db);
  return proxy;
}

/** One wrapper per database handle: every request's context gets the same object, so what is cached by handle (the overview's forecast classes) stays cached. */
const scopedOf = new WeakMap<Db, Db>();

/** `db` whose transactions (nested ones too) are recorded for {@link currentQueryable}. */
export function scopeTransactions(db: Db): Db {
  if (rawOf.has(db)) return db;
  let scoped = scopedOf.get(db);
  if (!scoped) {
    scoped = wrap(db, db);
    scopedOf.set(db, scoped);
  }
  return scoped;
}

/** The transaction open on `db` in this async context (through {@link scopeTransactions}), else `db` itself. */
export function currentQueryable(db: Db): Queryable {
  const scope = storage.getStore();
  return scope && scope.open && scope.db === unscoped(db) ? scope.tx : db;
}

/** The open transaction on `db` in this async context, if any. */
export function currentTransaction(db: Db): Tx | null {
  const scope = storage.getStore();
  return scope && scope.open && scope.db === unscoped(db) ? scope.tx : null;
}

/**
 * Runs `work` in the caller's transaction when one is open (a savepoint inside it, so that a
 * refused step leaves the caller's transaction usable), else in a transaction of its own.
 */
export async function inTransaction<T>(db: Db, explicit: Queryable | undefined, work: (tx: Tx) => Promise<T>): Promise<T> {
  const open = (explicit as Tx | undefined) ?? currentTransaction(db);
  if (open) return open.transaction((tx) => work(tx));
  return unscoped(db).transaction((tx) => work(tx));
}
