/**
 * The referrals' report figures on the demo trust, each cell checked against the lead's own waits
 * (waits.ts and core's referralWait) worked out here from the referrals' rows, for each school and
 * both together, with and without pupil filters; restricted referrals never count.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { pupils } from '@tandem/core/schema';
import {
  REFERRAL_SERVICES,
  referralWait,
  type Characteristic,
  type CellValue,
  type Figure,
  type ReferralService,
  type ReferralStatus,
} from '@tandem/core';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness';
import type { ReportRequest } from '../platform/registries';
import { referralWaits, type WaitInput } from './waits';
import { referralReport } from './referrals.report';

let env: TestEnv;
let request: (o?: Partial<ReportRequest>) => ReportRequest;
let kids: string[];

interface Case {
  name: string;
  yearGroup: number | null;
  characteristic: Characteristic | null;
}
const CASES: Case[] = [
  { name: 'every pupil', yearGroup: null, characteristic: null },
  { name: 'Year 8', yearGroup: 8, characteristic: null },
  { name: 'pupil premium', yearGroup: null, characteristic: 'pupil_premium' },
];

function pupilWhere(c: Case): string {
  const parts = ['true'];
  if (c.yearGroup !== null) parts.push(`p.year_group = ${c.yearGroup}`);
  if (c.characteristic === 'pupil_premium') parts.push('p.pupil_premium');
  return parts.join(' and ');
}

async function q<T>(text: string, params: unknown[]): Promise<T[]> {
  return env.deps.database.raw<T>(text, params);
}

type Row = WaitInput & { schoolId: string; pupilId: string; standard: number };

/** The referrals counted (not drafts, not restricted), read here with their school's standard. */
async function referralRows(schools: string[], c: Case): Promise<Row[]> {
  const rows = await q<{
    school_id: string;
    pupil_id: string;
    service: ReferralService;
    status: ReferralStatus;
    sent_on: string | null;
    first_appointment_on: string | null;
    decline_reason: string | null;
    standard: number;
  }>(
    `select r.school_id::text, r.pupil_id::text, r.service, r.status, r.sent_on::text, r.first_appointment_on::text,
       r.decline_reason, s.referral_wait_days as standard
     from referrals r, pupils p, schools s
     where p.id = r.pupil_id and s.id = r.school_id and r.school_id = any($1::uuid[])
       and r.restricted = false and r.status <> 'draft' and ${pupilWhere(c)}`,
    [`{${schools.join(',')}}`],
  );
  return rows.map((x) => ({
    schoolId: x.school_id,
    pupilId: x.pupil_id,
    service: x.service,
    status: x.status,
    sentOn: x.sent_on,
    firstAppointmentOn: x.first_appointment_on,
    declineReason: x.decline_reason,
    standard: x.standard,
  }));
}

/** One row's cells, from the lead's own waits over these referrals. */
function cellsOf(all: Row[], r: ReportRequest): (number | null)[] {
  const sent = all.filter((x) => x.sentOn !== null && x.sentOn >= r.from && x.sentOn <= r.to);
  const standards = [...new Set(all.map((x) => x.standard))];
  const w = referralWaits(sent, r.asOf, standards[0] ?? 28).school;
  const waits = sent.flatMap((x) => {
    const wait = referralWait({ ...x, status: x.status as ReferralStatus }, r.asOf);
    return wait === null ? [] : [{ days: wait.days, standard: x.standard }];
  });
  return [
    sent.length,
    referralWaits(all, r.asOf, 28).school.open,
    waits.length,
    w.medianWaitDays,
    waits.filter((x) => x.days > x.standard).length,
    w.declined,
    w.decided,
    w.declineRate,
  ];
}

function expectCells(actual: readonly CellValue[], expected: (number | null)[], what: string) {
  expect(actual.length, what).toBe(expected.length);
  expected.forEach((x, i) => {
    if (x === null) expect(actual[i], `${what} [${i}]`).toBeNull();
    else expect(actual[i] as number, `${what} [${i}]`).toBeCloseTo(x, 6);
  });
}

