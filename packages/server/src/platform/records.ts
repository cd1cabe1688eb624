/**
 * Small shared pieces of every feature's `X.records.ts` (the `pupilRecords` registry): the
 * suggestion for an item about the pupil alone, and how a day reads in an item's body.
 */
import { calendarDay } from './dates';

/** A subject access review's suggestion for an item that is about the pupil and no one else. */
export const DISCLOSE_ABOUT_PUPIL = { decision: 'disclose', reason: 'About the pupil only' } as const;

/** The calendar day of an instant, in words ("3 December 2026"). */
export const dayOf = (d: Date): string => calendarDay(d.toISOString().slice(0, 10));
