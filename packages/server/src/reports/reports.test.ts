/**
 * Reports through HTTP, as each role would use them: who may see the school's picture (404 for
 * another school, 403 for a teacher), one audit entry per view, the governors' version with no
 * small number, drill-down only to pupils the viewer may see, CSV and PDF, bad filters refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditEvents } from '@tandem/core/schema';
import type { DrillResponse, Figure, SchoolReportResponse } from '@tandem/core';
import { sqlRows } from '../platform/report-figures';
import { createTestEnv, type Person, type TestEnv } from '../../test/harness';
import { pageTexts } from '../../test/pdf-text';

let env: TestEnv;
const school = () => `/api/schools/${env.world.kingsmead}/reports`;

beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env.close();
});

async function auditCount(action: string): Promise<number> {
  const [row] = await env.deps.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.schoolId, env.world.kingsmead)));
  return row?.n ?? 0;
}

function countCells(figures: readonly Figure[]): { figure: string; value: unknown }[] {
  return figures.flatMap((f) =>
    [...f.rows, ...(f.total ? [f.total] : [])].flatMap((r) =>
      f.columns.flatMap((c, i) =>
        c.unit === 'count' ? [{ figure: `${f.key} ${r.key} ${c.key}`, value: r.values[i] }] : [],
      ),
    ),
  );
}

describe('who may see the school’s picture', () => {
  it.each<[Person, number]>([
    ['smhl', 200],
    ['head', 200],
    ['tutor', 403],
    ['dsl', 403],
    ['schoolAdmin', 403],
    ['parent', 403],
    ['pupil', 403],
    ['otherHead', 404],
    ['trustLead', 404],
  ])('%s: %i', async (person, status) => {
    const c = await env.as(person);
    expect((await c.get(school())).status).toBe(status);
    expect((await c.get(`${school()}.csv`)).status).toBe(status);
    expect((await c.get(`${school()}/termly`)).status).toBe(status);
  });

  it('answers 401 to someone signed out', async () => {
    expect((await env.client().get(school())).status).toBe(401);
  });
});

describe('the leads’ view', () => {
  it('shows every registered figure for this term, and audits one entry per view', async () => {
    const smhl = await env.as('smhl');
    const before = await auditCount('report.viewed');
    const res = await smhl.get<SchoolReportResponse>(school());
    expect(res.status, res.text).toBe(200);
    expect(await auditCount('report.viewed')).toBe(before + 1);
    expect(res.body.mayDrill).toBe(true);
    expect(res.body.scope.period).toBe('this_term');
    const keys = env.deps.registries.reportSources.flatMap((s) => s.keys);
    expect(res.body.figures.map((f) => f.key)).toEqual(keys);
    expect(res.body.yearGroups.length).toBeGreaterThan(0);
  });

  it('refuses bad filters with a message naming the field, and records nothing', async () => {
    const smhl = await env.as('smhl');
    const before = await auditCount('report.viewed');
    const custom = await smhl.get<{ error: { fields: { path: string }[] } }>(
      `${school()}?period=custom&from=2026-10-01`,
    );
    expect(custom.status).toBe(400);
    expect(custom.body.error.fields.map((f) => f.path)).toEqual(['to']);
    const backwards = await smhl.get(`${school()}?period=custom&from=2026-10-01&to=2026-09-01`);
    expect(backwards.status).toBe(400);
    for (const q of ['yearGroup=nine', 'characteristic=tall', 'period=fortnight', 'version=press', 'colour=red']) {
      expect((await smhl.get(`${school()}?${q}`)).status, q).toBe(400);
    }
    expect(await auditCount('report.viewed')).toBe(before);
  });

  it('filters by year group: every pupil count is of that year only', async () => {
    const smhl = await env.as('smhl');
    const all = (await smhl.get<SchoolReportResponse>(school())).body;
    const year = all.yearGroups[0]!;
    const one = (await smhl.get<SchoolReportResponse>(`${school()}?yearGroup=${year}`)).body;
    const now = (r: SchoolReportResponse) => r.figures.find((f) => f.key === 'levels.now')!.total!.values[0];
    const [row] = await sqlRows<{ n: number }>(
      env.deps.database.db,
      sql`select count(*)::int as n from pupils where school_id = ${env.world.kingsmead} and left_on is null and year_group = ${year}`,
    );
    expect(now(one)).toBe(row!.n);
    expect(now(one)).toBeLessThan(now(all) as number);
    expect(one.scope.yearGroup).toBe(year);
  });
});

describe('the governors’ version', () => {
  it('shows no count from 1 to 4 and offers no drill-down', async () => {
    const head = await env.as('head');
    const res = await head.get<SchoolReportResponse>(`${school()}?period=this_year&version=governors`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.mayDrill).toBe(false);
    const cells = countCells(res.body.figures);
    expect(cells.length).toBeGreaterThan(20);
    for (const c of cells) {
      if (typeof c.value === 'number') expect(c.value === 0 || c.value >= 5, c.figure).toBe(true);
    }
    expect(res.body.figures.every((f) => f.drillColumn === null)).toBe(true);
  });

  it('prints as a PDF that names no pupil, each print audited', async () => {
    const head = await env.as('head');
    const before = await auditCount('report.exported');
    const res = await head.get(`${school()}.pdf?period=this_year`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(await auditCount('report.exported')).toBe(before + 1);
    const text = pageTexts(res.raw).join('\n');
    expect(text).toContain('Levels of need');
    expect(text).toContain('Pupils by level');
    const names = await sqlRows<{ name: string }>(
      env.deps.database.db,
      sql`select given_name || ' ' || family_name as name from pupils where school_id = ${env.world.kingsmead}`,
    );
    for (const n of names) expect(text).not.toContain(n.name);
  });
});

describe('CSV', () => {
  it('gives one figure as its table, or every figure, each export audited', async () => {
    const smhl = await env.as('smhl');
    const before = await auditCount('report.exported');
    const one = await smhl.get(`${school()}.csv?figure=levels.now`);
    expect(one.status).toBe(200);
    expect(one.headers['content-type']).toContain('text/csv');
    expect(one.text.split('\r\n')[0]).toMatch(/^Level,Pupils,/);
    const all = await smhl.get(`${school()}.csv?period=this_year`);
    expect(all.text.split('\r\n')[0]).toBe('Section,Figure,Row,Column,Value,From,To');
    expect(await auditCount('report.exported')).toBe(before + 2);
    expect((await smhl.get(`${school()}.csv?figure=nothing.here`)).status).toBe(404);
  });
});

describe('drill down', () => {
  it('lists the pupils behind a number, audited with how many', async () => {
    const smhl = await env.as('smhl');
    const report = (await smhl.get<SchoolReportResponse>(school())).body;
    const now = report.figures.find((f) => f.key === 'levels.now')!;
    const before = await auditCount('report.drilled');
    const res = await smhl.get<DrillResponse>(`${school()}/drill?figure=levels.now&row=MH2`);
    expect(res.status, res.text).toBe(200);
    const expected = now.rows.find((r) => r.key === 'MH2')!.values[0];
    expect(res.body.pupils.length).toBe(expected);
    expect(res.body.pupils.every((p) => p.level === 'MH2')).toBe(true);
    expect(await auditCount('report.drilled')).toBe(before + 1);
  });

  it('is refused to a teacher (403) and another school (404), and for a figure without pupils', async () => {
    const q = `${school()}/drill?figure=levels.now&row=MH2`;
    expect((await (await env.as('tutor')).get(q)).status).toBe(403);
    expect((await (await env.as('otherHead')).get(q)).status).toBe(404);
    expect((await (await env.as('trustLead')).get(q)).status).toBe(404);
    const smhl = await env.as('smhl');
    expect((await smhl.get(`${school()}/drill?figure=levels.now&row=MH9`)).status).toBe(404);
    expect((await smhl.get(`${school()}/drill?figure=levels.movement&row=2026-autumn`)).status).toBe(404);
    expect((await smhl.get(`${school()}/drill?figure=levels.now`)).status).toBe(400);
  });
});
