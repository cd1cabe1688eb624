/**
 * Small shared pieces of every feature's `X.records.ts` (the `pupilRecords` registry): the
 * suggestion for an item about the pupil alone, how a day reads in an item's body, and the names of
 * the staff an item mentions.
 */
import { inArray } from 'drizzle-orm';
import { users } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import { calendarDay } from './dates';

/** A subject access review's suggestion for an item that is about the pupil and no one else. */
export const DISCLOSE_ABOUT_PUPIL = { decision: 'disclose', reason: 'About the pupil only' } as const;

/** The calendar day of an instant, in words ("3 December 2026"). */
export const dayOf = (d: Date): string => calendarDay(d.toISOString().slice(0, 10));

/** The display names of these users (staff named in items), by id; nulls and repeats ignored. */
export async function namesOf(db: DbOrTx, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => i !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** An item's body: the lines given, those empty or left out (null, undefined, false) dropped. */
export const lines = (...ls: (string | null | false | undefined)[]): string =>
  ls.filter((l): l is string => Boolean(l)).join('\n');
