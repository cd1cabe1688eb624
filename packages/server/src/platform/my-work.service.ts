/**
 * A person's "my work" in one school: every feature's part (registries.myWork), merged into one
 * answer. Staff only; each source decides what this person may see, in its own queries.
 */
import { londonToday, mergeMyWork, type MyWork } from '@tandem/core';
import type { AppDeps } from './deps';
import { readInSchool, type SchoolRequest } from './gate';

export async function myWork(deps: AppDeps, at: Omit<SchoolRequest, 'ip'>): Promise<MyWork> {
  // 'concern.log' is held by every member of staff and by no parent or pupil.
  return readInSchool(deps, at, 'concern.log', async ({ db, actor, schoolId, now }) => {
    const reader = { actor, schoolId, now, today: londonToday(now) };
    const parts = await Promise.all(deps.registries.myWork.map((source) => source.items(db, reader)));
    return mergeMyWork(parts);
  });
}
