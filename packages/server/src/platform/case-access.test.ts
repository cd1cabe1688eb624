/**
 * Need-to-know by caseload, told as stories through HTTP: each case role opens the case of a pupil
 * within its scope and, outside it, sees what a teacher sees while the case record, chronology,
 * plans, meetings and exports answer 404. Pupils join a caseload when a concern is routed, a plan
 * names a lead, or the SMHL or DSL adds someone; the head widens a scope with a reason.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { CaseTeamResponse, PupilProfileResponse, RoleScopesResponse } from '@tandem/core';
import { auditEvents, caseTeamMembers, pupils } from '@tandem/core/schema';
import { createTestEnv, type Person, type TestEnv } from '../../test/harness';

let env: TestEnv;
/** A Year 9 pupil on the SEND register, on nobody's caseload. */
let yearNine: Pupil;
/** Year 7 pupils not on the SEND register, on nobody's caseload, taught by none of the case roles. */
let outside: Pupil;
let outsideTwo: Pupil;
let outsideThree: Pupil;
/** A Year 7 pupil on the SEND register. */
let sendPupil: Pupil;
/** The Early Help lead's demo caseload pupil. */
let earlyHelpPupil: Pupil;
let willowPupil: string;

interface Pupil {
  id: string;
  familyName: string;
  givenName: string;
}

const school = () => `/api/schools/${env.world.kingsmead}`;
const pupilUrl = (id: string) => `${school()}/pupils/${id}`;
const DAY = 86_400_000;
const day = (offset: number) => new Date(env.clock.now().getTime() + offset * DAY).toISOString().slice(0, 10);

async function pupilsWhere(where: ReturnType<typeof sql>): Promise<Pupil[]> {
  return env.deps.database.db
    .select({ id: pupils.id, familyName: pupils.familyName, givenName: pupils.givenName })
    .from(pupils)
    .where(
      and(
        eq(pupils.schoolId, env.world.kingsmead),
        sql`not exists (select 1 from case_team_members c where c.pupil_id = ${pupils.id})`,
        sql`not exists (select 1 from teaching_group_pupils tgp join teaching_group_staff tgs on tgs.group_id = tgp.group_id
          join role_assignments ra on ra.user_id = tgs.user_id and ra.school_id = tgs.school_id
          where tgp.pupil_id = ${pupils.id} and ra.role in ('sendco', 'early_help_lead', 'pastoral_lead'))`,
        sql`not exists (select 1 from concern_pupils cp where cp.pupil_id = ${pupils.id})`,
        where,
      ),
    )
    .orderBy(pupils.familyName, pupils.givenName);
}

beforeAll(async () => {
  env = await createTestEnv();
  const db = env.deps.database.db;
  const sevens = await pupilsWhere(sql`${pupils.yearGroup} = 7 and ${pupils.send} = 'none'`);
  [outside, outsideTwo, outsideThree] = sevens as [Pupil, Pupil, Pupil];
  [sendPupil] = (await pupilsWhere(sql`${pupils.yearGroup} = 7 and ${pupils.send} <> 'none'`)) as [Pupil];
  // Give the Year 9 pupil a SEND status of none so that only the year group brings them in scope.
  [yearNine] = (await pupilsWhere(sql`${pupils.yearGroup} = 9 and ${pupils.send} = 'none'`)) as [Pupil];
  const [eh] = await db
    .select({ id: pupils.id, familyName: pupils.familyName, givenName: pupils.givenName })
    .from(caseTeamMembers)
    .innerJoin(pupils, eq(pupils.id, caseTeamMembers.pupilId))
    .where(eq(caseTeamMembers.userId, env.world.userId('earlyHelp')))
    .orderBy(pupils.familyName)
    .limit(1);
  earlyHelpPupil = eh!;
  const [w] = await db.select().from(pupils).where(eq(pupils.schoolId, env.world.willow));
  willowPupil = w!.id;
  for (const p of [outside, outsideTwo, outsideThree, sendPupil, yearNine, earlyHelpPupil]) expect(p).toBeDefined();
  // A level on the pupils outside every scope, so a list or export would show it if it leaked.
  await db.update(pupils).set({ currentLevel: 'MH3' }).where(eq(pupils.id, outside.id));
  await db.update(pupils).set({ currentLevel: 'MH3' }).where(eq(pupils.id, yearNine.id));
});
afterAll(async () => {
  await env.close();
});

