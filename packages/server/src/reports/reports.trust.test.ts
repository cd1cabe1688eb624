/**
 * The trust's view as the trust lead and admin use it: every school side by side and the trust,
 * with no count from 1 to 4 anywhere (screen or CSV), no hidden count recoverable from the totals
 * shown, no pupil's name, and one audit entry per view; school roles are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { auditEvents } from '@tandem/core/schema';
import { hiddenBounds, type TrustReportResponse } from '@tandem/core';
import { sqlRows } from '../platform/report-figures';
import { createTestEnv, type Person, type TestEnv } from '../../test/harness';

let env: TestEnv;
const trust = () => `/api/trusts/${env.world.trustId}/reports`;
const QUERIES = [
  '',
  '?period=this_year',
  '?period=last_term',
  '?period=this_year&yearGroup=7',
  '?period=this_year&characteristic=pupil_premium',
];

beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env.close();
});

function isSmall(v: unknown): boolean {
  return typeof v === 'number' && v > 0 && v < 5;
}

describe('who may see the trust’s view', () => {
  it.each<[Person, number]>([
    ['trustLead', 200],
    ['trustAdmin', 200],
    ['head', 404],
    ['smhl', 404],
    ['parent', 404],
    ['otherHead', 404],
  ])('%s: %i', async (person, status) => {
    const c = await env.as(person);
    expect((await c.get(trust())).status).toBe(status);
    expect((await c.get(`${trust()}.csv`)).status).toBe(status);
  });
});

describe('the trust’s figures', () => {
  it('show each school and the trust, audited once per view', async () => {
    const lead = await env.as('trustLead');
    const count = async () =>
      (
        await env.deps.database.db
          .select({ n: sql<number>`count(*)::int` })
          .from(auditEvents)
          .where(
            and(
              eq(auditEvents.action, 'report.viewed'),
              eq(auditEvents.trustId, env.world.trustId),
              isNull(auditEvents.schoolId),
            ),
          )
      )[0]!.n;
    const before = await count();
    const res = await lead.get<TrustReportResponse>(`${trust()}?period=this_year`);
    expect(res.status, res.text).toBe(200);
    expect(await count()).toBe(before + 1);
    expect(res.body.figures.length).toBeGreaterThan(5);
    // THRIVE groups regroup the levels: beside "Pupils by level" they would undo its second suppression.
    expect(res.body.figures.map((f) => f.key)).toContain('levels.now');
    expect(res.body.figures.map((f) => f.key)).not.toContain('levels.thrive');
    for (const f of res.body.figures) {
      expect(f.rows.map((r) => r.label)).toEqual([...res.body.schools.map((s) => s.name), 'Trust']);
      for (const r of f.rows) expect(r.values.length).toBe(f.columns.length);
    }
  });

  it.each(QUERIES)('hold no count from 1 to 4, and hide at least one small group (%s)', async (q) => {
    const lead = await env.as('trustLead');
    const res = await lead.get<TrustReportResponse>(`${trust()}${q}`);
    expect(res.status, res.text).toBe(200);
    let hidden = 0;
    for (const f of res.body.figures) {
      for (const r of f.rows) {
        r.values.forEach((v, i) => {
          if (f.columns[i]!.unit === 'count')
            expect(isSmall(v), `${f.key} ${r.label} ${f.columns[i]!.label}`).toBe(false);
          if (v !== null && typeof v === 'object') hidden++;
        });
      }
    }
    if (q.includes('this_year')) expect(hidden).toBeGreaterThan(0);
  });

  it.each(QUERIES)('let no hidden small count be worked out from the row and column totals (%s)', async (q) => {
    const lead = await env.as('trustLead');
    const res = await lead.get<TrustReportResponse>(`${trust()}${q}`);
    for (const f of res.body.figures) {
      for (const [cell, b] of hiddenBounds(f)) {
        if (b.small) expect(b.hi - b.lo, `${f.key} cell ${cell}`).toBeGreaterThan(0);
      }
    }
  });

  it('give the same suppressed values in the CSV, and name no pupil anywhere', async () => {
    const lead = await env.as('trustLead');
    const json = await lead.get<TrustReportResponse>(`${trust()}?period=this_year`);
    const csv = await lead.get(`${trust()}.csv?period=this_year`);
    expect(csv.status).toBe(200);
    const lines = csv.text.trim().split('\r\n').slice(1);
    const cells = json.body.figures.flatMap((f) =>
      f.rows.flatMap((r) => f.columns.map((c, i) => ({ f, r, c, v: r.values[i] }))),
    );
    expect(lines.length).toBe(cells.length);
    for (const { c, v } of cells) {
      if (c.unit === 'count') expect(isSmall(v)).toBe(false);
    }
    // Every count value in the CSV is 0, 5 or more, or words.
    for (const line of lines) {
      const value = line.split(',').at(-3)!;
      const n = Number(value);
      if (/^\d+$/.test(value) && !line.includes('(%)') && !line.includes('(days)') && !line.includes('(hours)')) {
        expect(n === 0 || n >= 5, line).toBe(true);
      }
    }
    for (const figure of json.body.figures) {
      const one = await lead.get(`${trust()}.csv?period=this_year&figure=${encodeURIComponent(figure.key)}`);
      expect(one.status).toBe(200);
      expect(one.text.split('\r\n').length).toBe(figure.rows.length + 2);
    }
    const names = await sqlRows<{ name: string }>(
      env.deps.database.db,
      sql`select given_name || ' ' || family_name as name from pupils`,
    );
    for (const n of names) {
      expect(json.text).not.toContain(n.name);
      expect(csv.text).not.toContain(n.name);
    }
  });
});
