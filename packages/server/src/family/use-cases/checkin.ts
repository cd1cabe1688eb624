import { and, eq, isNull } from 'drizzle-orm';
import {
  AppError,
  endOfSchoolDay,
  findRiskWord,
  londonToday,
  type CheckinAnswer,
  type CheckinBody,
  type HelpNowResponse,
  type PupilHomeParts,
  type PupilHomeResponse,
} from '@tandem/core';
import { checkins, pupils } from '@tandem/core/schema';
import type { AppDeps } from '../../platform/deps';
import { schoolNameOf } from '../../platform/directory';
import { familyReaderFor } from '../../platform/family-access';
import { inSchool, readInSchool, type SchoolRequest, type SchoolWork } from '../../platform/gate';
import { notify } from '../../platform/alerts';
import { checkinBySubmission, checkinsOf, latestCheckinAt } from '../checkins.queries';
import { settingsOf } from '../family.settings';
import { talkToFor } from '../talk-to';

/** The pupil's own record in this school (their account), or 404. */
async function ownPupil(work: SchoolWork) {
  const [p] = await work.tx
    .select()
    .from(pupils)
    .where(and(eq(pupils.schoolId, work.schoolId), eq(pupils.userId, work.actor.userId), isNull(pupils.leftOn)));
  if (!p) throw new AppError('not_found', 'pupil not found');
  await familyReaderFor(work, p.id);
  return p;
}

/**
 * A pupil checks in. "I'd like to talk to someone" goes to their trusted adult (alerted, to
 * acknowledge by the end of the school day, else it goes to the lead). A note holding one of the
 * school's risk words opens the urgent route with the note as its content, and the answer tells
 * the pupil's screen to show "Help now" at once. Sending twice makes one check-in.
 */
export async function makeCheckin(deps: AppDeps, at: SchoolRequest, body: CheckinBody): Promise<CheckinAnswer> {
  return inSchool(deps, at, 'portal.pupil', async (work) => {
    const pupil = await ownPupil(work);
    const first = await checkinBySubmission(work.tx, work.schoolId, pupil.id, body.submissionKey);
    if (first) {
      return { id: first.id, helpNow: first.riskConcernId !== null, talkToName: null };
    }
    const settings = await settingsOf(work.tx, work.schoolId);
    const risk = body.note ? findRiskWord(body.note, settings.riskWords) : null;
    const talkTo = body.wantsToTalk ? await talkToFor(work.tx, work.schoolId, pupil) : null;
    let riskConcernId: string | null = null;
    if (risk) {
      riskConcernId = (
        await deps.registries.urgentRoute.open(work, {
          pupilId: pupil.id,
          account: `The pupil wrote this in a check-in in Tandem:\n\n${body.note}`,
          location: 'A check-in in the pupil portal',
          submissionKey: `checkin:${body.submissionKey}`,
        })
      ).concernId;
    }
    const [row] = await work.tx
      .insert(checkins)
      .values({
        schoolId: work.schoolId,
        pupilId: pupil.id,
        mood: body.mood,
        note: body.note,
        wantsToTalk: body.wantsToTalk,
        riskConcernId,
        talkToUserId: talkTo?.userId ?? null,
        escalateAt: body.wantsToTalk ? endOfSchoolDay(work.now, settings.dayEndsAt) : null,
        submissionKey: body.submissionKey,
        createdAt: work.now,
      })
      .returning({ id: checkins.id });
    const id = row!.id;
    if (talkTo) {
      await notify(work, {
        schoolId: work.schoolId,
        kind: 'pupil_wants_to_talk',
        concernId: null,
        people: [{ id: talkTo.userId, email: talkTo.email }],
      });
    }
    await work.audit(
      { action: 'checkin.made', detail: { wantsToTalk: body.wantsToTalk, riskRaised: risk !== null } },
      { type: 'checkin', id },
    );
    return { id, helpNow: risk !== null, talkToName: talkTo?.name ?? null };
  });
}

function mondayOf(today: string): string {
  const d = new Date(`${today}T12:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

/** The pupil's own page: whether a check-in is asked for, their check-ins, questionnaires, their plan. Audited. */
export async function pupilHome(deps: AppDeps, at: SchoolRequest): Promise<PupilHomeResponse> {
  return inSchool(deps, at, 'portal.pupil', async (work) => {
    const pupil = await ownPupil(work);
    const reader = await familyReaderFor(work, pupil.id);
    const settings = await settingsOf(work.tx, work.schoolId);
    const since = new Date(work.now.getTime() - 56 * 86_400_000);
    const rows = await checkinsOf(work.tx, work.schoolId, pupil.id, since, 100);
    const last = await latestCheckinAt(work.tx, work.schoolId, pupil.id);
    const today = londonToday(work.now);
    const lastDay = last ? londonToday(last) : null;
    const checkinDue =
      settings.checkinFrequency === 'daily' ? lastDay !== today : lastDay === null || lastDay < mondayOf(today);
    const parts: PupilHomeParts = { questionnaires: [], myPlan: null, myTimetable: null, myVisits: [] };
    for (const source of deps.registries.familyView) {
      const p = await source.forPupil?.(work.tx, reader);
      if (p?.questionnaires) parts.questionnaires.push(...p.questionnaires);
      if (p?.myPlan) parts.myPlan = p.myPlan;
      if (p?.myTimetable) parts.myTimetable = p.myTimetable;
      if (p?.myVisits) parts.myVisits.push(...p.myVisits);
    }
    const talkTo = await talkToFor(work.tx, work.schoolId, pupil);
    await work.audit(
      { action: 'family.child_viewed', detail: { as: 'pupil', part: 'home' } },
      { type: 'pupil', id: pupil.id },
    );
    return {
      ...parts,
      schoolId: work.schoolId,
      schoolName: await schoolNameOf(work.tx, work.schoolId),
      firstName: pupil.preferredName ?? pupil.givenName,
      frequency: settings.checkinFrequency,
      checkinDue,
      trustedAdultName: talkTo?.name ?? null,
      checkins: rows.map(({ c }) => ({
        id: c.id,
        at: c.createdAt.toISOString(),
        mood: c.mood,
        note: c.note,
        wantsToTalk: c.wantsToTalk,
        readAt: c.acknowledgedAt ? c.acknowledgedAt.toISOString() : null,
      })),
    };
  });
}

/** "Help now": who is on DSL duty today and where to find them (the national lines are constants in core). */
export async function helpNow(deps: AppDeps, at: Omit<SchoolRequest, 'ip'>): Promise<HelpNowResponse> {
  return readInSchool(deps, at, ['portal.pupil', 'portal.parent'], async (r) => ({
    onDuty: await deps.registries.urgentRoute.onDuty(r.db, r.schoolId, r.now),
    whereToFind: (await settingsOf(r.db, r.schoolId)).helpLocation,
  }));
}
