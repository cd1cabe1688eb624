/**
 * Records retention as stories. Former pupils of Kingsmead born long ago have records held by a
 * feature (here a stand-in source with its own table, so the test owns what is held). The head sees
 * the rules, lengthens one (never shortens), lists what reaches review and destroys a former pupil's
 * wellbeing records; a record still inside its period is refused; a child-protection file needs the
 * DSL team to propose and a second person to confirm. Teachers, parents, pupils and another school's
 * head are refused. Whatever is destroyed leaves other pupils and other kinds untouched, and the
 * audit trail still verifies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { boolean, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import {
  addDaysToDay,
  londonToday,
  makeUpn,
  type DestructionRegisterResponse,
  type DestructionResult,
  type PupilRecordItem,
  type RecordClass,
  type RetentionOverviewResponse,
} from '@tandem/core';
import { auditEvents, pupils, retentionDestructions } from '@tandem/core/schema';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness';
import type { PupilRecordSource } from '../platform/registries';
import { sealAuditTrail } from '../audit/audit.sealer';
import { verifyAuditChain } from '../audit/audit.service';

/** What a feature holds, as a stand-in: one row per item. */
const heldItems = pgTable('retention_test_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  schoolId: uuid('school_id').notNull(),
  pupilId: uuid('pupil_id').notNull(),
  recordClass: text('record_class').$type<RecordClass>().notNull(),
  kind: text('kind').notNull(),
  restricted: boolean('restricted').notNull(),
});

const standIn: PupilRecordSource = {
  name: 'stand-in',
  async records(db, q) {
    asked.add(q.pupilId);
    const rows = await db
      .select()
      .from(heldItems)
      .where(and(eq(heldItems.schoolId, q.schoolId), eq(heldItems.pupilId, q.pupilId)));
    return rows
      .filter((r) => q.includeRestricted || !r.restricted)
      .map((r): PupilRecordItem => ({
        source: 'stand-in',
        kind: r.kind,
        id: r.id,
        at: '2015-01-01T09:00:00Z',
        title: 'An item',
        body: 'Held words',
        recordClass: r.recordClass,
        restricted: r.restricted,
        suggested: { decision: 'disclose', reason: '' },
      }));
  },
  async destroy(tx, q) {
    const gone = await tx
      .delete(heldItems)
      .where(
        and(
          eq(heldItems.schoolId, q.schoolId),
          eq(heldItems.pupilId, q.pupilId),
          eq(heldItems.recordClass, q.recordClass),
        ),
      )
      .returning({ kind: heldItems.kind });
    const counts = new Map<string, number>();
    for (const g of gone) counts.set(g.kind, (counts.get(g.kind) ?? 0) + 1);
    return [...counts].map(([kind, count]) => ({ kind, count }));
  },
};

/** Every pupil whose records were gathered: only those old enough may be asked about. */
const asked = new Set<string>();

let env: TestEnv;
let head: TestClient;
let dsl: TestClient;
/** Left in 2016, born 2000: past review. */
let ava: string;
/** Wellbeing records reaching review within 90 days. */
let ben: string;
/** Reaching review in 200 days: not listed yet. */
let cal: string;
/** A child-protection file and wellbeing records, past review. */
let dan: string;

type Err = { error: { code: string; message: string; fields?: { path: string; message: string }[] } };

const api = (school = env.world.kingsmead) => `/api/schools/${school}/retention`;
const db = () => env.deps.database.db;
const today = () => londonToday(env.clock.now());
const bornForReviewIn = (days: number) => {
  const review = addDaysToDay(today(), days);
  return `${String(Number(review.slice(0, 4)) - 25)}${review.slice(4)}`;
};
let upnSeq = 0;

async function formerPupil(givenName: string, familyName: string, dateOfBirth: string, leftOn: string) {
  upnSeq += 1;
  const [row] = await db()
    .insert(pupils)
    .values({
      schoolId: env.world.kingsmead,
      upn: makeUpn(`93${String(upnSeq).padStart(10, '0')}`),
      givenName,
      familyName,
      dateOfBirth,
      yearGroup: 11,
      leftOn,
    })
    .returning({ id: pupils.id });
  return row!.id;
}

