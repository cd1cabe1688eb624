/**
 * The pupil's own part of everything Tandem holds about them (subject access, the files sent to the
 * next school, retention): their details as held, their special educational needs, their parents
 * and carers, each correction of their details made in Tandem, and who has been on their case team.
 *
 * Special educational needs are SEN records (kept to date of birth + 31 years), so the SEND status
 * and every correction of it are of that class; the rest are wellbeing records. Nothing here is in
 * the restricted safeguarding record.
 */
import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  CASE_TEAM_SOURCE_LABELS,
  SEND_STATUS_LABELS,
  SEX_LABELS,
  yearGroupLabel,
  type PupilRecordItem,
  type RecordClass,
  type SendStatus,
} from '@tandem/core';
import { caseTeamMembers, pupilDetailChanges, pupils, users } from '@tandem/core/schema';
import { calendarDay, dateAndTime } from '../platform/dates';
import { lines } from '../platform/records';
import type { PupilRecordSource } from '../platform/registries';
import { contactsOf } from './pupils.queries';
import { FIELD_LABELS } from './pupils.chronology';

const SOURCE = 'pupils';
const DISCLOSE = { decision: 'disclose' as const, reason: 'The pupil’s own details as the school holds them.' };
const CONTACT_REDACT = {
  decision: 'redact' as const,
  reason: 'Another adult’s personal details (third-party information): check what the requester may see.',
};

const yesNo = (b: boolean) => (b ? 'Yes' : 'No');

/** A correction that touches special educational needs is an SEN record; any other a wellbeing one. */
export function correctionClass(changes: Record<string, unknown>): RecordClass {
  return 'send' in changes ? 'sen' : 'wellbeing';
}

