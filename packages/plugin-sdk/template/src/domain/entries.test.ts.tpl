import { describe, expect, it } from 'vitest';
import { summarizeYear } from './entries.ts';

describe('summarizeYear', () => {
  const entries = [
    { unitCode: 'Q001', quantity: 3, doneOn: '2026-02-01' },
    { unitCode: 'Q001', quantity: 2, doneOn: '2026-11-30' },
    { unitCode: 'Q002', quantity: 5, doneOn: '2026-06-15' },
    { unitCode: 'Q003', quantity: 7, doneOn: '2025-12-31' },
  ];

  it('counts only the entries done in the year, with their quantity and units', () => {
    expect(summarizeYear(entries, 2026)).toEqual({ year: 2026, entries: 3, quantity: 10, units: 2 });
    expect(summarizeYear(entries, 2025)).toEqual({ year: 2025, entries: 1, quantity: 7, units: 1 });
  });

  it('answers zeros for a year with nothing reported', () => {
    expect(summarizeYear(entries, 2024)).toEqual({ year: 2024, entries: 0, quantity: 0, units: 0 });
  });
});
