import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from '../src/env.ts';

describe('DONDOC_REPORT_REMINDER_DAYS', () => {
  it('defaults to 3 days before the 20th; 0 turns the automatic reminders off', () => {
    expect(loadEnv({}).reportReminderDays).toBe(3);
    expect(loadEnv({ DONDOC_REPORT_REMINDER_DAYS: '0' }).reportReminderDays).toBe(0);
    expect(loadEnv({ DONDOC_REPORT_REMINDER_DAYS: '7' }).reportReminderDays).toBe(7);
  });

  it('refuses a value that is not a whole number of days from 0 to 27, naming the variable', () => {
    for (const bad of ['-1', '28', '2.5', 'ba']) {
      expect(() => loadEnv({ DONDOC_REPORT_REMINDER_DAYS: bad }), bad).toThrow(EnvError);
      expect(() => loadEnv({ DONDOC_REPORT_REMINDER_DAYS: bad }), bad).toThrow(/DONDOC_REPORT_REMINDER_DAYS/);
    }
  });
});
