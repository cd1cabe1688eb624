/** Who a pupil's "I'd like to talk to someone" goes to: the chosen trusted adult, else the tutor, else the lead. */
import type { DbOrTx } from '../db/client';
import { holdersOf } from '../platform/directory';
import { chosenTrustedAdult, tutorOf } from './checkins.queries';

export interface TalkTo {
  userId: string;
  name: string;
  email: string;
  why: 'chosen' | 'tutor' | 'lead';
}

export async function talkToFor(
  db: DbOrTx,
  schoolId: string,
  pupil: { id: string; form: string },
): Promise<TalkTo | null> {
  const chosen = await chosenTrustedAdult(db, schoolId, pupil.id);
  if (chosen) return { ...chosen, why: 'chosen' };
  const tutor = await tutorOf(db, schoolId, pupil.form);
  if (tutor) return { ...tutor, why: 'tutor' };
  const [lead] = (await holdersOf(db, schoolId, ['smhl'])).sort((a, b) => a.displayName.localeCompare(b.displayName));
  return lead ? { userId: lead.id, name: lead.displayName, email: lead.email, why: 'lead' } : null;
}
