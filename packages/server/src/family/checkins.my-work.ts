/**
 * My work: pupils who would like to talk, first of all. The trusted adult sees those sent to them;
 * the lead also sees every one passed on at the end of the school day.
 */
import { canInSchool } from '@tandem/core';
import type { MyWorkSource } from '../platform/registries';
import { pupilName } from '../platform/directory';
import { waitingTalkFor } from './checkins.queries';

export const checkinMyWork: MyWorkSource = {
  name: 'checkins',
  async items(db, reader) {
    const isLead = canInSchool(reader.actor, 'pupil.manageCaseTeam', reader.schoolId);
    const rows = await waitingTalkFor(db, reader.schoolId, reader.actor.userId, isLead);
    return {
      talkRequests: rows.map((r) => ({
        checkinId: r.c.id,
        at: r.c.createdAt.toISOString(),
        escalated: r.c.escalatedAt !== null,
        pupil: { id: r.pupil.id, name: pupilName(r.pupil) },
      })),
    };
  },
};
