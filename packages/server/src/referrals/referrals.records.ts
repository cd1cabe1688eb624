/**
 * Referrals' part of everything held about a pupil (subject access, transfer, retention): each
 * referral with what it said, and each of its steps. A referral in the restricted record (social
 * care without asking parents) is child-protection content for the DSL team only: it is never
 * loaded unless the restricted record is asked for.
 */
import { and, eq, inArray } from 'drizzle-orm';
import {
  REFERRAL_CONSENT_LABELS,
  REFERRAL_PARTS,
  REFERRAL_PART_LABELS,
  REFERRAL_SERVICE_LABELS,
  REFERRAL_STATUS_LABELS,
  type PupilRecordItem,
  type RecordClass,
} from '@tandem/core';
import { referrals, referralSteps, services } from '@tandem/core/schema';
import { calendarDay } from '../platform/dates';
import type { PupilRecordSource } from '../platform/registries';
import { dayOf, namesOf, lines } from '../platform/records';

const SOURCE = 'referrals';
const WITHHOLD = {
  decision: 'withhold',
  reason:
    "A referral to children's social care in the restricted safeguarding record: disclosure could put the child at risk",
} as const;

const day = dayOf;

/** The referrals of one class: the restricted ones are the child-protection file's, the rest wellbeing. */
function ofClass(schoolId: string, pupilId: string, restricted: boolean | null) {
  return and(
    eq(referrals.schoolId, schoolId),
    eq(referrals.pupilId, pupilId),
    restricted === null ? undefined : eq(referrals.restricted, restricted),
  );
}

export const referralRecords: PupilRecordSource = {
  name: SOURCE,
  async records(db, { schoolId, pupilId, includeRestricted }) {
    const rows = await db
      .select({ r: referrals, serviceName: services.details })
      .from(referrals)
      .leftJoin(services, eq(services.id, referrals.serviceId))
      // Never load a restricted referral unless the restricted record is asked for.
      .where(ofClass(schoolId, pupilId, includeRestricted ? null : false));
    if (rows.length === 0) return [];
    const steps = await db
      .select()
      .from(referralSteps)
      .where(
        and(
          eq(referralSteps.schoolId, schoolId),
          inArray(
            referralSteps.referralId,
            rows.map(({ r }) => r.id),
          ),
        ),
      );
    const names = await namesOf(db, [
      ...rows.flatMap(({ r }) => [r.madeBy, r.sharedWithParentsBy]),
      ...steps.map((s) => s.recordedBy),
    ]);
    const who = (id: string | null) => (id ? (names.get(id) ?? 'a member of staff') : 'a member of staff');

    const items: PupilRecordItem[] = [];
    for (const { r, serviceName } of rows) {
      const to = `${REFERRAL_SERVICE_LABELS[r.service]}${serviceName ? ` (${serviceName.name})` : ''}`;
      const restricted = r.restricted;
      const parts = REFERRAL_PARTS.flatMap((part) => {
        const text = r.parts[part]?.trim();
        return text ? [`${REFERRAL_PART_LABELS[part].label}: ${text}`] : [];
      });
      const family = (r.parts.familyContext ?? '').trim() !== '';
      items.push({
        source: SOURCE,
        kind: 'referral',
        id: r.id,
        at: r.createdAt.toISOString(),
        title: `Referral to ${REFERRAL_SERVICE_LABELS[r.service]}${r.emergency ? ' (emergency)' : ''}: ${REFERRAL_STATUS_LABELS[r.status].toLowerCase()}`,
        body: lines(
          `Referral to ${to}, started on ${day(r.createdAt)} by ${who(r.madeBy)}${r.emergency ? ' in an emergency' : ''}.`,
          r.sentOn && `Sent on ${calendarDay(r.sentOn)}.`,
          r.consent && `Consent: ${REFERRAL_CONSENT_LABELS[r.consent]}${r.consentNote ? ` (${r.consentNote})` : '.'}`,
          ...parts,
          r.firstAppointmentOn && `First appointment on ${calendarDay(r.firstAppointmentOn)}.`,
          r.declineReason && `Not accepted: ${r.declineReason}`,
          r.signpostedTo && `Signposted to ${r.signpostedTo}.`,
          r.sharedWithParentsAt &&
            `Shared with parents on ${day(r.sharedWithParentsAt)} by ${who(r.sharedWithParentsBy)}.`,
          `Now: ${REFERRAL_STATUS_LABELS[r.status]}.`,
        ),
        recordClass: restricted ? 'child-protection' : 'wellbeing',
        restricted,
        suggested: restricted
          ? WITHHOLD
          : family
            ? { decision: 'redact', reason: 'The family context may name other people, such as brothers or sisters' }
            : { decision: 'disclose', reason: 'About the pupil only' },
      });
      for (const s of steps.filter((x) => x.referralId === r.id)) {
        items.push({
          source: SOURCE,
          kind: 'referral-step',
          id: s.id,
          at: s.recordedAt.toISOString(),
          title: `Referral to ${REFERRAL_SERVICE_LABELS[r.service]}: ${REFERRAL_STATUS_LABELS[s.status].toLowerCase()} (${calendarDay(s.on)})`,
          body: lines(
            `${REFERRAL_STATUS_LABELS[s.status]} on ${calendarDay(s.on)}, recorded by ${who(s.recordedBy)} on ${day(s.recordedAt)}.`,
            s.note && `Note: ${s.note}`,
          ),
          recordClass: restricted ? 'child-protection' : 'wellbeing',
          restricted,
          suggested: restricted ? WITHHOLD : { decision: 'disclose', reason: 'About the pupil only' },
        });
      }
    }
    return items;
  },

  async destroy(tx, { schoolId, pupilId, recordClass }) {
    const restricted = classRestricted(recordClass);
    if (restricted === null) return [];
    const ids = (
      await tx
        .select({ id: referrals.id })
        .from(referrals)
        .where(ofClass(schoolId, pupilId, restricted))
    ).map((r) => r.id);
    if (ids.length === 0) {
      return [
        { kind: 'referral', count: 0 },
        { kind: 'referral-step', count: 0 },
      ];
    }
    const steps = await tx
      .delete(referralSteps)
      .where(and(eq(referralSteps.schoolId, schoolId), inArray(referralSteps.referralId, ids)))
      .returning({ id: referralSteps.id });
    const gone = await tx
      .delete(referrals)
      .where(and(eq(referrals.schoolId, schoolId), inArray(referrals.id, ids)))
      .returning({ id: referrals.id });
    return [
      { kind: 'referral', count: gone.length },
      { kind: 'referral-step', count: steps.length },
    ];
  },
};

/** Which referrals a record class holds: restricted ones (child protection), the others (wellbeing). */
function classRestricted(c: RecordClass): boolean | null {
  if (c === 'child-protection') return true;
  if (c === 'wellbeing') return false;
  return null;
}
