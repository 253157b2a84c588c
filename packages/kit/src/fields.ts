/**
 * What every module's inputs and tables declare alike: required and optional texts with their
 * messages in both languages (zod), and the columns of a shared, versioned row (drizzle).
 */
import { integer, text, timestamp } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { localized, type LocalizedText } from '@dondoc/trpc';

const capitalised = (text: string) => `${text[0]!.toLocaleUpperCase('vi')}${text.slice(1)}`;
const tooLong = (what: LocalizedText, max: number) => localized({ vi: `${capitalised(what.vi)} dài quá ${max} ký tự.`, en: `The ${what.en} is longer than ${max} characters.` });

/** A required text: trimmed, not empty ("Chưa nhập <what>."), at most `max` characters. */
export function requiredText(what: LocalizedText, max = 500) {
  return z
    .string()
    .trim()
    .min(1, localized({ vi: `Chưa nhập ${what.vi}.`, en: `The ${what.en} is required.` }))
    .max(max, tooLong(what, max));
}

/** An optional text: trimmed, at most `max` characters; empty or absent is null. */
export function optionalText(what: LocalizedText, max = 5000) {
  return z
    .string()
    .trim()
    .max(max, tooLong(what, max))
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .default(null);
}

/** Who changed a row and when, and its version (optimistic concurrency: a stale write gets CONFLICT; `updateVersioned`). */
export function trackedColumns() {
  return {
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  };
}