/** A corrected value as a person reads it. */
function shown(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return 'nothing';
  if (typeof value === 'boolean') return yesNo(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (field === 'send') return SEND_STATUS_LABELS[text as SendStatus] ?? text;
  return text;
}

/** Only a correction whose changes name (or do not name) special educational needs. */
const sendSql = (sen: boolean) =>
  sen
    ? sql`(${pupilDetailChanges.changes} -> 'send') is not null`
    : sql`(${pupilDetailChanges.changes} -> 'send') is null`;

export const pupilDetailRecords: PupilRecordSource = {
  name: SOURCE,

  async records(db, { schoolId, pupilId }) {
    const [p] = await db
      .select()
      .from(pupils)
      .where(and(eq(pupils.id, pupilId), eq(pupils.schoolId, schoolId)));
    if (!p) return [];
    const items: PupilRecordItem[] = [];
    const base = { source: SOURCE, restricted: false };

    items.push({
      ...base,
      kind: 'pupil-details',
      id: p.id,
      at: p.createdAt.toISOString(),
      title: 'Pupil details as the school holds them',
      body: lines(
        `Name: ${p.givenName} ${p.familyName}`,
        p.preferredName && `Preferred name: ${p.preferredName}`,
        `Date of birth: ${calendarDay(p.dateOfBirth)}`,
        `Unique pupil number (UPN): ${p.upn}`,
        `Year group: ${yearGroupLabel(p.yearGroup)}`,
        p.form && `Form: ${p.form}`,
        p.sex && `Sex: ${SEX_LABELS[p.sex]}`,
        `Pupil premium: ${yesNo(p.pupilPremium)}`,
        `Looked after: ${yesNo(p.lookedAfter)}`,
        `Child in need: ${yesNo(p.childInNeed)}`,
        `Young carer: ${yesNo(p.youngCarer)}`,
        `English as an additional language: ${yesNo(p.eal)}`,
        `Added to Tandem: ${dateAndTime(p.createdAt)}`,
        p.leftOn && `Left the school: ${calendarDay(p.leftOn)}`,
      ),
      recordClass: 'wellbeing',
      suggested: DISCLOSE,
    });
    items.push({
      ...base,
      kind: 'pupil-send',
      id: p.id,
      at: p.updatedAt.toISOString(),
      title: 'Special educational needs as the school holds them',
      body: `Special educational needs: ${SEND_STATUS_LABELS[p.send]}`,
      recordClass: 'sen',
      suggested: DISCLOSE,
    });

    for (const c of await contactsOf(db, schoolId, pupilId)) {
      items.push({
        ...base,
        kind: 'contact',
        id: c.id,
        at: c.createdAt.toISOString(),
        title: `Parent or carer: ${c.name} (${c.relationship})`,
        body: lines(
          `Name: ${c.title ? `${c.title} ${c.name}` : c.name}`,
          `Relationship to the pupil: ${c.relationship}`,
          `Parental responsibility: ${yesNo(c.parentalResponsibility)}`,
          `Contact order: ${c.priority === 1 ? 'first contact' : `contact ${c.priority}`}`,
          c.phone && `Phone: ${c.phone}`,
          c.email && `E-mail: ${c.email}`,
          c.address && `Address: ${c.address.split('\n').join(', ')}`,
          c.noContact && 'The school must not contact this person.',
        ),
        recordClass: 'wellbeing',
        suggested: CONTACT_REDACT,
      });
    }

    const corrections = await db
      .select({ c: pupilDetailChanges, by: users.displayName })
      .from(pupilDetailChanges)
      .innerJoin(users, eq(users.id, pupilDetailChanges.changedBy))
      .where(and(eq(pupilDetailChanges.schoolId, schoolId), eq(pupilDetailChanges.pupilId, pupilId)))
      .orderBy(pupilDetailChanges.changedAt);
    for (const { c, by } of corrections) {
      const fields = Object.keys(c.changes);
      items.push({
        ...base,
        kind: 'details-correction',
        id: c.id,
        at: c.changedAt.toISOString(),
        title: `Details corrected by ${by}: ${fields.map((f) => FIELD_LABELS[f] ?? f).join(', ')}`,
        body: lines(
          ...fields.map(
            (f) =>
              `${FIELD_LABELS[f] ?? f}: changed from ${shown(f, c.changes[f]?.from)} to ${shown(f, c.changes[f]?.to)}`,
          ),
          `Why: ${c.reason}`,
          `Corrected by: ${by}, on ${dateAndTime(c.changedAt)}`,
        ),
        recordClass: correctionClass(c.changes),
        suggested: DISCLOSE,
      });
    }

    const member = alias(users, 'member');
    const adder = alias(users, 'adder');
    const remover = alias(users, 'remover');
    const team = await db
      .select({
        m: caseTeamMembers,
        who: member.displayName,
        addedBy: adder.displayName,
        removedBy: remover.displayName,
      })
      .from(caseTeamMembers)
      .innerJoin(member, eq(member.id, caseTeamMembers.userId))
      .leftJoin(adder, eq(adder.id, caseTeamMembers.addedBy))
      .leftJoin(remover, eq(remover.id, caseTeamMembers.removedBy))
      .where(and(eq(caseTeamMembers.schoolId, schoolId), eq(caseTeamMembers.pupilId, pupilId)))
      .orderBy(caseTeamMembers.addedAt);
    for (const { m, who, addedBy, removedBy } of team) {
      items.push({
        ...base,
        kind: 'case-team-member',
        id: m.id,
        at: m.addedAt.toISOString(),
        title: `${who} on the pupil’s case team`,
        body: lines(
          `Who: ${who}`,
          `How they joined: ${CASE_TEAM_SOURCE_LABELS[m.source]}`,
          `Joined: ${dateAndTime(m.addedAt)}${addedBy ? `, added by ${addedBy}` : ''}`,
          m.removedAt &&
            `Left the case team: ${dateAndTime(m.removedAt)}${removedBy ? `, removed by ${removedBy}` : ''}`,
        ),
        recordClass: 'wellbeing',
        suggested: DISCLOSE,
      });
    }
    return items;
  },

  /**
   * Destroys the corrections of the pupil's details of this class and, for wellbeing records, their
   * case team. The pupils row itself and the pupil's contacts are NEVER deleted here: the school's
   * admission register (kept by the MIS, the legal source, and mirrored on this row) keeps the
   * pupil, and every other feature's history of the pupil points at this row.
   */
  async destroy(tx, { schoolId, pupilId, recordClass }) {
    if (recordClass === 'child-protection') return [];
    const out: { kind: string; count: number }[] = [];
    const corrections = await tx
      .delete(pupilDetailChanges)
      .where(
        and(
          eq(pupilDetailChanges.schoolId, schoolId),
          eq(pupilDetailChanges.pupilId, pupilId),
          sendSql(recordClass === 'sen'),
        ),
      )
      .returning({ id: pupilDetailChanges.id });
    if (corrections.length > 0) out.push({ kind: 'details-correction', count: corrections.length });
    if (recordClass === 'wellbeing') {
      const members = await tx
        .delete(caseTeamMembers)
        .where(and(eq(caseTeamMembers.schoolId, schoolId), eq(caseTeamMembers.pupilId, pupilId)))
        .returning({ id: caseTeamMembers.id });
      if (members.length > 0) out.push({ kind: 'case-team-member', count: members.length });
    }
    return out;
  },
};
