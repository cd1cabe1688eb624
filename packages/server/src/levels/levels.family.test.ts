/**
 * Termly letters in the parent portal: Emma Clarke (parent of Olivia Clarke) downloads Olivia's
 * letter once letters are shared, as it was shared; no one else does. And the levels part of what
 * a parent sees: the level in the letter's plain words, and the letters, newest first.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { DEFAULT_LEVELS, parentHomeLines, THRIVING_AT_HOME, THRIVING_PARENT_SUMMARY } from '@tandem/core';
import { auditEvents, contacts, familyNews, levelShares, pupils, users } from '@tandem/core/schema';
import { createTestEnv, PEOPLE, type TestClient, type TestEnv } from '../../test/harness';
import { pageTexts } from '../../test/pdf-text';
import { loadAssignments } from '../http/context';
import { findFamilyReader } from '../platform/family-access';
import type { FamilyReader } from '../platform/registries';
import { levelFamilyView, SCHOOL_DOES_FOR_PARENTS } from './levels.family';

let env: TestEnv;
let parent: TestClient;
let olivia: { id: string; yearGroup: number };
const db = () => env.deps.database.db;
const kingsmead = () => env.world.kingsmead;
const letterUrl = (pupilId: string, letterId: string, schoolId = kingsmead()) =>
  `/api/family/schools/${schoolId}/children/${pupilId}/letters/${letterId}/pdf`;

/** The parent's reader for a child, built as the family routes build it (null when not linked). */
async function readerFor(email: string, pupilId: string): Promise<FamilyReader | null> {
  const [u] = await db().select().from(users).where(eq(users.email, email));
  if (!u) throw new Error(`no user ${email}`);
  const actor = {
    userId: u.id,
    email: u.email,
    displayName: u.displayName,
    assignments: await loadAssignments(db(), u.id),
  };
  return findFamilyReader(db(), { actor, schoolId: kingsmead(), now: env.clock.now() }, pupilId);
}

async function getForBytes(client: TestClient, url: string) {
  const spy = vi.spyOn(env.app, 'inject');
  try {
    const res = await client.get(url);
    const injected = spy.mock.results.at(-1)?.value as Promise<LightMyRequestResponse>;
    return { ...res, bytes: (await injected).rawPayload };
  } finally {
    spy.mockRestore();
  }
}

async function lettersOf(pupilId: string) {
  return db()
    .select()
    .from(levelShares)
    .where(and(eq(levelShares.pupilId, pupilId), eq(levelShares.audience, 'parents')))
    .orderBy(desc(levelShares.sharedAt));
}

beforeAll(async () => {
  env = await createTestEnv();
  const [row] = await db()
    .select({ id: pupils.id, yearGroup: pupils.yearGroup })
    .from(pupils)
    .innerJoin(users, eq(users.id, pupils.userId))
    .where(eq(users.email, PEOPLE.pupil));
  if (!row) throw new Error('no Olivia');
  olivia = row;
  parent = await env.as('parent');
});
afterAll(async () => {
  await env.close();
});

