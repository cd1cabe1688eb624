/**
 * Plans and meetings in the family portal: Emma Clarke sees the parent parts of Olivia's agreed
 * plans and her meetings' next steps (hers marked), never notes, aims or staff sections; Olivia
 * sees "my plan" from the last agreed version of her care plan, and nothing else of it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { londonToday, PARENT_SECTIONS, SECTION_INFO, STAFF_SECTIONS } from '@tandem/core';
import { familyNews, meetings, pupils, users } from '@tandem/core/schema';
import { createTestEnv, PEOPLE, type Person, type TestClient, type TestEnv } from '../../test/harness';
import { loadAssignments } from '../http/context';
import { findFamilyReader } from '../platform/family-access';
import type { FamilyReader } from '../platform/registries';
import { planFamilyView } from './plans.family';

let env: TestEnv;
let smhl: TestClient;
let oliviaId: string;
const db = () => env.deps.database.db;
const school = () => `/api/schools/${env.world.kingsmead}`;
const DAY = 86_400_000;
const day = (n: number) => new Date(env.clock.now().getTime() + n * DAY).toISOString().slice(0, 10);
const news = async () => (await db().select().from(familyNews).where(eq(familyNews.pupilId, oliviaId))).length;

const MY_PLAN = 'When you feel worried in class, show your card and go to Student Services. Ms Lee will help you.';
const CONDITION = 'Marker condition text that only staff may read.';

async function readerAs(person: Person): Promise<FamilyReader> {
  const [u] = await db().select().from(users).where(eq(users.email, PEOPLE[person]));
  const actor = {
    userId: u!.id,
    email: u!.email,
    displayName: u!.displayName,
    assignments: await loadAssignments(db(), u!.id),
  };
  const reader = await findFamilyReader(db(), { actor, schoolId: env.world.kingsmead, now: env.clock.now() }, oliviaId);
  if (!reader) throw new Error(`${person} does not see Olivia`);
  return reader;
}

beforeAll(async () => {
  env = await createTestEnv();
  const [olivia] = await db()
    .select({ id: pupils.id })
    .from(pupils)
    .innerJoin(users, eq(users.id, pupils.userId))
    .where(eq(users.email, PEOPLE.pupil));
  oliviaId = olivia!.id;
  smhl = await env.as('smhl');
});
afterAll(async () => {
  await env.close();
});

describe('what a parent sees of plans and meetings', () => {
  it("is the parent parts of Olivia's agreed care plan, never a staff section", async () => {
    const { plans } = await planFamilyView.forParent!(db(), await readerAs('parent'));
    expect(plans?.length).toBeGreaterThan(0);
    const parentLabels = new Set([...PARENT_SECTIONS].map((k) => SECTION_INFO[k].label));
    for (const p of plans ?? []) {
      expect(p.readAt).toBeNull();
      for (const s of p.sections) expect(parentLabels.has(s.label)).toBe(true);
    }
    expect(JSON.stringify(plans)).not.toContain('often feels anxious');
  });

  it('is her meetings with their next steps, hers marked, never the notes or aims', async () => {
    const before = await news();
    const made = await smhl.post<{ id: string }>(`${school()}/pupils/${oliviaId}/meetings`, {
      kind: 'parent',
      heldAt: new Date(env.clock.now().getTime() - 60 * 60_000).toISOString(),
      place: 'Pastoral office',
      attendees: [{ kind: 'parent', name: 'Emma Clarke', role: 'Mother' }],
      aims: 'Marker aims never for parents.',
      notes: 'Marker notes never for parents.',
      complete: true,
      nextSteps: [
        { description: 'Keep a sleep diary', ownerName: 'Parent/carer', dueOn: day(7) },
        { description: 'Call the GP', ownerName: 'emma clarke', dueOn: day(5) },
        { description: 'Ask Olivia what helps', ownerName: 'Mum', dueOn: day(6) },
        { description: 'Share the exam plan', ownerUserId: env.world.userId('smhl'), dueOn: day(4) },
      ],
      submissionKey: randomUUID(),
    });
    expect(made.status, made.text).toBe(201);
    // A parent meeting held with next steps is news for the family.
    expect(await news()).toBe(before + 1);

    const { meetings: shown } = await planFamilyView.forParent!(db(), await readerAs('parent'));
    const m = shown?.find((x) => x.id === made.body.id);
    expect(m).toMatchObject({ kindLabel: 'Parent meeting', place: 'Pastoral office', upcoming: false });
    const theirs = Object.fromEntries((m?.nextSteps ?? []).map((s) => [s.description, s.theirs]));
    expect(theirs).toEqual({
      'Keep a sleep diary': true,
      'Call the GP': true,
      'Ask Olivia what helps': true,
      'Share the exam plan': false,
    });
    const all = await db().select().from(meetings).where(eq(meetings.pupilId, oliviaId));
    const json = JSON.stringify(shown);
    for (const row of all) {
      if (row.notes) expect(json).not.toContain(row.notes);
      if (row.aims) expect(json).not.toContain(row.aims);
    }
  });
});

describe('"my plan", for the pupil', () => {
  it('is a section of care and crisis plans only, neither for staff nor for parents', async () => {
    expect(STAFF_SECTIONS.has('forPupil')).toBe(false);
    expect(PARENT_SECTIONS.has('forPupil')).toBe(false);
    const risk = await smhl.post(`${school()}/pupils/${oliviaId}/plans`, {
      kind: 'risk',
      content: { sections: { risks: 'Leaves the site.', staffMust: 'Tell the office.', forPupil: MY_PLAN } },
      reviewDue: day(28),
      submissionKey: randomUUID(),
    });
    expect(risk.status).toBe(400);
  });

  it('shows Olivia the last agreed version only, and never to her parent', async () => {
    // The demo's agreed care plan already has "my plan" words for Olivia.
    const demo = (await planFamilyView.forPupil!(db(), await readerAs('pupil'))).myPlan;
    expect(demo?.text).toMatch(/Ms Lee/);
    const created = await smhl.post<{ id: string }>(`${school()}/pupils/${oliviaId}/plans`, {
      kind: 'care',
      content: {
        sections: {
          condition: CONDITION,
          emergency: 'Stay calm and call home.',
          schoolProvides: 'A weekly check-in.',
          forPupil: MY_PLAN,
        },
      },
      reviewDue: day(42),
      agreementsNeeded: [],
      parentShareable: true,
      submissionKey: randomUUID(),
    });
    expect(created.status, created.text).toBe(201);
    const id = created.body.id;
    // Not agreed yet: the pupil still sees the plan that was agreed.
    expect((await planFamilyView.forPupil!(db(), await readerAs('pupil'))).myPlan?.planId).toBe(demo?.planId);

    const before = await news();
    expect((await smhl.post(`${school()}/plans/${id}/agree`, { version: 1 })).status).toBe(200);
    expect(await news()).toBe(before + 1);
    const { myPlan } = await planFamilyView.forPupil!(db(), await readerAs('pupil'));
    expect(myPlan).toEqual({ planId: id, text: MY_PLAN, agreedOn: londonToday(env.clock.now()) });

    const parentView = JSON.stringify(await planFamilyView.forParent!(db(), await readerAs('parent')));
    expect(parentView).toContain('A weekly check-in.');
    expect(parentView).not.toContain(MY_PLAN);
    expect(parentView).not.toContain(CONDITION);

    // Ended, it is gone.
    expect((await smhl.post(`${school()}/plans/${id}/end`, { version: 1, reason: 'No longer needed' })).status).toBe(
      200,
    );
    const after = (await planFamilyView.forPupil!(db(), await readerAs('pupil'))).myPlan;
    expect(after?.planId).not.toBe(id);
  });
});