async function checkGroup(figures: Figure[], schools: string[], r: ReportRequest, c: Case, label: string) {
  expect(figures.map((f) => f.key)).toEqual([...referralReport.keys]);
  const [byService, summary, reasons] = figures as [Figure, Figure, Figure];
  const all = await referralRows(schools, c);
  expect(byService.rows.map((x) => x.key)).toEqual([...REFERRAL_SERVICES]);
  for (const s of REFERRAL_SERVICES) {
    expectCells(
      byService.rows.find((x) => x.key === s)!.values,
      cellsOf(
        all.filter((x) => x.service === s),
        r,
      ),
      `${label} ${s}`,
    );
  }
  expectCells(byService.total!.values, cellsOf(all, r), `${label} whole school`);
  expectCells(summary.rows[0]!.values, cellsOf(all, r), `${label} summary`);
  // Decline reasons: trimmed, most common first, at most ten.
  const counts = new Map<string, number>();
  for (const x of all) {
    const declined = x.status === 'declined' || (x.status === 'closed' && x.declineReason !== null);
    const sent = x.sentOn !== null && x.sentOn >= r.from && x.sentOn <= r.to;
    const reason = (x.declineReason ?? '').trim();
    if (declined && sent && reason) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, 10);
  expect(
    reasons.rows.map((x) => [x.label, x.values[0]]),
    `${label} reasons`,
  ).toEqual(top);
  return cellsOf(all, r);
}

const COMPLETE: Record<string, string> = {
  reason: 'Low mood for months.',
  durationImpact: 'Since March; missing lessons.',
  risk: 'No known risk; safety plan in place.',
  tried: 'ELSA for six weeks; little change.',
  pupilView: 'Would like help.',
  familyContext: 'Lives with mum.',
  medicalEvidence: 'Consultant letter of 1 November.',
  gp: 'The Health Centre.',
};

const daysAgo = (n: number) => new Date(env.clock.now().getTime() - n * 86_400_000).toISOString().slice(0, 10);

/** A referral made, completed and taken through steps ([status, days ago]), through HTTP. */
async function referral(
  by: TestClient,
  schoolId: string,
  pupilId: string,
  service: ReferralService,
  steps: [string, number, Record<string, string>?][],
  consent: { consent: string; consentNote: string } = { consent: 'given', consentNote: '' },
) {
  const base = `/api/schools/${schoolId}`;
  const started = await by.post<{ id: string }>(`${base}/pupils/${pupilId}/referrals`, {
    service,
    submissionKey: randomUUID(),
  });
  expect(started.status, started.text).toBe(201);
  const url = `${base}/referrals/${started.body.id}`;
  const version = async () => (await by.get<{ referral: { version: number } }>(url)).body.referral.version;
  const saved = await by.put(url, { parts: COMPLETE, ...consent, serviceId: null, version: await version() });
  expect(saved.status, saved.text).toBe(200);
  for (const [to, ago, extra] of steps) {
    const res = await by.post(`${url}/steps`, { to, on: daysAgo(ago), note: '', version: await version(), ...extra });
    expect(res.status, `${to}: ${res.text}`).toBe(200);
  }
  return started.body.id;
}

beforeAll(async () => {
  env = await createTestEnv();
  const today = env.clock.now().toISOString().slice(0, 10);
  const from = `${Number(today.slice(5, 7)) >= 9 ? today.slice(0, 4) : Number(today.slice(0, 4)) - 1}-09-01`;
  request = (o = {}) => ({
    schoolIds: [env.world.kingsmead, env.world.willow],
    from,
    to: today,
    asOf: today,
    now: env.clock.now(),
    yearGroup: null,
    characteristic: null,
    ...o,
  });
  kids = (
    await env.deps.database.db
      .select({ id: pupils.id })
      .from(pupils)
      .where(and(eq(pupils.schoolId, env.world.kingsmead), inArray(pupils.yearGroup, [8, 9])))
      .orderBy(asc(pupils.upn))
  ).map((p) => p.id);
  const smhl = await env.as('smhl');
  // Kingsmead: one waiting well past the standard, two declined for the same reason (one with spaces).
  await referral(smhl, env.world.kingsmead, kids[0]!, 'camhs', [['sent', 40]]);
  await referral(smhl, env.world.kingsmead, kids[1]!, 'counselling', [
    ['sent', 20],
    ['declined', 5, { declineReason: 'No capacity this term', signpostedTo: 'nowhere' }],
  ]);
  await referral(smhl, env.world.kingsmead, kids[2]!, 'school_nurse', [
    ['sent', 15],
    ['declined', 2, { declineReason: '  No capacity this term ', signpostedTo: 'nowhere' }],
  ]);
  await referral(smhl, env.world.kingsmead, kids[3]!, 'mhst', [
    ['sent', 30],
    ['accepted', 25],
    ['waiting', 25],
    ['first_appointment', 10],
  ]);
  // Willowbrook: one seen within the standard.
  const [w] = await env.deps.database.db
    .select({ id: pupils.id })
    .from(pupils)
    .where(eq(pupils.schoolId, env.world.willow));
  await referral(await env.as('otherHead'), env.world.willow, w!.id, 'early_help', [
    ['sent', 12],
    ['accepted', 10],
    ['first_appointment', 3],
  ]);
});
afterAll(async () => {
  await env.close();
});

