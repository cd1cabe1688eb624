/**
 * Termly reports: prepared by the due job the day after a term ends, once (however often the jobs
 * run), the head and the SMHL told by a content-free e-mail linking to it; read by the leads in
 * either version, printed for governors; refused to others.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditEvents, termlyReports } from '@tandem/core/schema';
import {
  londonToday,
  nextTerm,
  termOf,
  type Term,
  type TermlyReportListResponse,
  type TermlyReportResponse,
} from '@tandem/core';
import { addDays } from '../platform/dates';
import { runDueJobs } from '../platform/jobs';
import { sqlRows } from '../platform/report-figures';
import { createTestEnv, PEOPLE, type TestEnv } from '../../test/harness';

let env: TestEnv;
/** This term: the demo has the reports of the two before it; the job prepares this one when it ends. */
let term: Term;
const base = () => `/api/schools/${env.world.kingsmead}/reports/termly`;

beforeAll(async () => {
  env = await createTestEnv();
  term = termOf(londonToday(env.clock.now()));
});
afterAll(async () => {
  await env.close();
});

async function reportsFor(termKey: string) {
  return env.deps.database.db.select().from(termlyReports).where(eq(termlyReports.termKey, termKey));
}

describe('the termly report', () => {
  it('is not prepared before the term ends', async () => {
    env.clock.set(`${term.to}T16:00:00Z`);
    await runDueJobs(env.deps);
    expect(await reportsFor(term.key)).toHaveLength(0);
  });

  it('is prepared the day after the term ends, for each school once, and the leads are e-mailed a link only', async () => {
    env.clock.set(`${addDays(term.to, 1)}T07:00:00Z`);
    const result = await runDueJobs(env.deps);
    expect(result.termlyReports).toBe(2);
    const rows = await reportsFor(term.key);
    expect(rows.map((r) => r.schoolId).sort()).toEqual([env.world.kingsmead, env.world.willow].sort());
    const termly = (to: string) =>
      env.smtp.messages.filter((m) => m.to.includes(to) && m.subject === 'The termly report is ready in Tandem');
    for (let i = 0; i < 200 && (termly(PEOPLE.head).length === 0 || termly(PEOPLE.smhl).length === 0); i++) {
      await new Promise((r) => setTimeout(r, 25));
    }
    const [mail] = termly(PEOPLE.head);
    expect(mail!.text).toContain(`/schools/${env.world.kingsmead}/reports/termly/${term.key}`);
    const names = await sqlRows<{ name: string }>(
      env.deps.database.db,
      sql`select given_name || ' ' || family_name as name from pupils`,
    );
    for (const n of names) expect(mail!.text).not.toContain(n.name);
    expect(termly(PEOPLE.smhl)).toHaveLength(1);
    const [audited] = await env.deps.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'report.termly_prepared'), eq(auditEvents.schoolId, env.world.kingsmead)));
    expect(audited!.n).toBe(1);

    // Running the jobs again (another process, a minute later) prepares and sends nothing more.
    env.clock.set(`${addDays(term.to, 1)}T07:01:00Z`);
    expect((await runDueJobs(env.deps)).termlyReports).toBe(0);
    expect(await reportsFor(term.key)).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 200));
    expect(termly(PEOPLE.head)).toHaveLength(1);
  });

  it('is listed and read by the leads, in either version, and printed for governors', async () => {
    const smhl = await env.as('smhl');
    const list = await smhl.get<TermlyReportListResponse>(base());
    expect(list.status).toBe(200);
    // The job's report for this term, then the demo's two before it.
    expect(list.body.reports).toHaveLength(3);
    expect(list.body.reports[0]).toMatchObject({ termKey: term.key, label: term.label, from: term.from });
    const next = nextTerm(term);
    expect(list.body.next).toEqual({ label: next.label, preparedOn: addDays(next.to, 1) });

    const leads = await smhl.get<TermlyReportResponse>(`${base()}/${term.key}`);
    expect(leads.status, leads.text).toBe(200);
    expect(leads.body.figures.length).toBeGreaterThan(5);
    expect(leads.body.figures.every((f) => f.drillColumn === null)).toBe(true);
    const governors = await smhl.get<TermlyReportResponse>(`${base()}/${term.key}?version=governors`);
    for (const f of governors.body.figures)
      for (const r of [...f.rows, ...(f.total ? [f.total] : [])])
        r.values.forEach((v, i) => {
          if (f.columns[i]!.unit === 'count' && typeof v === 'number') expect(v === 0 || v >= 5).toBe(true);
        });
    const pdf = await (await env.as('head')).get(`${base()}/${term.key}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.raw.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('answers 404 for a term without a report, 400 for a term that is not one, 403/404 to others', async () => {
    const smhl = await env.as('smhl');
    expect((await smhl.get(`${base()}/2019-autumn`)).status).toBe(404);
    expect((await smhl.get(`${base()}/2026-winter`)).status).toBe(400);
    expect((await (await env.as('tutor')).get(`${base()}/${term.key}`)).status).toBe(403);
    expect((await (await env.as('otherHead')).get(`${base()}/${term.key}`)).status).toBe(404);
    expect((await (await env.as('trustLead')).get(`${base()}/${term.key}/pdf`)).status).toBe(404);
  });
});