async function view(person: Person, pupilId: string): Promise<string> {
  const res = await (await env.as(person)).get<PupilProfileResponse>(pupilUrl(pupilId));
  expect(res.status).toBe(200);
  return res.body.view;
}

/** Status of every case read about the pupil: chronology, its PDF, plans, meetings, case team. */
async function caseReads(person: Person, pupilId: string): Promise<number[]> {
  const c = await env.as(person);
  return Promise.all(
    ['chronology', 'chronology.pdf', 'plans', 'meetings', 'case-team'].map(
      async (part) => (await c.get(`${pupilUrl(pupilId)}/${part}`)).status,
    ),
  );
}

async function csvLevel(person: Person, p: Pupil): Promise<string | undefined> {
  const res = await (await env.as(person)).get(`${school()}/pupils.csv?search=${encodeURIComponent(p.familyName)}`);
  expect(res.status).toBe(200);
  const row = res.text
    .trim()
    .split('\r\n')
    .find((r) => r.startsWith(`${p.familyName},${p.givenName},`));
  return row?.split(',')[5];
}

describe('a pastoral lead sees the year groups they lead', () => {
  it('opens the case of a Year 9 pupil: record, chronology, PDF, plans, meetings, level in the list and CSV', async () => {
    expect(await view('pastoral', yearNine.id)).toBe('case');
    expect(await caseReads('pastoral', yearNine.id)).toEqual([200, 200, 200, 200, 200]);
    expect(await csvLevel('pastoral', yearNine)).toBe('MH3');
  });

  it('outside: name and form only, the case reads and changes answer 404, and no level is listed', async () => {
    expect(await view('pastoral', outside.id)).toBe('basic');
    expect(await caseReads('pastoral', outside.id)).toEqual([404, 404, 404, 404, 404]);
    expect(await csvLevel('pastoral', outside)).toBe('');
    const pastoral = await env.as('pastoral');
    const list = await pastoral.get<{ pupils: { id: string }[] }>(`${school()}/pupils?level=MH3&limit=100`);
    expect(list.status).toBe(200);
    expect(list.body.pupils.map((p) => p.id)).toContain(yearNine.id);
    expect(list.body.pupils.map((p) => p.id)).not.toContain(outside.id);
    const level = await pastoral.post(`${pupilUrl(outside.id)}/level`, {
      level: 'MH4',
      reason: 'x',
      evidence: [{ kind: 'observation', description: 'y' }],
      expectedCurrentLevel: 'MH3',
    });
    expect(level.status).toBe(404);
    const plan = await pastoral.post(`${pupilUrl(outside.id)}/plans`, careBody());
    expect(plan.status).toBe(404);
    const correct = await pastoral.patch(pupilUrl(outside.id), { form: '7K', reason: 'x', version: 1 });
    expect(correct.status).toBe(404);
  });

  it('lists the plan reviews due only of pupils within scope', async () => {
    const smhl = await env.as('smhl');
    const inside = await smhl.post<{ id: string }>(`${pupilUrl(yearNine.id)}/plans`, careBody({ reviewDue: day(3) }));
    const beyond = await smhl.post<{ id: string }>(`${pupilUrl(outside.id)}/plans`, careBody({ reviewDue: day(3) }));
    expect([inside.status, beyond.status]).toEqual([201, 201]);
    const due = async (person: Person) =>
      (
        await (await env.as(person)).get<{ reviews: { planId: string }[] }>(`${school()}/plans/reviews-due`)
      ).body.reviews.map((r) => r.planId);
    expect(await due('pastoral')).toContain(inside.body.id);
    expect(await due('pastoral')).not.toContain(beyond.body.id);
    expect(await due('head')).toEqual(expect.arrayContaining([inside.body.id, beyond.body.id]));
  });

  it('the head sets the years a pastoral lead leads; it is audited', async () => {
    const head = await env.as('head');
    const url = `${school()}/staff/${env.world.userId('pastoral')}/scopes/pastoral_lead`;
    const res = await head.put<RoleScopesResponse>(url, { yearGroups: [7, 9, 10, 11], wholeSchool: false });
    expect(res.status).toBe(200);
    expect(res.body.scopes[0]).toMatchObject({
      role: 'pastoral_lead',
      kind: 'year_groups',
      yearGroups: [7, 9, 10, 11],
    });
    expect(await view('pastoral', outside.id)).toBe('case');
    expect((await head.put(url, { yearGroups: [9, 10, 11], wholeSchool: false })).status).toBe(200);
    expect(await view('pastoral', outside.id)).toBe('basic');
    const audited = await env.deps.database.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'role.scope_changed'), eq(auditEvents.subjectId, env.world.userId('pastoral'))),
      );
    expect(audited).toHaveLength(2);
  });
});

