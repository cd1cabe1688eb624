/**
 * The demo's subject access requests, at Kingsmead:
 *  - Emma Clarke asked by e-mail twelve days ago for what the school holds about Olivia; her identity
 *    was checked at the office and the SMHL has started the review: the first items not from the
 *    safeguarding record are decided (disclosed, one withheld as it names another pupil if any does);
 *  - a solicitor acting for a pupil at MH3 or above wrote twenty-seven days ago: identity checked,
 *    review not started, the deadline days away (on the leads' home page).
 * Inserted in the demo transaction, not audited. Items come from the `pupilRecords` registry; if a
 * source fails while the demo loads, the request is left without decisions rather than failing it.
 */
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { addDaysToDay, londonToday, subjectAccessDeadline, type PupilRecordItem } from '@tandem/core';
import { contacts, pupils, subjectAccessDecisions, subjectAccessRequests } from '@tandem/core/schema';
import type { Tx } from '../db/client';
import type { AppDeps } from '../platform/deps';

const SMHL = 'sam.patel@kingsmead.example';

export async function seedDemoSubjectAccess(
  deps: AppDeps,
  tx: Tx,
  o: { schoolIds: Map<string, string>; userIds: Map<string, string>; now: Date },
): Promise<void> {
  const schoolId = o.schoolIds.get('kingsmead');
  const smhl = o.userIds.get(SMHL);
  if (!schoolId || !smhl) throw new Error('demo subject access: Kingsmead or its SMHL missing');
  const today = londonToday(o.now);
  const day = (n: number) => addDaysToDay(today, n);
  const [olivia] = await tx
    .select()
    .from(pupils)
    .where(and(eq(pupils.schoolId, schoolId), eq(pupils.givenName, 'Olivia'), eq(pupils.familyName, 'Clarke')));
  const [other] = await tx
    .select()
    .from(pupils)
    .where(
      and(eq(pupils.schoolId, schoolId), inArray(pupils.currentLevel, ['MH3', 'MH4', 'MH5']), isNull(pupils.userId)),
    )
    .orderBy(desc(pupils.currentLevel), asc(pupils.upn))
    .limit(1);
  if (!olivia || !other) throw new Error('demo subject access: Olivia Clarke or a pupil at MH3 or above missing');
  const [emma] = await tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.pupilId, olivia.id), eq(contacts.name, 'Emma Clarke')));

  const received1 = day(-12);
  const [first] = await tx
    .insert(subjectAccessRequests)
    .values({
      schoolId,
      pupilId: olivia.id,
      requesterKind: 'parent',
      requesterName: emma?.name ?? 'Emma Clarke',
      requesterContactId: emma?.id ?? null,
      receivedHow: 'email',
      receivedOn: received1,
      deadline: subjectAccessDeadline(received1),
      identityCheckedHow: 'Came to the office with her passport; matched the contact details we hold',
      identityCheckedByName: 'Jo Bennett (school office)',
      identityCheckedOn: day(-11),
      identityRecordedBy: smhl,
      reviewStartedAt: new Date(o.now.getTime() - 9 * 86_400_000),
      createdBy: smhl,
      createdAt: new Date(`${received1}T09:15:00Z`),
      updatedAt: new Date(`${day(-9)}T09:15:00Z`),
    })
    .returning({ id: subjectAccessRequests.id });

  const received2 = day(-27);
  await tx.insert(subjectAccessRequests).values({
    schoolId,
    pupilId: other.id,
    requesterKind: 'representative',
    requesterName: 'Harper & Lowe Solicitors',
    requesterRelationship: 'The family’s solicitors, with the parents’ signed authority',
    receivedHow: 'letter',
    receivedOn: received2,
    deadline: subjectAccessDeadline(received2),
    identityCheckedHow: 'Signed authority from both parents, checked against the signatures we hold',
    identityCheckedByName: 'Sam Patel',
    identityCheckedOn: day(-25),
    identityRecordedBy: smhl,
    createdBy: smhl,
    createdAt: new Date(`${received2}T11:00:00Z`),
    updatedAt: new Date(`${day(-25)}T11:00:00Z`),
  });

  if (!first) return;
  let items: PupilRecordItem[] = [];
  try {
    // A savepoint: a source failing here leaves the demo transaction usable.
    items = await tx.transaction(async (sp) => {
      const all: PupilRecordItem[] = [];
      for (const source of deps.registries.pupilRecords) {
        all.push(...(await source.records(sp, { schoolId, pupilId: olivia.id, includeRestricted: false })));
      }
      return all;
    });
  } catch {
    items = [];
  }
  const chosen = items
    .filter((i) => !i.restricted)
    .sort((a, b) => a.at.localeCompare(b.at))
    .slice(0, 4);
  for (const [n, item] of chosen.entries()) {
    const withhold = item.suggested.decision !== 'disclose';
    await tx.insert(subjectAccessDecisions).values({
      schoolId,
      requestId: first.id,
      itemSource: item.source,
      itemKind: item.kind,
      itemId: item.id,
      itemTitle: item.title,
      itemAt: new Date(item.at),
      restricted: false,
      decision: withhold ? 'withhold' : 'disclose',
      category: withhold ? 'third_party' : null,
      reason: withhold
        ? 'Names another pupil; no consent to share'
        : 'Held about Olivia and already known to her mother',
      decidedBy: smhl,
      decidedAt: new Date(o.now.getTime() - (9 - n) * 86_400_000),
    });
  }
}
