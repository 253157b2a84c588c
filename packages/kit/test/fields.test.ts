import { describe, expect, it } from 'vitest';
import { getTableConfig, pgTable, uuid } from 'drizzle-orm/pg-core';
import { optionalText, requiredText, trackedColumns } from '../src/fields.ts';

const what = { vi: 'tên mô hình', en: 'model name' };

describe('requiredText, optionalText, trackedColumns', () => {
  it('a required text is trimmed, not empty, bounded, with messages naming it', () => {
    expect(requiredText(what).parse('  Một cửa  ')).toBe('Một cửa');
    const empty = requiredText(what).safeParse('   ');
    expect(empty.success).toBe(false);
    expect(JSON.stringify(empty.error?.issues[0]?.message)).toContain('Chưa nhập tên mô hình.');
    const long = requiredText(what, 3).safeParse('abcd');
    expect(JSON.stringify(long.error?.issues[0]?.message)).toContain('Tên mô hình dài quá 3 ký tự.');
  });
  it('an optional text is null when empty or absent', () => {
    expect(optionalText(what).parse('  ')).toBeNull();
    expect(optionalText(what).parse(undefined)).toBeNull();
    expect(optionalText(what).parse(' x ')).toBe('x');
    expect(optionalText(what, 2).safeParse('abc').success).toBe(false);
  });
  it('the tracked columns: version from 1, who and when created and changed', () => {
    const table = pgTable('t', { id: uuid('id').primaryKey(), ...trackedColumns() });
    expect(getTableConfig(table).columns.map((c) => c.name).sort()).toEqual(['created_at', 'created_by', 'id', 'updated_at', 'updated_by', 'version']);
  });
});