async function hold(pupilId: string, recordClass: RecordClass, kind: string, n: number) {
  for (let i = 0; i < n; i++) {
    await db()
      .insert(heldItems)
      .values({
        schoolId: env.world.kingsmead,
        pupilId,
        recordClass,
        kind,
        restricted: recordClass === 'child-protection',
      });
  }
}

const heldOf = async (pupilId: string, recordClass?: RecordClass) =>
  (await db().select().from(heldItems).where(eq(heldItems.pupilId, pupilId))).filter(
    (r) => !recordClass || r.recordClass === recordClass,
  ).length;
const auditCount = async (action: string) =>
  (await db().select().from(auditEvents).where(eq(auditEvents.action, action))).length;

beforeAll(async () => {
  env = await createTestEnv();
  await env.deps.database.raw(`create table retention_test_items (
    id uuid primary key default gen_random_uuid(), school_id uuid not null, pupil_id uuid not null,
    record_class text not null, kind text not null, restricted boolean not null)`);
  env.deps.registries = { ...env.deps.registries, pupilRecords: [...env.deps.registries.pupilRecords, standIn] };
  head = await env.as('head');
  dsl = await env.as('dsl');
  ava = await formerPupil('Ava', 'Thornbury', '2000-03-10', '2016-07-20');
  ben = await formerPupil('Ben', 'Ashworth', bornForReviewIn(60), '2017-07-21');
  cal = await formerPupil('Cal', 'Whitmore', bornForReviewIn(200), '2017-07-21');
  dan = await formerPupil('Dan', 'Ellery', '1999-11-02', '2016-07-20');
  await hold(ava, 'wellbeing', 'concern', 3);
  await hold(ava, 'wellbeing', 'plan-version', 1);
  await hold(ava, 'sen', 'sen-plan', 2);
  await hold(ben, 'wellbeing', 'check-in', 2);
  await hold(cal, 'wellbeing', 'concern', 1);
  await hold(dan, 'wellbeing', 'concern', 1);
  await hold(dan, 'child-protection', 'concern', 2);
});
afterAll(async () => {
  await env.close();
});

describe('the rules in force', () => {
  it('shows each kind’s period from the IRMS toolkit and what happens after', async () => {
    const res = await head.get<RetentionOverviewResponse>(api());
    expect(res.status).toBe(200);
    const years = Object.fromEntries(res.body.rules.map((r) => [r.recordClass, r.years]));
    expect(years).toEqual({ 'child-protection': 25, sen: 31, wellbeing: 25 });
    for (const rule of res.body.rules) {
      expect(rule.source).toMatch(/IRMS/);
      expect(rule.after).toBe('reviewed for destruction');
      expect(rule.school).toBeNull();
    }
  });

  it('lets the school keep a kind longer with a reason, keeping every change, and never shorter', async () => {
    expect((await head.put(`${api()}/rules/sen`, { years: 35, reason: 'Local authority tribunal cases' })).status).toBe(
      200,
    );
    env.clock.advance(60_000);
    expect((await head.put(`${api()}/rules/sen`, { years: 40, reason: 'Trust policy' })).status).toBe(200);
    const short = await head.put<Err>(`${api()}/rules/sen`, { years: 30, reason: 'Space' });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toMatch(/never shorter.*at least 31 years/);
    const res = await head.get<RetentionOverviewResponse>(api());
    const sen = res.body.rules.find((r) => r.recordClass === 'sen')!;
    expect(sen.years).toBe(40);
    expect(sen.school).toMatchObject({ years: 40, reason: 'Trust policy', setBy: expect.any(String) as string });
    expect(sen.history.map((h) => h.years)).toEqual([40, 35]);
    expect(await auditCount('retention.lengthened')).toBe(2);
  });

  it('refuses the change to anyone without the permission, and to another school', async () => {
    for (const person of ['tutor', 'parent', 'pupil', 'pastoral'] as const) {
      const c = await env.as(person);
      expect((await c.put(`${api()}/rules/wellbeing`, { years: 30, reason: 'x' })).status, person).toBe(403);
    }
    const other = await env.as('otherHead');
    expect((await other.put(`${api()}/rules/wellbeing`, { years: 30, reason: 'x' })).status).toBe(404);
  });
});