describe("a parent's termly letters", () => {
  let letterId: string;
  let otherLetterId: string;
  let otherPupilId: string;

  it('has none to download before letters are shared', async () => {
    const reader = await readerFor(PEOPLE.parent, olivia.id);
    expect(reader?.as).toBe('parent');
    const part = await levelFamilyView.forParent!(db(), reader!);
    expect(part.letters).toEqual([]);
    const res = await parent.get(letterUrl(olivia.id, crypto.randomUUID()));
    expect(res.status).toBe(404);
  });

  it('lists the letter once the lead makes the letters, and tells the family', async () => {
    const newsBefore = await db().select().from(familyNews).where(eq(familyNews.pupilId, olivia.id));
    const smhl = await env.as('smhl');
    const made = await smhl.post(`/api/schools/${kingsmead()}/level-letters`, { yearGroup: olivia.yearGroup });
    expect(made.status, made.text).toBe(200);
    const rows = await lettersOf(olivia.id);
    expect(rows).toHaveLength(1);
    letterId = rows[0]!.id;
    const reader = await readerFor(PEOPLE.parent, olivia.id);
    const part = await levelFamilyView.forParent!(db(), reader!);
    expect(part.letters).toEqual([
      { id: letterId, sharedAt: rows[0]!.sharedAt.toISOString(), levelName: DEFAULT_LEVELS.MH2.name, readAt: null },
    ]);
    const newsAfter = await db().select().from(familyNews).where(eq(familyNews.pupilId, olivia.id));
    expect(newsAfter.length).toBe(newsBefore.length + 1);

    const [other] = await db()
      .select({ id: levelShares.id, pupilId: levelShares.pupilId })
      .from(levelShares)
      .where(and(eq(levelShares.batchId, rows[0]!.batchId), eq(levelShares.audience, 'parents')))
      .then((all) => all.filter((s) => s.pupilId !== olivia.id));
    if (!other) throw new Error('no other letter in the batch');
    otherLetterId = other.id;
    otherPupilId = other.pupilId;
  });

  it("lets Emma download Olivia's letter as it was shared, audited on Olivia", async () => {
    const res = await getForBytes(parent, letterUrl(olivia.id, letterId));
    expect(res.status, res.text).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(String(res.headers['content-disposition'])).toMatch(
      /attachment; filename="wellbeing-letter-\d{4}-\d{2}-\d{2}\.pdf"/,
    );
    expect(res.headers['cache-control']).toContain('no-store');
    const text = pageTexts(res.bytes).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Olivia Clarke');
    expect(text).toContain('Ms Emma Clarke');
    expect(text).toContain(DEFAULT_LEVELS.MH2.parentSummary.slice(0, 40));
    // Never the staff wording of the level.
    expect(text).not.toContain(DEFAULT_LEVELS.MH2.schoolToDo[0]!.slice(0, 30));

    const [audit] = await db().select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
    expect(audit?.action).toBe('family.letter_downloaded');
    expect(audit?.subjectType).toBe('pupil');
    expect(audit?.subjectId).toBe(olivia.id);
    expect(audit?.detail).toEqual({ letterId });
  });

  it("answers 404 for another child's letter, through Olivia or through that child", async () => {
    expect((await parent.get(letterUrl(olivia.id, otherLetterId))).status).toBe(404);
    expect((await parent.get(letterUrl(otherPupilId, otherLetterId))).status).toBe(404);
  });

  it('answers 404 for a staff letter row (the briefing), even of Olivia', async () => {
    const smhl = await env.as('smhl');
    const made = await smhl.post(`/api/schools/${kingsmead()}/staff-briefing`, {});
    expect(made.status, made.text).toBe(200);
    const [staffRow] = await db()
      .select({ id: levelShares.id })
      .from(levelShares)
      .where(and(eq(levelShares.pupilId, olivia.id), eq(levelShares.audience, 'staff')));
    expect(staffRow).toBeDefined();
    expect((await parent.get(letterUrl(olivia.id, staffRow!.id))).status).toBe(404);
  });

  it('answers 404 to an unlinked parent, and to people of another school', async () => {
    const emma = env.world.userId('parent');
    // Unlink Emma from Olivia for a moment: the letter is not there for her at all.
    await db()
      .update(contacts)
      .set({ userId: null })
      .where(and(eq(contacts.pupilId, olivia.id), eq(contacts.userId, emma)));
    try {
      expect((await parent.get(letterUrl(olivia.id, letterId))).status).toBe(404);
    } finally {
      await db()
        .update(contacts)
        .set({ userId: emma })
        .where(and(eq(contacts.pupilId, olivia.id), eq(contacts.name, 'Emma Clarke')));
    }
    expect((await parent.get(letterUrl(olivia.id, letterId))).status).toBe(200);

    for (const who of ['otherHead', 'otherTeacher'] as const) {
      const other = await env.as(who);
      expect((await other.get(letterUrl(olivia.id, letterId))).status).toBe(404);
    }
    // Emma has no role at the other school: the same address there is not found.
    expect((await parent.get(letterUrl(olivia.id, letterId, env.world.willow))).status).toBe(404);
  });

  it('refuses staff (403) and the pupil (404, as for any child they may not see): the route is for parents', async () => {
    const smhl = await env.as('smhl');
    expect((await smhl.get(letterUrl(olivia.id, letterId))).status).toBe(403);
    const pupil = await env.as('pupil');
    expect((await pupil.get(letterUrl(olivia.id, letterId))).status).toBe(404);
    expect((await env.client().get(letterUrl(olivia.id, letterId))).status).toBe(401);
  });
});

describe('the level a parent sees', () => {
  it("is Olivia's level in the letter's plain words, with what school does", async () => {
    const reader = await readerFor(PEOPLE.parent, olivia.id);
    const { level } = await levelFamilyView.forParent!(db(), reader!);
    const [p] = await db().select().from(pupils).where(eq(pupils.id, olivia.id));
    expect(level).toEqual({
      code: 'MH2',
      name: DEFAULT_LEVELS.MH2.name,
      summary: DEFAULT_LEVELS.MH2.parentSummary,
      homeToDo: parentHomeLines('MH2', DEFAULT_LEVELS.MH2),
      schoolDoes: [...SCHOOL_DOES_FOR_PARENTS.MH2],
      since: p?.levelChangedAt?.toISOString() ?? null,
    });
  });

  it('is Thriving, with the general advice, for a child with no level', async () => {
    const reader = await readerFor(PEOPLE.parent, olivia.id);
    await db().update(pupils).set({ currentLevel: null }).where(eq(pupils.id, olivia.id));
    try {
      const { level } = await levelFamilyView.forParent!(db(), reader!);
      expect(level?.code).toBeNull();
      expect(level?.name).toBe('Thriving');
      expect(level?.summary).toBe(THRIVING_PARENT_SUMMARY);
      expect(level?.homeToDo).toEqual([...THRIVING_AT_HOME]);
    } finally {
      await db().update(pupils).set({ currentLevel: 'MH2' }).where(eq(pupils.id, olivia.id));
    }
  });

  it('is held back at MH4 until the school has shared it (spoken to in person first)', async () => {
    const reader = await readerFor(PEOPLE.parent, olivia.id);
    await db()
      .update(pupils)
      .set({ currentLevel: 'MH4', levelChangedAt: env.clock.now() })
      .where(eq(pupils.id, olivia.id));
    try {
      expect((await levelFamilyView.forParent!(db(), reader!)).level).toBeNull();
    } finally {
      await db().update(pupils).set({ currentLevel: 'MH2' }).where(eq(pupils.id, olivia.id));
    }
  });
});