describe('the SENDCO sees their caseload and the SEND register', () => {
  it('opens a pupil on the SEND register, and not a pupil outside it', async () => {
    expect(await view('sendco', sendPupil.id)).toBe('case');
    expect(await caseReads('sendco', sendPupil.id)).toEqual([200, 200, 200, 200, 200]);
    expect(await view('sendco', outside.id)).toBe('basic');
    expect(await caseReads('sendco', outside.id)).toEqual([404, 404, 404, 404, 404]);
  });

  it('a mental-health concern routed to the SENDCO puts its pupil on their caseload', async () => {
    const tutor = await env.as('tutor');
    const res = await tutor.post<{ id: string }>(`${school()}/concerns`, {
      submissionKey: randomUUID(),
      pupilIds: [outsideTwo.id],
      occurredAt: new Date(env.clock.now().getTime() - 20 * 60_000).toISOString(),
      location: 'Corridor',
      account: 'Withdrawn all week and not eating at lunch.',
      warningSigns: ['anxiety_anger_moodiness'],
      riskOfImmediateHarm: false,
      possibleChildProtection: false,
      medicalEmergency: false,
    });
    expect(res.status).toBe(201);
    expect(await view('sendco', outsideTwo.id)).toBe('case');
    const team = await (await env.as('smhl')).get<CaseTeamResponse>(`${pupilUrl(outsideTwo.id)}/case-team`);
    expect(team.body.members.find((m) => m.userId === env.world.userId('sendco'))?.source).toBe('concern_routed');
    // The Early Help lead was not routed the concern, so it is still outside their scope.
    expect(await view('earlyHelp', outsideTwo.id)).toBe('basic');
  });

  it('a safeguarding concern adds no one: the case team must not betray a restricted record', async () => {
    const tutor = await env.as('tutor');
    const res = await tutor.post(`${school()}/concerns`, {
      submissionKey: randomUUID(),
      pupilIds: [outsideThree.id],
      occurredAt: new Date(env.clock.now().getTime() - 20 * 60_000).toISOString(),
      location: 'Playground',
      account: 'Said something at home frightens them.',
      warningSigns: [],
      riskOfImmediateHarm: false,
      possibleChildProtection: true,
      medicalEmergency: false,
    });
    expect(res.status).toBe(201);
    expect(await view('sendco', outsideThree.id)).toBe('basic');
    const team = await (await env.as('dsl')).get<CaseTeamResponse>(`${pupilUrl(outsideThree.id)}/case-team`);
    expect(team.body.members).toEqual([]);
  });

  it('the head widens the SENDCO to the whole school with a reason, audited; and narrows it again', async () => {
    const head = await env.as('head');
    const url = `${school()}/staff/${env.world.userId('sendco')}/scopes/sendco`;
    const noReason = await head.put<{ error: { fields: { path: string }[] } }>(url, { wholeSchool: true });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields[0]?.path).toBe('reason');
    expect((await (await env.as('smhl')).put(url, { wholeSchool: true, reason: 'Cover' })).status).toBe(403);
    expect((await (await env.as('sendco')).put(url, { wholeSchool: true, reason: 'Cover' })).status).toBe(403);

    const widened = await head.put<RoleScopesResponse>(url, {
      wholeSchool: true,
      reason: 'Covering the Early Help lead during her leave',
    });
    expect(widened.status).toBe(200);
    expect(widened.body.scopes.find((x) => x.role === 'sendco')).toMatchObject({
      kind: 'school',
      widened: { reason: 'Covering the Early Help lead during her leave', byName: 'Dr Helen Carter' },
    });
    expect(await view('sendco', outside.id)).toBe('case');
    expect(await caseReads('sendco', outside.id)).toEqual([200, 200, 200, 200, 200]);
    const [entry] = await env.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'role.scope_changed'), eq(auditEvents.subjectId, env.world.userId('sendco'))));
    expect(entry?.detail).toMatchObject({ role: 'sendco', wholeSchool: true });
    expect(entry?.actorUserId).toBe(env.world.userId('head'));

    expect((await head.put(url, { wholeSchool: false })).status).toBe(200);
    expect(await caseReads('sendco', outside.id)).toEqual([404, 404, 404, 404, 404]);
  });
});

