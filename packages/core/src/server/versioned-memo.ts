/**
 * Answers computed once per database and key, and shared: the key carries the data versions the
 * answer is made of (core.data_versions), so a change makes a new key and the old entry is never
 * read again. A computation in flight is shared too: callers with its key wait for it. A failed
 * computation is forgotten at once, so the next caller tries again. At most `capacity` entries
 * per database, the least recently used going first.
 */
export class VersionedMemo<T> {
  private readonly perDatabase = new WeakMap<object, Map<string, Promise<T>>>();

  constructor(private readonly capacity: number) {}

  get(db: object, key: string, compute: () => Promise<T>): Promise<T> {
    let entries = this.perDatabase.get(db);
    if (!entries) {
      entries = new Map();
      this.perDatabase.set(db, entries);
    }
    const found = entries.get(key);
    if (found) {
      // Most recently used last: Map keeps insertion order.
      entries.delete(key);
      entries.set(key, found);
      return found;
    }
    const pending = compute();
    entries.set(key, pending);
    pending.catch(() => {
      if (entries.get(key) === pending) entries.delete(key);
    });
    while (entries.size > this.capacity) entries.delete(entries.keys().next().value!);
    return pending;
  }
}
