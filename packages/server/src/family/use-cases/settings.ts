import { and, eq } from 'drizzle-orm';
import { AppError, type Actor, type FamilySettings, type FamilySettingsBody } from '@tandem/core';
import { familySettings } from '@tandem/core/schema';
import type { AppDeps } from '../../platform/deps';
import { inSchool, readInSchool } from '../../platform/gate';
import { settingsOf, settingsView } from '../family.settings';

export function getFamilySettings(deps: AppDeps, actor: Actor, schoolId: string): Promise<FamilySettings> {
  return readInSchool(deps, { actor, schoolId }, ['family.manage', 'family.settings'], (r) =>
    settingsView(r.db, schoolId),
  );
}

/** Save the settings; a change made since the editor opened them is refused (409), never overwritten. */
export async function saveFamilySettings(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  body: FamilySettingsBody,
  ip: string,
): Promise<FamilySettings> {
  return inSchool(deps, { actor, schoolId, ip }, 'family.settings', async (s) => {
    const before = await settingsOf(s.tx, schoolId);
    const { version, ...values } = body;
    const row = { ...values, version: version + 1, updatedBy: actor.userId, updatedAt: s.now };
    const saved =
      before.updatedBy === null
        ? // Never saved: the first save makes the row; a second editor's first save finds it made.
          await s.tx
            .insert(familySettings)
            .values({ schoolId, ...row })
            .onConflictDoNothing()
            .returning({ v: familySettings.version })
        : await s.tx
            .update(familySettings)
            .set(row)
            .where(and(eq(familySettings.schoolId, schoolId), eq(familySettings.version, version)))
            .returning({ v: familySettings.version });
    if (before.version !== version || saved.length === 0) throw STALE();
    const changed = (Object.keys(values) as (keyof typeof values)[]).filter(
      (k) => JSON.stringify(values[k]) !== JSON.stringify(before[k]),
    );
    await s.audit({ action: 'family.settings_changed', detail: { fields: changed } }, { type: 'school', id: schoolId });
    return settingsView(s.tx, schoolId);
  });
}

const STALE = () =>
  new AppError('conflict', 'stale settings', {
    userMessage:
      'Someone else changed these settings while you were editing. Your changes are kept below: check them and save again.',
  });
