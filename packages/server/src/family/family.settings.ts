/**
 * A school's portal settings: the partnership statement, the check-in rhythm, the risk words, where
 * pupils find the DSL, the end of the school day and which year groups have pupil accounts. A
 * school that has never saved them reads the defaults (seed 000's statement, the common risk words).
 */
import { eq } from 'drizzle-orm';
import {
  DEFAULT_PARTNERSHIP,
  DEFAULT_PUPIL_ACCOUNT_YEARS,
  DEFAULT_RISK_WORDS,
  type FamilySettings,
} from '@tandem/core';
import { familySettings, users } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

export type SettingsRow = typeof familySettings.$inferSelect;

export function defaultSettings(schoolId: string): SettingsRow {
  return {
    schoolId,
    partnership: DEFAULT_PARTNERSHIP,
    riskWords: [...DEFAULT_RISK_WORDS],
    checkinFrequency: 'weekly',
    helpLocation: '',
    dayEndsAt: '15:30',
    pupilAccountYears: [...DEFAULT_PUPIL_ACCOUNT_YEARS],
    version: 1,
    updatedBy: null,
    updatedAt: new Date(0),
  };
}

/** The school's settings, or the defaults when it has never saved any. */
export async function settingsOf(db: DbOrTx, schoolId: string): Promise<SettingsRow> {
  const [row] = await db.select().from(familySettings).where(eq(familySettings.schoolId, schoolId));
  return row ?? defaultSettings(schoolId);
}

/** The settings as the staff page shows them, with who changed them last. */
export async function settingsView(db: DbOrTx, schoolId: string): Promise<FamilySettings> {
  const [row] = await db
    .select({ s: familySettings, by: users.displayName })
    .from(familySettings)
    .leftJoin(users, eq(users.id, familySettings.updatedBy))
    .where(eq(familySettings.schoolId, schoolId));
  const s = row?.s ?? defaultSettings(schoolId);
  return {
    partnership: s.partnership,
    riskWords: s.riskWords,
    checkinFrequency: s.checkinFrequency,
    helpLocation: s.helpLocation,
    dayEndsAt: s.dayEndsAt,
    pupilAccountYears: s.pupilAccountYears,
    version: s.version,
    updatedAt: row ? s.updatedAt.toISOString() : null,
    updatedByName: row?.by ?? null,
  };
}
