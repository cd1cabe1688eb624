/**
 * The family portal's part of everything held about a pupil (subject access, transfer, retention):
 * what parents sent the school, what they confirmed they had read, the pupil's check-ins and
 * trusted adult, the family's e-mail choices, and each decision to stop a parent seeing the child.
 *
 * A check-in whose words opened the urgent route is in the restricted record (outside the DSL team
 * its words read "passed to the DSL team"): the whole check-in is then child-protection content,
 * loaded only when the restricted record is asked for. A "no access" flag is a wellbeing record
 * (the SMHL, the head and the DSL team set it) suggested withheld: it may record a court order. A
 * flag still in force is never destroyed: it goes on protecting the child.
 */
import { and, eq, inArray, isNotNull, isNull, ne } from 'drizzle-orm';
import {
  FAMILY_MESSAGE_KIND_LABELS,
  MOOD_LABELS,
  NO_ACCESS_REASON_LABELS,
  type Mood,
  type PupilRecordItem,
} from '@tandem/core';
import {
  checkins,
  contacts,
  familyConfirmations,
  familyMessages,
  familyNews,
  familyNoAccess,
  familyPreferences,
  trustedAdults,
} from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import { dateAndTime } from '../platform/dates';
import type { PupilRecordSource } from '../platform/registries';
import { DISCLOSE_ABOUT_PUPIL, dayOf, namesOf, lines } from '../platform/records';

const SOURCE = 'family';
const DISCLOSE = DISCLOSE_ABOUT_PUPIL;
const RESTRICTED_CHECKIN = {
  decision: 'withhold',
  reason:
    'What the pupil wrote opened the urgent safeguarding route and is held in the restricted record: disclosure could put the child at risk',
} as const;
const NO_ACCESS = {
  decision: 'withhold',
  reason: "A decision to restrict a parent's access (e.g. a court order)",
} as const;

const day = dayOf;

/** Parent accounts linked to this pupil and to no other child: their e-mail choices are this pupil's. */
async function parentsOnlyOf(db: DbOrTx, schoolId: string, pupilId: string): Promise<string[]> {
  const linked = await db
    .select({ userId: contacts.userId })
    .from(contacts)
    .where(and(eq(contacts.schoolId, schoolId), eq(contacts.pupilId, pupilId), isNotNull(contacts.userId)));
  const ids = [...new Set(linked.map((c) => c.userId).filter((u): u is string => u !== null))];
  if (ids.length === 0) return [];
  const elsewhere = await db
    .select({ userId: contacts.userId })
    .from(contacts)
    .where(and(inArray(contacts.userId, ids), ne(contacts.pupilId, pupilId)));
  const shared = new Set(elsewhere.map((c) => c.userId));
  return ids.filter((id) => !shared.has(id));
}