function careBody(over: Record<string, unknown> = {}) {
  return {
    kind: 'care',
    content: {
      sections: {
        condition: 'Anxiety before tests.',
        requirements: 'Sit near the door.',
        emergency: 'Take to the medical room.',
        schoolProvides: 'Weekly check-in.',
        homeDoes: 'Sleep diary.',
      },
      adjustments: {},
      contacts: [],
    },
    reviewDue: day(42),
    agreementsNeeded: [],
    submissionKey: randomUUID(),
    ...over,
  };
}

describe('the Early Help lead sees their caseload', () => {
  it('opens a pupil on their caseload, and not one outside it', async () => {
    expect(await view('earlyHelp', earlyHelpPupil.id)).toBe('case');
    expect(await caseReads('earlyHelp', earlyHelpPupil.id)).toEqual([200, 200, 200, 200, 200]);
    expect(await view('earlyHelp', outside.id)).toBe('basic');
    expect(await caseReads('earlyHelp', outside.id)).toEqual([404, 404, 404, 404, 404]);
  });

  it('joins the case team when a plan names them as its lead, and then reads the plan', async () => {
    const smhl = await env.as('smhl');
    const created = await smhl.post<{ id: string }>(`${pupilUrl(outside.id)}/plans`, careBody());
    expect(created.status).toBe(201);
    const planUrl = `${school()}/plans/${created.body.id}`;
    const earlyHelp = await env.as('earlyHelp');
    expect((await earlyHelp.get(planUrl)).status).toBe(404);
    const shared = await smhl.put(`${planUrl}/sharing`, {
      version: 1,
      leadUserId: env.world.userId('earlyHelp'),
      shareWithTeaching: false,
      sharedWith: [],
      parentShareable: false,
    });
    expect(shared.status).toBe(200);
    expect((await earlyHelp.get(planUrl)).status).toBe(200);
    expect(await view('earlyHelp', outside.id)).toBe('case');
    const team = await smhl.get<CaseTeamResponse>(`${pupilUrl(outside.id)}/case-team`);
    expect(team.body.members.find((m) => m.userId === env.world.userId('earlyHelp'))?.source).toBe('plan_lead');
    // Others outside their scope still do not see the plan.
    expect((await (await env.as('pastoral')).get(planUrl)).status).toBe(404);
  });
});