describe('records reaching review', () => {
  it('lists former pupils whose records reach review within 90 days, with counts per kind', async () => {
    const res = await head.get<RetentionOverviewResponse>(api());
    expect(res.status).toBe(200);
    const mine = res.body.rows.filter((r) => [ava, ben, cal, dan].includes(r.pupilId));
    expect(mine.find((r) => r.pupilId === ava)).toMatchObject({
      name: 'Ava Thornbury',
      dateOfBirth: '2000-03-10',
      leftOn: '2016-07-20',
      recordClass: 'wellbeing',
      reviewOn: '2025-03-10',
      due: true,
    });
    // Counts come from every source (the pupil's own details too).
    expect(mine.find((r) => r.pupilId === ava)?.counts).toEqual(
      expect.arrayContaining([
        { kind: 'concern', count: 3 },
        { kind: 'plan-version', count: 1 },
      ]),
    );
    expect(mine.find((r) => r.pupilId === ben)).toMatchObject({ recordClass: 'wellbeing', due: false });
    expect(mine.find((r) => r.pupilId === ben)?.counts).toContainEqual({ kind: 'check-in', count: 2 });
    expect(mine.some((r) => r.pupilId === cal)).toBe(false);
    // Pupils were chosen by date of birth first: nobody younger was gathered, Cal included.
    const young = await db()
      .select({ id: pupils.id })
      .from(pupils)
      .where(and(eq(pupils.schoolId, env.world.kingsmead), isNull(pupils.leftOn)));
    expect(young.length).toBeGreaterThan(50);
    expect(young.filter((p) => asked.has(p.id))).toEqual([]);
    expect(asked.has(cal)).toBe(false);
    expect(asked.has(ava)).toBe(true);
    // SEN records are kept 31 (here 40) years: not yet.
    expect(mine.some((r) => r.recordClass === 'sen')).toBe(false);
    // The head sees nothing of a child-protection file.
    expect(mine.some((r) => r.recordClass === 'child-protection')).toBe(false);
    expect(res.body.seesChildProtection).toBe(false);
    expect(await auditCount('retention.list_viewed')).toBeGreaterThan(0);
  });

  it('shows the DSL team the child-protection file and its counts', async () => {
    const res = await dsl.get<RetentionOverviewResponse>(api());
    expect(res.body.seesChildProtection).toBe(true);
    expect(res.body.rows.find((r) => r.pupilId === dan && r.recordClass === 'child-protection')).toMatchObject({
      due: true,
      counts: [{ kind: 'concern', count: 2 }],
    });
    // SEN records: 31 years, so Dan's (born 1999) are not due; nor Cal's wellbeing records.
    expect(res.body.rows.some((r) => r.pupilId === cal)).toBe(false);
  });

  it('is refused to teachers, parents, pupils (403) and another school’s head (404)', async () => {
    for (const person of ['tutor', 'parent', 'pupil', 'firstAider'] as const) {
      const c = await env.as(person);
      expect((await c.get(api())).status, person).toBe(403);
      expect((await c.get(`${api()}/destructions`)).status, person).toBe(403);
    }
    const other = await env.as('otherHead');
    expect((await other.get(api())).status).toBe(404);
    expect((await other.get(api(env.world.willow))).status).toBe(200);
    expect(
      (await other.get<RetentionOverviewResponse>(api(env.world.willow))).body.rows.some((r) => r.pupilId === ava),
    ).toBe(false);
  });
});