describe('referrals figures', () => {
  it.each(CASES.map((c) => [c.name, c] as const))(
    'agree cell by cell with the lead’s own waits worked out here: %s',
    async (_name, c) => {
      const r = request({ yearGroup: c.yearGroup, characteristic: c.characteristic });
      const out = await referralReport.figures(env.deps.database.db, r, { combined: true });
      expect([...out.keys()]).toEqual([env.world.kingsmead, env.world.willow, 'all']);
      const k = await checkGroup(out.get(env.world.kingsmead)!, [env.world.kingsmead], r, c, 'Kingsmead');
      const w = await checkGroup(out.get(env.world.willow)!, [env.world.willow], r, c, 'Willowbrook');
      const a = await checkGroup(out.get('all')!, [env.world.kingsmead, env.world.willow], r, c, 'all');
      for (const i of [0, 1, 2, 4, 5, 6]) expect(a[i]).toBe((k[i] ?? 0) + (w[i] ?? 0));
      if (c.yearGroup === null && c.characteristic === null) {
        expect(k[0]).toBeGreaterThanOrEqual(4);
        expect(k[4]).toBeGreaterThanOrEqual(1);
        expect(k[5]).toBeGreaterThanOrEqual(2);
        expect(w[0]).toBeGreaterThanOrEqual(1);
      }
    },
  );

  it('never counts a restricted referral', async () => {
    const r = request();
    const before = await referralReport.figures(env.deps.database.db, r, { combined: true });
    const id = await referral(await env.as('dsl'), env.world.kingsmead, kids[4]!, 'social_care', [['sent', 45]], {
      consent: 'not_sought',
      consentNote: 'Asking could put the child at risk.',
    });
    const [row] = await q<{ restricted: boolean }>('select restricted from referrals where id = $1', [id]);
    expect(row!.restricted).toBe(true);
    expect(await referralReport.figures(env.deps.database.db, r, { combined: true })).toEqual(before);
  });

  it('lists the pupils whose wait is over the standard (drill-down), with the same filters', async () => {
    const db = env.deps.database.db;
    for (const c of CASES) {
      const r = {
        ...request({ yearGroup: c.yearGroup, characteristic: c.characteristic }),
        schoolId: env.world.kingsmead,
      };
      const rows = (await referralRows([env.world.kingsmead], c)).filter((x) => {
        if (x.sentOn === null || x.sentOn < r.from || x.sentOn > r.to) return false;
        const wait = referralWait({ ...x, status: x.status as ReferralStatus }, r.asOf);
        return wait !== null && wait.days > x.standard;
      });
      expect(((await referralReport.drill(db, r, 'referrals.byService', 'camhs')) ?? []).sort()).toEqual(
        [...new Set(rows.filter((x) => x.service === 'camhs').map((x) => x.pupilId))].sort(),
      );
      expect(((await referralReport.drill(db, r, 'referrals.summary', 'all')) ?? []).sort()).toEqual(
        [...new Set(rows.map((x) => x.pupilId))].sort(),
      );
    }
    const r = { ...request(), schoolId: env.world.kingsmead };
    expect(await referralReport.drill(db, r, 'referrals.byService', 'nowhere')).toEqual([]);
    expect(await referralReport.drill(db, r, 'levels.now', 'MH3')).toBeNull();
  });
});