export const familyRecords: PupilRecordSource = {
  name: SOURCE,
  async records(db, { schoolId, pupilId, includeRestricted }) {
    const mine = (t: typeof familyMessages | typeof familyConfirmations | typeof familyNoAccess) =>
      and(eq(t.schoolId, schoolId), eq(t.pupilId, pupilId));
    const messages = await db.select().from(familyMessages).where(mine(familyMessages));
    const confirmations = await db.select().from(familyConfirmations).where(mine(familyConfirmations));
    const checks = await db
      .select()
      .from(checkins)
      .where(
        and(
          eq(checkins.schoolId, schoolId),
          eq(checkins.pupilId, pupilId),
          // Never load a check-in in the restricted record unless it is asked for.
          includeRestricted ? undefined : isNull(checkins.riskConcernId),
        ),
      );
    const trusted = await db
      .select()
      .from(trustedAdults)
      .where(and(eq(trustedAdults.schoolId, schoolId), eq(trustedAdults.pupilId, pupilId)));
    const flags = await db
      .select({ f: familyNoAccess, contactName: contacts.name })
      .from(familyNoAccess)
      .innerJoin(contacts, eq(contacts.id, familyNoAccess.contactId))
      .where(mine(familyNoAccess));
    const parents = await parentsOnlyOf(db, schoolId, pupilId);
    const preferences =
      parents.length === 0
        ? []
        : await db.select().from(familyPreferences).where(inArray(familyPreferences.userId, parents));
    const names = await namesOf(db, [
      ...messages.map((m) => m.sentBy),
      ...confirmations.map((c) => c.userId),
      ...checks.flatMap((c) => [c.talkToUserId, c.acknowledgedBy]),
      ...trusted.flatMap((t) => [t.userId, t.setBy]),
      ...flags.flatMap(({ f }) => [f.setBy, f.liftedBy]),
      ...preferences.map((p) => p.userId),
    ]);
    const who = (id: string | null) => (id ? (names.get(id) ?? 'someone') : 'someone');

    const items: PupilRecordItem[] = [];
    for (const m of messages) {
      items.push({
        source: SOURCE,
        kind: 'message',
        id: m.id,
        at: m.sentAt.toISOString(),
        title: `${FAMILY_MESSAGE_KIND_LABELS[m.kind]}, from ${who(m.sentBy)}`,
        body: lines(
          `Sent to the school by ${who(m.sentBy)} on ${dateAndTime(m.sentAt)}.`,
          m.interventionName && `Support asked for: ${m.interventionName}.`,
          `What they wrote: ${m.text}`,
        ),
        recordClass: 'wellbeing',
        restricted: false,
        suggested: DISCLOSE,
      });
    }
    for (const c of confirmations) {
      const what = c.item === 'plan' ? `the support plan (version ${String(c.itemVersion)})` : 'a letter from school';
      items.push({
        source: SOURCE,
        kind: 'confirmation',
        id: `${c.userId}:${c.item}:${c.itemId}:${String(c.itemVersion)}`,
        at: c.confirmedAt.toISOString(),
        title: `${who(c.userId)} confirmed reading ${what}`,
        body: `${who(c.userId)} confirmed on ${dateAndTime(c.confirmedAt)} that they had read ${what}.`,
        recordClass: 'wellbeing',
        restricted: false,
        suggested: DISCLOSE,
      });
    }
    for (const c of checks) {
      const mood = MOOD_LABELS[c.mood as Mood].words;
      const risk = c.riskConcernId !== null;
      items.push({
        source: SOURCE,
        kind: 'check-in',
        id: c.id,
        at: c.createdAt.toISOString(),
        title: `Check-in: feeling ${mood.toLowerCase()}`,
        body: lines(
          `Checked in on ${dateAndTime(c.createdAt)}, feeling ${mood.toLowerCase()} (${String(c.mood)} of 5).`,
          c.note && `What they wrote: ${c.note}`,
          c.wantsToTalk &&
            `Asked to talk to someone${c.talkToUserId ? ` (${who(c.talkToUserId)})` : ''}${c.acknowledgedAt ? `; seen by ${who(c.acknowledgedBy)} on ${dateAndTime(c.acknowledgedAt)}` : ''}.`,
          risk && 'What they wrote was passed at once to the safeguarding team.',
        ),
        recordClass: risk ? 'child-protection' : 'wellbeing',
        restricted: risk,
        suggested: risk ? RESTRICTED_CHECKIN : DISCLOSE,
      });
    }
    for (const t of trusted) {
      items.push({
        source: SOURCE,
        kind: 'trusted-adult',
        id: `${t.schoolId}:${t.pupilId}`,
        at: t.setAt.toISOString(),
        title: `Trusted adult: ${who(t.userId)}`,
        body: `${who(t.userId)} is the member of staff the pupil's "I'd like to talk to someone" goes to, set by ${who(t.setBy)} on ${day(t.setAt)}.`,
        recordClass: 'wellbeing',
        restricted: false,
        suggested: DISCLOSE,
      });
    }
    for (const p of preferences) {
      items.push({
        source: SOURCE,
        kind: 'preferences',
        id: p.userId,
        at: p.updatedAt.toISOString(),
        title: `E-mail choices of ${who(p.userId)}`,
        body: `${who(p.userId)} chose ${p.emailNews ? 'to get' : 'not to get'} an e-mail when something new is shared (last changed ${day(p.updatedAt)}).`,
        recordClass: 'wellbeing',
        restricted: false,
        suggested: DISCLOSE,
      });
    }
    for (const { f, contactName } of flags) {
      items.push({
        source: SOURCE,
        kind: 'no-access',
        id: f.id,
        at: f.setAt.toISOString(),
        title: `${contactName} may not see the child in Tandem${f.liftedAt ? ' (since lifted)' : ''}`,
        body: lines(
          `Set on ${day(f.setAt)} by ${who(f.setBy)}: ${NO_ACCESS_REASON_LABELS[f.reasonKind].toLowerCase()}.`,
          `Why: ${f.reason}`,
          f.liftedAt &&
            `Lifted on ${day(f.liftedAt)} by ${who(f.liftedBy)}${f.liftedReason ? `: ${f.liftedReason}` : '.'}`,
        ),
        recordClass: 'wellbeing',
        restricted: false,
        suggested: NO_ACCESS,
      });
    }
    return items;
  },

  async destroy(tx, { schoolId, pupilId, recordClass }) {
    if (recordClass === 'sen') return [];
    if (recordClass === 'child-protection') {
      const gone = await tx
        .delete(checkins)
        .where(and(eq(checkins.schoolId, schoolId), eq(checkins.pupilId, pupilId), isNotNull(checkins.riskConcernId)))
        .returning({ id: checkins.id });
      return [{ kind: 'check-in', count: gone.length }];
    }
    const parents = await parentsOnlyOf(tx, schoolId, pupilId);
    const messages = await tx
      .delete(familyMessages)
      .where(and(eq(familyMessages.schoolId, schoolId), eq(familyMessages.pupilId, pupilId)))
      .returning({ id: familyMessages.id });
    const confirmations = await tx
      .delete(familyConfirmations)
      .where(and(eq(familyConfirmations.schoolId, schoolId), eq(familyConfirmations.pupilId, pupilId)))
      .returning({ id: familyConfirmations.itemId });
    const checks = await tx
      .delete(checkins)
      .where(and(eq(checkins.schoolId, schoolId), eq(checkins.pupilId, pupilId), isNull(checkins.riskConcernId)))
      .returning({ id: checkins.id });
    const trusted = await tx
      .delete(trustedAdults)
      .where(and(eq(trustedAdults.schoolId, schoolId), eq(trustedAdults.pupilId, pupilId)))
      .returning({ id: trustedAdults.userId });
    // A flag still in force keeps protecting the child (it may carry out a court order): only lifted ones go.
    const flags = await tx
      .delete(familyNoAccess)
      .where(
        and(
          eq(familyNoAccess.schoolId, schoolId),
          eq(familyNoAccess.pupilId, pupilId),
          isNotNull(familyNoAccess.liftedAt),
        ),
      )
      .returning({ id: familyNoAccess.id });
    // Content-free news e-mails waiting to go: no record of their own, but the pupil's.
    await tx.delete(familyNews).where(and(eq(familyNews.schoolId, schoolId), eq(familyNews.pupilId, pupilId)));
    const preferences =
      parents.length === 0
        ? []
        : await tx
            .delete(familyPreferences)
            .where(inArray(familyPreferences.userId, parents))
            .returning({ id: familyPreferences.userId });
    return [
      { kind: 'message', count: messages.length },
      { kind: 'confirmation', count: confirmations.length },
      { kind: 'check-in', count: checks.length },
      { kind: 'trusted-adult', count: trusted.length },
      { kind: 'no-access', count: flags.length },
      { kind: 'preferences', count: preferences.length },
    ];
  },
};
