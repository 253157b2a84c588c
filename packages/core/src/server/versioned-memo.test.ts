import { describe, expect, it } from 'vitest';
import { VersionedMemo } from './versioned-memo.ts';

describe('VersionedMemo', () => {
  it('computes once per database and key, and callers in flight share the computation', async () => {
    const memo = new VersionedMemo<number>(4);
    const db = {};
    let runs = 0;
    let release!: (n: number) => void;
    const compute = () => {
      runs += 1;
      return new Promise<number>((resolve) => (release = resolve));
    };
    const first = memo.get(db, 'v1', compute);
    const second = memo.get(db, 'v1', compute);
    release(7);
    expect(await Promise.all([first, second])).toEqual([7, 7]);
    expect(await memo.get(db, 'v1', compute)).toBe(7);
    expect(runs).toBe(1);
  });

  it('keeps databases apart and computes again for a new key', async () => {
    const memo = new VersionedMemo<string>(4);
    const a = {};
    const b = {};
    expect(await memo.get(a, 'k|v1', async () => 'a1')).toBe('a1');
    expect(await memo.get(b, 'k|v1', async () => 'b1')).toBe('b1');
    expect(await memo.get(a, 'k|v2', async () => 'a2')).toBe('a2');
    expect(await memo.get(a, 'k|v1', async () => 'never')).toBe('a1');
  });

  it('forgets a failed computation, so the next caller tries again', async () => {
    const memo = new VersionedMemo<number>(4);
    const db = {};
    await expect(memo.get(db, 'k', async () => Promise.reject(new Error('database went away')))).rejects.toThrow('database went away');
    expect(await memo.get(db, 'k', async () => 3)).toBe(3);
  });

  it('holds at most its capacity, dropping the least recently used', async () => {
    const memo = new VersionedMemo<string>(2);
    const db = {};
    await memo.get(db, 'a', async () => 'a');
    await memo.get(db, 'b', async () => 'b');
    await memo.get(db, 'a', async () => 'a again'); // a is now the most recent
    await memo.get(db, 'c', async () => 'c'); // b goes
    expect(await memo.get(db, 'a', async () => 'recomputed')).toBe('a');
    expect(await memo.get(db, 'b', async () => 'recomputed')).toBe('recomputed');
  });
});