describe('the SMHL or DSL adds and removes members of a case team', () => {
  it('adds and removes with both audited; the member gains and loses the case', async () => {
    const dsl = await env.as('dsl');
    const url = `${pupilUrl(outsideThree.id)}/case-team`;
    expect(await view('pastoral', outsideThree.id)).toBe('basic');
    const added = await dsl.post<CaseTeamResponse>(url, { userId: env.world.userId('pastoral') });
    expect(added.status).toBe(200);
    expect(added.body.canManage).toBe(true);
    expect(added.body.members).toEqual([
      expect.objectContaining({
        userId: env.world.userId('pastoral'),
        source: 'added_by_lead',
        addedByName: 'Chris Okafor',
      }),
    ]);
    expect(await view('pastoral', outsideThree.id)).toBe('case');
    // The pastoral lead reads the team but may not change it.
    const theirs = await (await env.as('pastoral')).get<CaseTeamResponse>(url);
    expect(theirs.body.canManage).toBe(false);
    expect((await (await env.as('pastoral')).post(url, { userId: env.world.userId('earlyHelp') })).status).toBe(403);
    expect((await (await env.as('sendco')).delete(`${url}/${env.world.userId('pastoral')}`)).status).toBe(403);

    const removed = await (await env.as('smhl')).delete<CaseTeamResponse>(`${url}/${env.world.userId('pastoral')}`);
    expect(removed.status).toBe(200);
    expect(removed.body.members).toEqual([]);
    expect(await view('pastoral', outsideThree.id)).toBe('basic');
    expect(await caseReads('pastoral', outsideThree.id)).toEqual([404, 404, 404, 404, 404]);

    const entries = await env.deps.database.db
      .select({ action: auditEvents.action, detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, outsideThree.id), sql`${auditEvents.action} like 'pupil.case_team_%'`));
    expect(entries.map((e) => e.action)).toEqual(['pupil.case_team_added', 'pupil.case_team_removed']);
    // The history is kept: the membership is marked removed, not deleted.
    const rows = await env.deps.database.db
      .select()
      .from(caseTeamMembers)
      .where(eq(caseTeamMembers.pupilId, outsideThree.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.removedBy).toBe(env.world.userId('smhl'));
  });

  it('only staff of this school may be added; another school gets 404', async () => {
    const smhl = await env.as('smhl');
    const url = `${pupilUrl(outside.id)}/case-team`;
    expect((await smhl.post(url, { userId: env.world.userId('otherTeacher') })).status).toBe(400);
    expect((await smhl.post(url, { userId: env.world.userId('parent') })).status).toBe(400);
    const otherHead = await env.as('otherHead');
    expect((await otherHead.get(url)).status).toBe(404);
    expect((await otherHead.post(url, { userId: env.world.userId('otherTeacher') })).status).toBe(404);
    expect(
      (await otherHead.put(`${school()}/staff/${env.world.userId('sendco')}/scopes/sendco`, { wholeSchool: false }))
        .status,
    ).toBe(404);
    expect((await smhl.get(`/api/schools/${env.world.willow}/pupils/${willowPupil}/case-team`)).status).toBe(404);
  });
});

describe('the head, SMHL and DSL team keep the whole school', () => {
  it.each(['head', 'smhl', 'dsl', 'deputyDsl'] as Person[])('%s opens a pupil on no caseload', async (person) => {
    expect(await view(person, outside.id)).toBe('case');
    expect(await caseReads(person, outside.id)).toEqual([200, 200, 200, 200, 200]);
    expect(await csvLevel(person, outside)).toBe('MH3');
  });

  it('their scope cannot be narrowed', async () => {
    const head = await env.as('head');
    const res = await head.put(`${school()}/staff/${env.world.userId('smhl')}/scopes/smhl`, { wholeSchool: false });
    expect(res.status).toBe(400);
    const scopes = await head.get<RoleScopesResponse>(`${school()}/staff/${env.world.userId('smhl')}/scopes`);
    expect(scopes.body.scopes).toEqual([expect.objectContaining({ role: 'smhl', kind: 'school', adjustable: false })]);
  });
});
