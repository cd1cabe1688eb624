/**
 * Retention's events about a child-protection file in the audit trail: its proposal, withdrawal and
 * destruction are about the restricted record, so only the DSL team sees them. The headteacher (not
 * DSL) and the school administrator see a count, never the entry, even one they wrote themself by
 * confirming; asking for the destruction by its id finds nothing, nor does the CSV or the trust's
 * view; a viewing of the trail filtered to it is hidden too. Destroying wellbeing records, and a
 * change to the school's period for child-protection files (about no pupil), stay in everyone's view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { DestructionResult } from '@tandem/core';
import { pupils } from '@tandem/core/schema';
import { createTestEnv, type Person, type TestEnv } from '../../test/harness';

interface Entry {
  action: string;
  subjectId: string | null;
  detail: Record<string, unknown> | null;
  restricted: boolean;
}
interface Page {
  entries: Entry[];
  restrictedActivity: { count: number } | null;
}

let env: TestEnv;
let megan: string;
let proposalId: string;
let withdrawnId: string;
let wellbeingId: string;

const api = () => `/api/schools/${env.world.kingsmead}/retention`;
const auditUrl = (q = '') => `/api/schools/${env.world.kingsmead}/audit${q}`;
const ofCp = (e: Entry) => e.action.startsWith('retention.') && e.detail?.recordClass === 'child-protection';

beforeAll(async () => {
  env = await createTestEnv();
  const [p] = await env.deps.database.db
    .select({ id: pupils.id })
    .from(pupils)
    .where(and(eq(pupils.givenName, 'Megan'), eq(pupils.familyName, 'Rowley')));
  megan = p!.id;
  const dsl = await env.as('dsl');
  const head = await env.as('head');
  const propose = async () => {
    const res = await dsl.post<DestructionResult>(`${api()}/destructions`, {
      pupilId: megan,
      recordClass: 'child-protection',
      reason: 'Retention period ended; reviewed by the DSL',
      typedName: 'Megan Rowley',
    });
    expect(res.status).toBe(201);
    return res.body.id;
  };
  // Proposed, then withdrawn; proposed again and confirmed by the head.
  withdrawnId = await propose();
  expect((await dsl.post(`${api()}/destructions/${withdrawnId}/withdraw`)).status).toBe(200);
  proposalId = await propose();
  const confirmed = await head.post(`${api()}/destructions/${proposalId}/confirm`, { typedName: 'Megan Rowley' });
  expect(confirmed.status).toBe(200);
  const wellbeing = await head.post<DestructionResult>(`${api()}/destructions`, {
    pupilId: megan,
    recordClass: 'wellbeing',
    reason: 'Retention period ended; reviewed by the head',
    typedName: 'Megan Rowley',
  });
  expect(wellbeing.status).toBe(201);
  wellbeingId = wellbeing.body.id;
  expect(
    (await head.put(`${api()}/rules/child-protection`, { years: 30, reason: 'Local authority inquiry' })).status,
  ).toBe(200);
  // The DSL looks up the destruction in the trail: that viewing names it.
  expect((await dsl.get(auditUrl(`?subjectId=${proposalId}`))).status).toBe(200);
});
afterAll(async () => {
  await env.close();
});

describe('retention events about a child-protection file in the audit trail', () => {
  it.each(['dsl', 'deputyDsl'] as const)('%s sees them all, marked restricted', async (person) => {
    const res = await (await env.as(person)).get<Page>(auditUrl('?limit=200'));
    expect(res.status).toBe(200);
    expect(res.body.restrictedActivity).toBeNull();
    const cp = res.body.entries.filter(ofCp);
    expect(cp.map((e) => `${e.action} ${e.subjectId}`)).toEqual(
      expect.arrayContaining([
        `retention.destruction_proposed ${withdrawnId}`,
        `retention.proposal_withdrawn ${withdrawnId}`,
        `retention.destruction_proposed ${proposalId}`,
        `retention.destroyed ${proposalId}`,
      ]),
    );
    expect(cp.filter((e) => e.action !== 'retention.lengthened').every((e) => e.restricted)).toBe(true);
    const viewing = res.body.entries.find(
      (e) => e.action === 'audit.viewed' && JSON.stringify(e.detail).includes(proposalId),
    );
    expect(viewing?.restricted).toBe(true);
    // Not about the file: the wellbeing destruction and the change to the period.
    expect(res.body.entries.find((e) => e.subjectId === wellbeingId)?.restricted).toBe(false);
    expect(res.body.entries.find((e) => e.action === 'retention.lengthened')?.restricted).toBe(false);
  });

  const others: Person[] = ['head', 'schoolAdmin'];
  it.each(others)('%s sees a count, not the entries, not even the one they wrote', async (person) => {
    const c = await env.as(person);
    const res = await c.get<Page>(auditUrl('?limit=200'));
    expect(res.status).toBe(200);
    const cpFileEvents = res.body.entries.filter((e) => ofCp(e) && e.action !== 'retention.lengthened');
    expect(cpFileEvents).toEqual([]);
    expect(res.text).not.toContain(proposalId);
    expect(res.text).not.toContain(withdrawnId);
    // Proposed twice, withdrawn, destroyed, and the DSL's filtered viewing: counted only.
    expect(res.body.restrictedActivity?.count).toBeGreaterThanOrEqual(5);
    // What is not about the file stays in view.
    expect(res.body.entries.find((e) => e.subjectId === wellbeingId)).toMatchObject({
      action: 'retention.destroyed',
      restricted: false,
    });
    expect(res.body.entries.some((e) => e.action === 'retention.lengthened')).toBe(true);
    // Asking by its id finds nothing; nor does filtering on the action; nor the CSV.
    expect((await c.get<Page>(auditUrl(`?subjectId=${proposalId}`))).body.entries).toEqual([]);
    const proposed = await c.get<Page>(auditUrl('?action=retention.destruction_proposed'));
    expect(proposed.body.entries).toEqual([]);
    const csv = await c.get(`/api/schools/${env.world.kingsmead}/audit.csv`);
    expect(csv.status).toBe(200);
    expect(csv.text).not.toContain(proposalId);
    expect(csv.text).toContain(wellbeingId);
  });

  it('the trust administrator, not being DSL, sees the count and not the entries', async () => {
    const res = await (await env.as('trustAdmin')).get<Page>(`/api/trusts/${env.world.trustId}/audit?limit=200`);
    expect(res.status).toBe(200);
    expect(res.text).not.toContain(proposalId);
    expect(res.body.restrictedActivity?.count).toBeGreaterThanOrEqual(5);
  });

  it('stays closed to those who do not see the trail at all', async () => {
    for (const person of ['smhl', 'tutor', 'parent'] as const) {
      expect((await (await env.as(person)).get(auditUrl())).status, person).toBe(403);
    }
    expect((await (await env.as('otherHead')).get(auditUrl())).status).toBe(404);
  });
});