describe('destruction', () => {
  const destroy = (c: TestClient, pupilId: string, recordClass: RecordClass, typedName: string) =>
    c.post<DestructionResult & Err>(`${api()}/destructions`, {
      pupilId,
      recordClass,
      reason: 'Reached the end of its retention period; reviewed by the head',
      typedName,
    });

  it('refuses records still inside their period, and a name typed wrong, changing nothing', async () => {
    const early = await destroy(head, ben, 'wellbeing', 'Ben Ashworth');
    expect(early.status).toBe(400);
    expect(early.body.error.message).toMatch(/still inside their retention period/);
    const sen = await destroy(head, ava, 'sen', 'Ava Thornbury');
    expect(sen.status).toBe(400);
    const wrongName = await destroy(head, ava, 'wellbeing', 'Ava');
    expect(wrongName.status).toBe(400);
    expect(wrongName.body.error.fields?.[0]?.path).toBe('typedName');
    expect(await heldOf(ben)).toBe(2);
    expect(await heldOf(ava)).toBe(6);
    expect(
      await db()
        .select()
        .from(retentionDestructions)
        .where(inArray(retentionDestructions.pupilId, [ava, ben])),
    ).toHaveLength(0);
  });

  it('is refused to those without the permission and to another school', async () => {
    for (const person of ['tutor', 'parent', 'pupil'] as const) {
      const c = await env.as(person);
      expect((await destroy(c, ava, 'wellbeing', 'Ava Thornbury')).status, person).toBe(403);
    }
    expect((await destroy(await env.as('otherHead'), ava, 'wellbeing', 'Ava Thornbury')).status).toBe(404);
    expect(await heldOf(ava)).toBe(6);
  });

  it('destroys one pupil’s records of one kind, leaving other kinds and other pupils, and records it', async () => {
    const res = await destroy(head, ava, 'wellbeing', '  ava   thornbury ');
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('destroyed');
    expect(res.body.counts).toEqual(
      expect.arrayContaining([
        { kind: 'concern', count: 3 },
        { kind: 'plan-version', count: 1 },
      ]),
    );
    expect(await heldOf(ava, 'wellbeing')).toBe(0);
    expect(await heldOf(ava, 'sen')).toBe(2);
    expect(await heldOf(ben)).toBe(2);
    expect(await heldOf(dan)).toBe(3);
    const [row] = await db().select().from(retentionDestructions).where(eq(retentionDestructions.id, res.body.id));
    expect(row).toMatchObject({
      pupilId: ava,
      pupilName: 'Ava Thornbury',
      pupilDateOfBirth: '2000-03-10',
      recordClass: 'wellbeing',
      status: 'destroyed',
      proposedBy: env.world.userId('head'),
      confirmedBy: env.world.userId('head'),
    });
    const [event] = await db().select().from(auditEvents).where(eq(auditEvents.action, 'retention.destroyed'));
    expect(event?.detail).toMatchObject({
      recordClass: 'wellbeing',
      destructionId: res.body.id,
      proposedBy: env.world.userId('head'),
    });
    // No longer listed.
    const list = await head.get<RetentionOverviewResponse>(api());
    expect(list.body.rows.some((r) => r.pupilId === ava)).toBe(false);
    const register = await head.get<DestructionRegisterResponse>(`${api()}/destructions`);
    expect(register.body.entries[0]).toMatchObject({
      pupilName: 'Ava Thornbury',
      recordClass: 'wellbeing',
      counts: res.body.counts,
    });
  });

  it('needs the DSL team to propose a child-protection file and a second person to confirm it', async () => {
    const byHead = await destroy(head, dan, 'child-protection', 'Dan Ellery');
    expect(byHead.status).toBe(403);
    expect(byHead.body.error.message).toMatch(/Only the DSL team/);

    const proposed = await destroy(dsl, dan, 'child-protection', 'Dan Ellery');
    expect(proposed.status).toBe(201);
    expect(proposed.body.status).toBe('proposed');
    expect(await heldOf(dan, 'child-protection')).toBe(2);
    expect((await destroy(dsl, dan, 'child-protection', 'Dan Ellery')).status).toBe(409);

    const confirm = (c: TestClient, typedName = 'Dan Ellery') =>
      c.post<DestructionResult & Err>(`${api()}/destructions/${proposed.body.id}/confirm`, { typedName });
    const same = await confirm(dsl);
    expect(same.status).toBe(403);
    expect(same.body.error.message).toMatch(/two people/);
    expect(await heldOf(dan, 'child-protection')).toBe(2);

    // The head sees the proposal to confirm, never the file's counts.
    const list = await head.get<RetentionOverviewResponse>(api());
    expect(list.body.proposals.find((p) => p.id === proposed.body.id)).toMatchObject({
      name: 'Dan Ellery',
      mine: false,
    });
    expect(list.body.rows.some((r) => r.recordClass === 'child-protection')).toBe(false);

    expect((await confirm(await env.as('tutor'))).status).toBe(403);
    expect((await confirm(await env.as('otherHead'))).status).toBe(404);
    expect((await confirm(head, 'Daniel')).status).toBe(400);
    const done = await confirm(head);
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('destroyed');
    expect(done.body.counts).toContainEqual({ kind: 'concern', count: 2 });
    expect(await heldOf(dan, 'child-protection')).toBe(0);
    expect(await heldOf(dan, 'wellbeing')).toBe(1);
    expect((await confirm(await env.as('deputyDsl'))).status).toBe(409);
    // The destruction record is kept as written.
    await expect(
      db().delete(retentionDestructions).where(eq(retentionDestructions.id, proposed.body.id)),
    ).rejects.toThrow();
    await expect(
      db()
        .update(retentionDestructions)
        .set({ reason: 'changed' })
        .where(eq(retentionDestructions.id, proposed.body.id)),
    ).rejects.toThrow();

    // The register shows the child-protection destruction to the DSL team only.
    const forHead = await head.get<DestructionRegisterResponse>(`${api()}/destructions`);
    expect(forHead.body.entries.some((e) => e.recordClass === 'child-protection')).toBe(false);
    const forDsl = await dsl.get<DestructionRegisterResponse>(`${api()}/destructions`);
    expect(forDsl.body.entries.find((e) => e.recordClass === 'child-protection')).toMatchObject({
      pupilName: 'Dan Ellery',
      proposedBy: expect.any(String) as string,
      confirmedBy: expect.any(String) as string,
    });
    expect(await auditCount('retention.destruction_proposed')).toBe(1);
  });

  it('lets the DSL team withdraw a proposal, destroying nothing', async () => {
    await hold(dan, 'child-protection', 'concern', 1);
    const proposed = await destroy(dsl, dan, 'child-protection', 'Dan Ellery');
    expect(proposed.status).toBe(201);
    expect((await head.post(`${api()}/destructions/${proposed.body.id}/withdraw`)).status).toBe(403);
    expect((await dsl.post(`${api()}/destructions/${proposed.body.id}/withdraw`)).status).toBe(200);
    expect(
      (await head.post(`${api()}/destructions/${proposed.body.id}/confirm`, { typedName: 'Dan Ellery' })).status,
    ).toBe(409);
    expect(await heldOf(dan, 'child-protection')).toBe(1);
  });

  it('keeps a lengthened kind out of review, and the audit trail still verifies', async () => {
    expect((await head.put(`${api()}/rules/wellbeing`, { years: 30, reason: 'Ongoing inquiry' })).status).toBe(200);
    const res = await head.get<RetentionOverviewResponse>(api());
    expect(res.body.rows.some((r) => r.pupilId === dan || r.pupilId === ben)).toBe(false);
    expect((await destroy(head, dan, 'wellbeing', 'Dan Ellery')).status).toBe(400);
    while (await sealAuditTrail(db())) {
      // seal everything written so far
    }
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true, unsealed: 0 });
  });
});
