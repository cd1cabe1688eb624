/**
 * Need-to-know by caseload in the demo: Tom Fletcher (pastoral lead) leads Years 9 to 11 (the upper
 * school); Mark Hughes (SENDCO) sees the SEND register, the pupils whose concerns were routed to
 * him and one pupil the SMHL added for exam access arrangements; Aisha Rahman (Early Help) has the
 * pupil of the Signs of Safety record and one more, added by the DSL. Case teams reflect the demo's
 * concerns, plans and meetings as the app itself would have made them.
 */
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import {
  caseTeamMembers,
  concernPupils,
  concerns,
  meetings,
  plans,
  pupils,
  roleAssignments,
} from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

const EMAIL = {
  smhl: 'sam.patel@kingsmead.example',
  dsl: 'chris.okafor@kingsmead.example',
  sendco: 'mark.hughes@kingsmead.example',
  earlyHelp: 'aisha.rahman@kingsmead.example',
  pastoral: 'tom.fletcher@kingsmead.example',
} as const;

export const DEMO_PASTORAL_YEARS = [9, 10, 11];

export async function seedDemoCaseload(
  tx: DbOrTx,
  o: { schoolId: string; userIds: ReadonlyMap<string, string>; now: Date },
): Promise<void> {
  const { schoolId, now } = o;
  const user = (who: keyof typeof EMAIL): string => {
    const id = o.userIds.get(EMAIL[who]);
    if (!id) throw new Error(`demo user ${who} missing`);
    return id;
  };
  await tx
    .update(roleAssignments)
    .set({ scopeYearGroups: DEMO_PASTORAL_YEARS })
    .where(
      and(
        eq(roleAssignments.schoolId, schoolId),
        eq(roleAssignments.userId, user('pastoral')),
        eq(roleAssignments.role, 'pastoral_lead'),
      ),
    );

  const members = new Map<string, typeof caseTeamMembers.$inferInsert>();
  const add = (m: Omit<typeof caseTeamMembers.$inferInsert, 'schoolId'>) => {
    const key = `${m.pupilId}:${m.userId}`;
    if (!members.has(key)) members.set(key, { schoolId, ...m });
  };

  // Mental-health concerns were routed to the SMHL and the SENDCO; the SENDCO's caseload holds them.
  const routed = await tx
    .select({ pupilId: concernPupils.pupilId, at: concerns.loggedAt })
    .from(concerns)
    .innerJoin(concernPupils, eq(concernPupils.concernId, concerns.id))
    .where(and(eq(concerns.schoolId, schoolId), ne(concerns.route, 'dsl')))
    .orderBy(asc(concerns.loggedAt));
  for (const r of routed) add({ pupilId: r.pupilId, userId: user('sendco'), source: 'concern_routed', addedAt: r.at });

  const planRows = await tx
    .select({ pupilId: plans.pupilId, lead: plans.leadUserId, kind: plans.kind, at: plans.createdAt })
    .from(plans)
    .where(eq(plans.schoolId, schoolId))
    .orderBy(asc(plans.createdAt));
  for (const p of planRows) add({ pupilId: p.pupilId, userId: p.lead, source: 'plan_lead', addedAt: p.at });

  const meetingRows = await tx
    .select({ pupilId: meetings.pupilId, by: meetings.createdBy, at: meetings.createdAt })
    .from(meetings)
    .where(eq(meetings.schoolId, schoolId))
    .orderBy(asc(meetings.createdAt));
  for (const m of meetingRows) add({ pupilId: m.pupilId, userId: m.by, source: 'meeting_lead', addedAt: m.at });

  // Added by hand: the first pupil of 8K for exam access arrangements (SENDCO), and Early Help for
  // the Signs of Safety pupil and a Year 7 pupil whose family asked for support.
  const [eightK] = await tx
    .select({ id: pupils.id })
    .from(pupils)
    .where(and(eq(pupils.schoolId, schoolId), eq(pupils.form, '8K')))
    .orderBy(asc(pupils.familyName))
    .limit(1);
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
  if (eightK) {
    add({
      pupilId: eightK.id,
      userId: user('sendco'),
      source: 'added_by_lead',
      addedBy: user('smhl'),
      addedAt: daysAgo(20),
    });
  }
  const sos = planRows.find((p) => p.kind === 'signs_of_safety');
  const [sevenW] = await tx
    .select({ id: pupils.id })
    .from(pupils)
    .where(and(eq(pupils.schoolId, schoolId), inArray(pupils.form, ['7W'])))
    .orderBy(asc(pupils.familyName))
    .limit(1);
  for (const pupilId of [sos?.pupilId, sevenW?.id]) {
    if (!pupilId) continue;
    add({ pupilId, userId: user('earlyHelp'), source: 'added_by_lead', addedBy: user('dsl'), addedAt: daysAgo(14) });
  }
  if (members.size > 0) await tx.insert(caseTeamMembers).values([...members.values()]);
}
