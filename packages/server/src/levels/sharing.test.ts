import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import {
  DEFAULT_LEVELS,
  parentHomeLines,
  THRIVING_AT_HOME,
  THRIVING_PARENT_SUMMARY,
  type LevelCode,
  type TermlySharingSummary,
} from '@tandem/core';
import { auditEvents, contacts, levelShares, pupils, teachingGroupPupils, teachingGroups } from '@tandem/core/schema';
import { createTestEnv, type Person, type TestClient, type TestEnv } from '../../test/harness';
import { pageTexts } from '../../test/pdf-text';
import { isoDay, longDate } from '../platform/dates';
import { CONFIDENTIAL_MARK } from './sharing.pdf';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env.close();
});

const lettersUrl = () => `/api/schools/${env.world.kingsmead}/level-letters`;
const briefingUrl = () => `/api/schools/${env.world.kingsmead}/staff-briefing`;
const summaryUrl = () => `/api/schools/${env.world.kingsmead}/termly-sharing`;
const db = () => env.deps.database.db;

/**
 * POST and keep the response's bytes: the harness gives bodies as text, which would spoil the
 * compressed streams of a PDF, so the raw payload is taken from the app's own inject call.
 */
async function postForBytes(client: TestClient, url: string, body: unknown) {
  const spy = vi.spyOn(env.app, 'inject');
  try {
    const res = await client.post(url, body);
    const injected = spy.mock.results.at(-1)?.value as Promise<LightMyRequestResponse>;
    return { ...res, bytes: (await injected).rawPayload };
  } finally {
    spy.mockRestore();
  }
}

/** Number of pages: page objects, not the /Pages tree. */
function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page(?![s\w])/g)?.length ?? 0;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

async function kingsmeadPupils(yearGroup?: number) {
  return db()
    .select()
    .from(pupils)
    .where(
      and(
        eq(pupils.schoolId, env.world.kingsmead),
        yearGroup === undefined ? undefined : eq(pupils.yearGroup, yearGroup),
      ),
    );
}

async function setPupil(id: string, values: Partial<typeof pupils.$inferInsert>) {
  await db().update(pupils).set(values).where(eq(pupils.id, id));
}

async function sharesCount() {
  return (await db().select({ id: levelShares.id }).from(levelShares)).length;
}

async function lastAudit() {
  const [row] = await db().select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
  return row;
}

const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

describe('letters home', () => {
  beforeAll(async () => {
    // A known picture for the page counts below: no contact with parental responsibility (so one
    // letter "to the parents and carers" per pupil), and nobody at MH4 or MH5 (left out by default).
    await db()
      .update(contacts)
      .set({ parentalResponsibility: false })
      .where(eq(contacts.schoolId, env.world.kingsmead));
    await db()
      .update(pupils)
      .set({ currentLevel: 'MH3' })
      .where(and(eq(pupils.schoolId, env.world.kingsmead), inArray(pupils.currentLevel, ['MH4', 'MH5'])));
  });

  it('the mental health lead makes Year 9 letters: one page per pupil on roll, with the level in plain words and the home lists, recorded on each record', async () => {
    const year9 = await kingsmeadPupils(9);
    expect(year9.length).toBeGreaterThan(5);
    const [thriving, mh1, mh3, leaver, accented] = year9 as [
      (typeof year9)[0],
      (typeof year9)[0],
      (typeof year9)[0],
      (typeof year9)[0],
      (typeof year9)[0],
    ];
    await setPupil(thriving.id, { currentLevel: null });
    await setPupil(mh1.id, { currentLevel: 'MH1' });
    await setPupil(mh3.id, { currentLevel: 'MH3' });
    await setPupil(leaver.id, { leftOn: '2026-07-20' });
    await setPupil(accented.id, { givenName: 'Łucja', familyName: 'Dương' });
    const onRoll = (await kingsmeadPupils(9)).filter((p) => p.leftOn === null);
    onRoll.sort(
      (a, b) =>
        collator.compare(a.form, b.form) ||
        collator.compare(a.familyName, b.familyName) ||
        collator.compare(a.givenName, b.givenName) ||
        a.id.localeCompare(b.id),
    );
    const sharesBefore = await sharesCount();

    const smhl = await env.as('smhl');
    const res = await postForBytes(smhl, lettersUrl(), { yearGroup: 9 });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    const today = isoDay(env.clock.now());
    expect(res.headers['content-disposition']).toBe(`attachment; filename="level-letters-year-9-${today}.pdf"`);
    const pdf = res.bytes;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(onRoll.length);

    const pages = pageTexts(pdf);
    expect(pages).toHaveLength(onRoll.length);
    onRoll.forEach((pupil, i) => {
      const text = pages[i] ?? '';
      const name = pupil.id === accented.id ? 'Lucja Duong' : `${pupil.givenName} ${pupil.familyName}`;
      expect(text).toContain(`To the parents and carers of ${name} (${pupil.form})`);
      expect(text).toContain('Kingsmead Academy');
      expect(text).toContain('Mill Lane, Riverbank RB1 2AA');
      expect(text).toContain(longDate(env.clock.now()));
      expect(text).toContain('Childline');
      expect(text).toContain('0800 1111');
      expect(text).toContain('text SHOUT to 85258');
      expect(text).toContain('116 123');
      expect(text).toContain('call 999');
      expect(text).toContain('Sam Patel');
      const level = pupil.currentLevel;
      if (level) {
        const wording = DEFAULT_LEVELS[level];
        expect(text).toContain(squash(wording.parentSummary));
        expect(text).toContain(`In school, we call this: ${wording.name}.`);
        // The home lines in the parent wording; the staff wording of them never reaches a letter.
        for (const item of wording.parentAtHome) expect(text).toContain(squash(item));
        for (const item of [...wording.homeDoes, ...wording.homeToDo]) {
          if (!wording.parentAtHome.includes(item)) expect(text).not.toContain(squash(item));
        }
        // Only the plain-words summary and the home lists: never the staff description of the level.
        expect(text).not.toContain(squash(wording.description));
        for (const item of wording.schoolToDo) expect(text).not.toContain(squash(item));
      } else {
        expect(text).toContain(squash(THRIVING_PARENT_SUMMARY));
        for (const item of THRIVING_AT_HOME) expect(text).toContain(squash(item));
      }
    });
    const mh1Page = pages[onRoll.findIndex((p) => p.id === mh1.id)] ?? '';
    expect(mh1Page).toContain("CAMHS: the NHS service for children's mental health.");
    expect(pages.join(' ')).not.toContain(`${leaver.givenName} ${leaver.familyName} (`);

    const shares = await db()
      .select()
      .from(levelShares)
      .where(eq(levelShares.audience, 'parents'))
      .orderBy(desc(levelShares.sharedAt));
    expect(await sharesCount()).toBe(sharesBefore + onRoll.length);
    const batch = shares.filter((s) => s.batchId === shares[0]?.batchId);
    expect(batch.map((s) => s.pupilId).sort()).toEqual(onRoll.map((p) => p.id).sort());
    for (const s of batch) {
      expect(s.level).toBe(onRoll.find((p) => p.id === s.pupilId)?.currentLevel ?? null);
      expect(s.sharedBy).toBe(env.world.userId('smhl'));
      expect(s.sharedAt.getTime()).toBe(env.clock.now().getTime());
      expect(s.schoolId).toBe(env.world.kingsmead);
    }

    const audit = await lastAudit();
    expect(audit?.action).toBe('level.letters_generated');
    expect(audit?.detail).toEqual({
      batchId: batch[0]?.batchId,
      pupils: onRoll.length,
      yearGroup: 9,
      letters: onRoll.length,
      leftOut: 0,
    });
    expect(audit?.actorUserId).toBe(env.world.userId('smhl'));
    expect(JSON.stringify(audit)).not.toContain(onRoll[0]?.familyName);
  });

  it('with no year group chosen, every pupil on roll in the school gets a letter', async () => {
    const onRoll = (await kingsmeadPupils()).filter((p) => p.leftOn === null);
    const head = await env.as('head');
    const res = await postForBytes(head, lettersUrl(), {});
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain('level-letters-whole-school-');
    expect(pageCount(res.bytes)).toBe(onRoll.length);
    const pages = pageTexts(res.bytes);
    expect(pages[0]).toContain('Helen Carter');
    expect(pages[0]).toContain('Headteacher, Kingsmead Academy');
    // Ordered by form: Year 7 forms first, Year 11 last (not "10K" before "7K").
    expect(pages[0]).toMatch(/\(7K\)/);
    expect(pages.at(-1)).toMatch(/\(11W\)/);
    const audit = await lastAudit();
    expect(audit?.detail).toMatchObject({ pupils: onRoll.length, yearGroup: null });
  });

  it('a year group with no pupils on roll is refused with a clear message, and nothing is recorded', async () => {
    const smhl = await env.as('smhl');
    const before = await sharesCount();
    const seqBefore = (await lastAudit())?.seq;
    const res = await smhl.post<{ error: { code: string; message: string } }>(lettersUrl(), { yearGroup: 3 });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('There are no pupils on roll in Year 3.');
    expect(await sharesCount()).toBe(before);
    expect((await lastAudit())?.seq).toBe(seqBefore);
  });

  it('a year group that is not a year group is refused', async () => {
    const smhl = await env.as('smhl');
    for (const body of [{ yearGroup: 99 }, { yearGroup: 'nine' }, { yearGroup: 9.5 }, { yearGroup: 9, extra: 1 }]) {
      const res = await smhl.post<{ error: { code: string } }>(lettersUrl(), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation');
    }
  });

  const answers: [Person, number][] = [
    ['smhl', 200],
    ['head', 200],
    ['dsl', 403],
    ['tutor', 403],
    ['schoolAdmin', 403],
    ['parent', 403],
    ['pupil', 403],
    ['otherHead', 404],
    ['trustLead', 404],
  ];
  it.each(answers)('%s asks for Year 10 letters: %i', async (person, status) => {
    const before = await sharesCount();
    const client = await env.as(person);
    const res = await client.post(lettersUrl(), { yearGroup: 10 });
    expect(res.status).toBe(status);
    if (status !== 200) expect(await sharesCount()).toBe(before);
  });

  it('someone signed out is asked to sign in', async () => {
    const res = await env.client().post(lettersUrl(), { yearGroup: 9 });
    expect(res.status).toBe(401);
  });
});

describe('staff briefing', () => {
  async function groupPupils(code: string) {
    const rows = await db()
      .select({ pupil: pupils })
      .from(teachingGroupPupils)
      .innerJoin(teachingGroups, eq(teachingGroups.id, teachingGroupPupils.groupId))
      .innerJoin(pupils, eq(pupils.id, teachingGroupPupils.pupilId))
      .where(and(eq(teachingGroups.schoolId, env.world.kingsmead), eq(teachingGroups.code, code)));
    return rows.map((r) => r.pupil);
  }

  it('lists only pupils at MH2 and above, by teaching group with who teaches it, marked confidential', async () => {
    // A known picture: nobody on a level except these.
    await db().update(pupils).set({ currentLevel: null }).where(eq(pupils.schoolId, env.world.kingsmead));
    const [a, b, c, d] = (await groupPupils('9W')).filter((p) => p.leftOn === null) as [
      typeof pupils.$inferSelect,
      typeof pupils.$inferSelect,
      typeof pupils.$inferSelect,
      typeof pupils.$inferSelect,
    ];
    const [e] = (await groupPupils('7K')).filter((p) => p.leftOn === null) as [typeof pupils.$inferSelect];
    await setPupil(a.id, { currentLevel: 'MH2', givenName: 'Amira', familyName: 'Zakaria' });
    await setPupil(b.id, { currentLevel: 'MH3', givenName: 'Bethan', familyName: 'Yardley' });
    await setPupil(c.id, { currentLevel: 'MH1', givenName: 'Callum', familyName: 'Xavier' });
    await setPupil(d.id, { currentLevel: 'MH4', givenName: 'Dylan', familyName: 'Wexford', leftOn: '2026-10-01' });
    await setPupil(e.id, { currentLevel: 'MH5', givenName: 'Erin', familyName: 'Vance', preferredName: 'Ez' });

    const smhl = await env.as('smhl');
    const res = await postForBytes(smhl, briefingUrl(), {});
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="staff-briefing-${isoDay(env.clock.now())}.pdf"`,
    );
    const pages = pageTexts(res.bytes);
    expect(pages.length).toBe(pageCount(res.bytes));
    for (const page of pages) expect(page).toContain(CONFIDENTIAL_MARK);
    const text = pages.join(' ');
    expect(text).toContain('Amira Zakaria');
    expect(text).toContain('Bethan Yardley');
    expect(text).toContain('Erin (Ez) Vance');
    expect(text).not.toContain('Callum Xavier');
    expect(text).not.toContain('Dylan Wexford');
    // Groups in order of code, 7K before 9W, each with its teacher and pupils.
    expect(text.indexOf('7K: Tutor group 7K')).toBeGreaterThan(-1);
    expect(text.indexOf('7K: Tutor group 7K')).toBeLessThan(text.indexOf('9W: Tutor group 9W'));
    expect(text).toContain('Taught by Ben Wright');
    expect(text.indexOf('Amira Zakaria')).toBeGreaterThan(text.indexOf('9W: Tutor group 9W'));
    expect(text).toContain('3 pupils in 2 teaching groups.');
    // What staff should do, once per level present, with page references from the table.
    expect(text).toContain('What staff should do at each level');
    for (const code of ['MH2', 'MH3', 'MH5'] as const) {
      expect(text).toContain(`${DEFAULT_LEVELS[code].name} (${code})`);
      expect(text).toMatch(new RegExp(`${code} guide: page \\d+`));
    }
    expect(text).toContain(squash(DEFAULT_LEVELS.MH3.schoolProvides[0] ?? ''));
    expect(text).not.toContain('Mental Health Level 1 (MH1)');
    expect(text).toMatch(/Page 1 of \d+/);

    const shares = await db().select().from(levelShares).where(eq(levelShares.audience, 'staff'));
    expect(shares.map((s) => [s.pupilId, s.level]).sort()).toEqual(
      [
        [a.id, 'MH2'],
        [b.id, 'MH3'],
        [e.id, 'MH5'],
      ].sort(),
    );
    expect(new Set(shares.map((s) => s.batchId)).size).toBe(1);
    const audit = await lastAudit();
    expect(audit?.action).toBe('level.staff_briefing_generated');
    expect(audit?.detail).toEqual({ batchId: shares[0]?.batchId, pupils: 3, groups: 2 });
  });

  it('a pupil at MH2 in no teaching group still appears, under their own heading', async () => {
    const [lone] = (await groupPupils('10K')).filter((p) => p.leftOn === null) as [typeof pupils.$inferSelect];
    await setPupil(lone.id, { currentLevel: 'MH2', givenName: 'Fern', familyName: 'Underwood' });
    await db().delete(teachingGroupPupils).where(eq(teachingGroupPupils.pupilId, lone.id));
    const res = await postForBytes(await env.as('head'), briefingUrl(), {});
    expect(res.status).toBe(200);
    const text = pageTexts(res.bytes).join(' ');
    expect(text).toContain('Pupils not in any teaching group');
    expect(text.indexOf('Fern Underwood')).toBeGreaterThan(text.indexOf('Pupils not in any teaching group'));
    expect((await lastAudit())?.detail).toMatchObject({ pupils: 4, groups: 2 });
  });

  it('with nobody at MH2 or above there is nothing to make, and nothing is recorded', async () => {
    const saved = await db()
      .select({ id: pupils.id, level: pupils.currentLevel })
      .from(pupils)
      .where(and(eq(pupils.schoolId, env.world.kingsmead), inArray(pupils.currentLevel, ['MH2', 'MH3', 'MH4', 'MH5'])));
    await db()
      .update(pupils)
      .set({ currentLevel: 'MH1' })
      .where(
        inArray(
          pupils.id,
          saved.map((s) => s.id),
        ),
      );
    const before = await sharesCount();
    const res = await (await env.as('smhl')).post<{ error: { message: string } }>(briefingUrl(), {});
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('No pupils on roll are at Mental Health Level 2 or above');
    expect(await sharesCount()).toBe(before);
    for (const s of saved) await setPupil(s.id, { currentLevel: s.level });
  });

  const answers: [Person, number][] = [
    ['smhl', 200],
    ['head', 200],
    ['dsl', 403],
    ['tutor', 403],
    ['parent', 403],
    ['otherHead', 404],
  ];
  it.each(answers)('%s asks for the staff briefing: %i', async (person, status) => {
    const client = await env.as(person);
    expect((await client.post(briefingUrl(), {})).status).toBe(status);
  });
});

describe('the termly sharing page', () => {
  it('shows how many letters each choice makes and when letters and briefing were last made, naming only the pupils to speak to in person', async () => {
    const smhl = await env.as('smhl');
    const res = await smhl.get<TermlySharingSummary>(summaryUrl());
    expect(res.status).toBe(200);
    const onRoll = await db()
      .select({ id: pupils.id, yearGroup: pupils.yearGroup })
      .from(pupils)
      .where(and(eq(pupils.schoolId, env.world.kingsmead), isNull(pupils.leftOn)));
    expect(res.body.wholeSchool).toBe(onRoll.length);
    expect(res.body.yearGroups.find((y) => y.yearGroup === 9)).toEqual({
      yearGroup: 9,
      label: 'Year 9',
      pupils: onRoll.filter((p) => p.yearGroup === 9).length,
    });
    expect(res.body.briefing).toEqual({ pupils: 4, groups: 2 });
    // Erin Vance, at MH5 since the briefing's story, is the one pupil to speak to in person.
    expect(res.body.inPerson).toEqual([expect.objectContaining({ name: 'Ez Vance', form: '7K', level: 'MH5' })]);
    expect(res.body.lastLetters?.sharedByName).toBeTruthy();
    expect(res.body.lastBriefing).toMatchObject({ sharedByName: 'Dr Helen Carter', pupils: 4 });
    expect(res.headers['cache-control']).toBe('no-store');
    expect((await (await env.as('tutor')).get(summaryUrl())).status).toBe(403);
    expect((await (await env.as('otherHead')).get(summaryUrl())).status).toBe(404);
  });
});

describe('letters to each parent by name, and pupils to speak to in person', () => {
  type Pupil = typeof pupils.$inferSelect;
  let hart: Pupil;
  let unwell: Pupil;
  let noContacts: Pupil;

  beforeAll(async () => {
    const year8 = (await kingsmeadPupils(8)).filter((p) => p.leftOn === null);
    [hart, unwell, noContacts] = year8 as [Pupil, Pupil, Pupil];
    await db()
      .update(pupils)
      .set({ currentLevel: 'MH1' })
      .where(
        inArray(
          pupils.id,
          year8.map((p) => p.id),
        ),
      );
    await setPupil(hart.id, { givenName: 'Isla', familyName: 'Hart', currentLevel: 'MH2' });
    await setPupil(unwell.id, { givenName: 'Noah', familyName: 'Quill', currentLevel: 'MH4' });
    await setPupil(noContacts.id, { givenName: 'Ruby', familyName: 'Stone', currentLevel: null });
    await db()
      .update(contacts)
      .set({ parentalResponsibility: false })
      .where(eq(contacts.schoolId, env.world.kingsmead));
    const contact = (pupilId: string, c: Partial<typeof contacts.$inferInsert> & { name: string }) => ({
      schoolId: env.world.kingsmead,
      pupilId,
      relationship: 'Parent',
      parentalResponsibility: true,
      title: null,
      address: null,
      ...c,
    });
    await db()
      .insert(contacts)
      .values([
        contact(hart.id, { name: 'Emma Hart', title: 'Ms', address: '1 Elm Road\nRiverbank\nRB1 1AA', priority: 1 }),
        contact(hart.id, { name: 'Tom Hart', title: 'Mr', address: '9 Oak Street\nEastfield\nRB5 2BB', priority: 2 }),
        // The same home written differently in the MIS: one letter to both.
        contact(hart.id, { name: 'Jo Hart', title: 'Mrs.', address: '1 ELM ROAD, Riverbank, RB1 1AA', priority: 3 }),
        // No title and no address: their own letter, greeted by name.
        contact(hart.id, { name: 'Sam Hart', priority: 4 }),
        // No parental responsibility: no letter.
        contact(hart.id, { name: 'Bill Hart', title: 'Mr', address: '5 Ash Lane', parentalResponsibility: false }),
        contact(unwell.id, { name: 'Priya Quill', title: 'Dr', address: '2 Birch Way\nRiverbank', priority: 1 }),
      ]);
  });

  const pagesAbout = (pages: string[], pupil: { givenName: string; familyName: string; form: string }) =>
    pages.filter(
      (p) =>
        p.includes(`About ${pupil.givenName} ${pupil.familyName} (${pupil.form})`) ||
        p.includes(`To the parents and carers of ${pupil.givenName} ${pupil.familyName} (${pupil.form})`),
    );

  const parentSharesOf = async (pupilId: string) =>
    (await db().select().from(levelShares).where(eq(levelShares.pupilId, pupilId))).filter(
      (s) => s.audience === 'parents',
    ).length;

  it('one letter per address of the contacts with parental responsibility, each greeting them by name', async () => {
    const unwellSharesBefore = await parentSharesOf(unwell.id);
    const res = await postForBytes(await env.as('smhl'), lettersUrl(), { yearGroup: 8 });
    expect(res.status).toBe(200);
    const pages = pageTexts(res.bytes);
    const isla = { givenName: 'Isla', familyName: 'Hart', form: hart.form };
    const hartPages = pagesAbout(pages, isla);
    expect(hartPages).toHaveLength(3);
    const [elm, oak, sam] = hartPages as [string, string, string];
    expect(elm).toContain('Ms Emma Hart and Mrs Jo Hart');
    expect(elm).toContain('1 Elm Road');
    expect(elm).toContain('Dear Ms Hart and Mrs Hart,');
    expect(oak).toContain('Mr Tom Hart');
    expect(oak).toContain('9 Oak Street');
    expect(oak).toContain('Dear Mr Hart,');
    expect(sam).toContain('Dear Sam Hart,');
    for (const page of hartPages) {
      expect(page).not.toContain('Dear parent or carer');
      expect(page).not.toContain('To the parents and carers of');
    }
    expect(pages.join(' ')).not.toContain('Bill Hart');
    expect(pages.join(' ')).not.toContain('5 Ash Lane');
    // Nobody with parental responsibility known: one letter to "the parents and carers".
    const ruby = pagesAbout(pages, { givenName: 'Ruby', familyName: 'Stone', form: noContacts.form });
    expect(ruby).toHaveLength(1);
    expect(ruby[0]).toContain('Dear parent or carer,');
    // The pupil at MH4 is left out by default, and not recorded as shared.
    expect(pages.join(' ')).not.toContain('Noah Quill');
    expect(await parentSharesOf(unwell.id)).toBe(unwellSharesBefore);
    const audit = await lastAudit();
    expect(audit?.action).toBe('level.letters_generated');
    expect(audit?.detail).toMatchObject({ yearGroup: 8, leftOut: 1, letters: pages.length });
  });

  it('lists the pupils at MH4 and MH5 for the lead to speak to in person', async () => {
    const res = await (await env.as('smhl')).get<TermlySharingSummary>(summaryUrl());
    expect(res.status).toBe(200);
    expect(res.body.inPerson).toContainEqual({
      pupilId: unwell.id,
      name: 'Noah Quill',
      form: unwell.form,
      yearGroup: 8,
      level: 'MH4',
    });
    expect(res.body.inPerson.map((p) => p.level).every((l) => l === 'MH4' || l === 'MH5')).toBe(true);
  });

  it('the lead may include a pupil at MH4 with a reason (audited); the letter has only parent wording', async () => {
    const smhl = await env.as('smhl');
    const reason = 'Dr Quill asked for the letter in writing after our meeting.';
    const unwellSharesBefore = await parentSharesOf(unwell.id);
    const res = await postForBytes(smhl, lettersUrl(), { yearGroup: 8, include: [{ pupilId: unwell.id, reason }] });
    expect(res.status).toBe(200);
    const pages = pageTexts(res.bytes);
    const noah = pagesAbout(pages, { givenName: 'Noah', familyName: 'Quill', form: unwell.form });
    expect(noah).toHaveLength(1);
    const text = noah[0] ?? '';
    expect(text).toContain('Dear Dr Quill,');
    for (const line of parentHomeLines('MH4', undefined)) expect(text).toContain(squash(line));
    // Staff wording never reaches a parent letter.
    expect(text).not.toContain('Evidence of medical sign off');
    for (const line of [
      ...DEFAULT_LEVELS.MH4.homeToDo,
      ...DEFAULT_LEVELS.MH4.schoolToDo,
      ...DEFAULT_LEVELS.MH4.schoolProvides,
    ]) {
      expect(text).not.toContain(squash(line));
    }
    expect(await parentSharesOf(unwell.id)).toBe(unwellSharesBefore + 1);
    const events = await db()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'level.letter_included_in_person'))
      .orderBy(desc(auditEvents.seq));
    expect(events[0]).toMatchObject({
      subjectType: 'pupil',
      subjectId: unwell.id,
      actorUserId: env.world.userId('smhl'),
      detail: { level: 'MH4', reason },
    });
    expect((await lastAudit())?.detail).toMatchObject({ leftOut: 0 });
  });

  it('including without a reason, or a pupil not at MH4 or MH5 in the selection, is refused and records nothing', async () => {
    const smhl = await env.as('smhl');
    const before = await sharesCount();
    const bodies = [
      { yearGroup: 8, include: [{ pupilId: unwell.id, reason: '  ' }] },
      { yearGroup: 8, include: [{ pupilId: unwell.id }] },
      { yearGroup: 8, include: [{ pupilId: hart.id, reason: 'Not at MH4' }] },
      // At MH4, but not in the year group chosen.
      { yearGroup: 9, include: [{ pupilId: unwell.id, reason: 'Wrong year' }] },
    ];
    for (const body of bodies) {
      const res = await smhl.post<{ error: { code: string } }>(lettersUrl(), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation');
    }
    // Another school's pupil is not in the selection either.
    const [other] = await db().select().from(pupils).where(eq(pupils.schoolId, env.world.willow)).limit(1);
    await setPupil(other?.id ?? '', { currentLevel: 'MH5' });
    const res = await smhl.post(lettersUrl(), { include: [{ pupilId: other?.id, reason: 'Another school' }] });
    expect(res.status).toBe(400);
    expect(await sharesCount()).toBe(before);
  });

  it('a school rewords the parent lines of a level; letters use them, never the staff lines', async () => {
    const lead = await env.as('smhl');
    const framework = await lead.get<{ levels: { code: LevelCode; version: number; parentAtHome: string[] }[] }>(
      `/api/schools/${env.world.kingsmead}/levels`,
    );
    const mh2 = framework.body.levels.find((l) => l.code === 'MH2');
    expect(mh2?.parentAtHome).toEqual(DEFAULT_LEVELS.MH2.parentAtHome);
    const { version, ...rest } = mh2 as unknown as Record<string, unknown> & { version: number };
    const saved = await lead.put<{ parentAtHome: string[]; homeToDo: string[] }>(
      `/api/schools/${env.world.kingsmead}/levels/MH2`,
      {
        name: rest.name,
        description: rest.description,
        schoolProvides: rest.schoolProvides,
        homeDoes: rest.homeDoes,
        schoolToDo: rest.schoolToDo,
        homeToDo: ['Staff only: chase the CAMHS referral number.'],
        evidenceToMoveUp: rest.evidenceToMoveUp,
        parentSummary: rest.parentSummary,
        parentAtHome: ['Read together for ten minutes each evening.'],
        baseVersion: version,
      },
    );
    expect(saved.status).toBe(200);
    expect(saved.body.parentAtHome).toEqual(['Read together for ten minutes each evening.']);
    const res = await postForBytes(await env.as('smhl'), lettersUrl(), { yearGroup: 8 });
    const isla = pagesAbout(pageTexts(res.bytes), { givenName: 'Isla', familyName: 'Hart', form: hart.form });
    expect(isla[0]).toContain('Read together for ten minutes each evening.');
    expect(isla[0]).not.toContain('Staff only');
  });
});
