import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents } from '@tandem/core/schema';
import { createTestEnv, PEOPLE, type Person, type TestEnv } from '../../test/harness';
import { verifyAuditChain } from './audit.service';
import { sealAuditTrail } from './audit.sealer';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env.close();
});

interface Entry {
  seq: number;
  action: string;
  actorName: string | null;
  subjectId: string | null;
  detail: Record<string, unknown>;
}
const auditUrl = (q = '') => `/api/schools/${env.world.kingsmead}/audit${q}`;

describe('the audit trail records', () => {
  it('sign-ins, failed sign-ins, role changes and administrative changes, with who and from where', async () => {
    await env.client('192.0.2.10').post('/api/auth/sign-in', { email: PEOPLE.tutor, password: 'wrong password!' });
    const head = await env.as('head');
    await head.post(`/api/schools/${env.world.kingsmead}/staff/${env.world.userId('support')}/roles`, {
      role: 'first_aider',
    });
    await head.patch(`/api/schools/${env.world.kingsmead}`, { letterhead: 'Kingsmead Academy' });
    const dsl = await env.as('dsl');
    const res = await dsl.get<{ entries: Entry[] }>(auditUrl('?limit=200'));
    expect(res.status).toBe(200);
    const actions = res.body.entries.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['auth.sign_in_failed', 'auth.signed_in', 'role.granted', 'school.settings_changed']),
    );
    const failed = res.body.entries.find((e) => e.action === 'auth.sign_in_failed');
    expect(failed).toMatchObject({ actorName: 'Ben Wright' });
    const [row] = await env.deps.database.db.select().from(auditEvents).where(eq(auditEvents.seq, failed!.seq));
    expect(row?.ip).toBe('192.0.2.10');
    const granted = res.body.entries.find((e) => e.action === 'role.granted');
    expect(granted).toMatchObject({
      actorName: 'Dr Helen Carter',
      subjectId: env.world.userId('support'),
      detail: { role: 'first_aider' },
    });
  });

  it('filters by action and person, pages by keyset, and records that it was viewed', async () => {
    const head = await env.as('head');
    const filtered = await head.get<{ entries: Entry[]; nextBefore: number | null }>(
      auditUrl(`?action=auth.signed_in&limit=2`),
    );
    expect(filtered.body.entries).toHaveLength(2);
    expect(filtered.body.entries.every((e) => e.action === 'auth.signed_in')).toBe(true);
    expect(filtered.body.nextBefore).not.toBeNull();
    const next = await head.get<{ entries: Entry[] }>(
      auditUrl(`?action=auth.signed_in&limit=2&before=${filtered.body.nextBefore}`),
    );
    expect(next.body.entries[0]!.seq).toBeLessThan(filtered.body.entries[1]!.seq);
    const byPerson = await head.get<{ entries: Entry[] }>(auditUrl(`?actorUserId=${env.world.userId('dsl')}`));
    expect(byPerson.body.entries.every((e) => e.actorName === 'Chris Okafor')).toBe(true);
    const viewed = await head.get<{ entries: Entry[] }>(auditUrl(`?action=audit.viewed`));
    expect(viewed.body.entries.length).toBeGreaterThan(0);
    const bad = await head.get(auditUrl('?from=22/11/2026'));
    expect(bad.status).toBe(400);
  });

  it('exports CSV with formulas neutralised, and records the export', async () => {
    const admin = await env.as('schoolAdmin');
    await admin.post(`/api/schools/${env.world.kingsmead}/staff`, {
      email: 'formula@kingsmead.example',
      displayName: '=HYPERLINK("x")',
      roles: ['teacher'],
    });
    const head = await env.as('head');
    const res = await head.get(`/api/schools/${env.world.kingsmead}/audit.csv`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/csv');
    expect(res.text.split('\r\n')[0]).toBe(
      'Entry,When (UTC),Who,What,Action code,Subject type,Subject id,From address,Detail',
    );
    const exported = await head.get<{ entries: Entry[] }>(auditUrl('?action=audit.exported'));
    expect(exported.body.entries).toHaveLength(1);
  });

  const viewers: [Person, number][] = [
    ['head', 200],
    ['dsl', 200],
    ['deputyDsl', 200],
    ['smhl', 403],
    // Issue 16: the school administrator sees who viewed and changed what (README), not 403.
    ['schoolAdmin', 200],
    ['tutor', 403],
    ['parent', 403],
    ['otherHead', 404],
    ['trustLead', 404],
  ];
  it.each(viewers)('%s viewing the Kingsmead audit trail gets %i', async (person, status) => {
    const c = await env.as(person);
    expect((await c.get(auditUrl())).status).toBe(status);
    expect((await c.get(`/api/schools/${env.world.kingsmead}/audit.csv`)).status).toBe(status);
  });

  it("another school's head sees their own school's trail, without Kingsmead's events", async () => {
    const other = await env.as('otherHead');
    const res = await other.get<{ entries: Entry[] }>(`/api/schools/${env.world.willow}/audit?limit=200`);
    expect(res.status).toBe(200);
    const kingsmeadPeople = new Set(['Ben Wright', 'Dr Helen Carter', 'Chris Okafor', 'Jo Bennett']);
    expect(res.body.entries.some((e) => e.actorName && kingsmeadPeople.has(e.actorName))).toBe(false);
  });

  it('the trust administrator reads the trust-wide trail', async () => {
    const admin = await env.as('trustAdmin');
    expect((await admin.get(`/api/trusts/${env.world.trustId}/audit`)).status).toBe(200);
    expect((await (await env.as('trustLead')).get(`/api/trusts/${env.world.trustId}/audit`)).status).toBe(403);
  });
});

describe('the audit trail cannot be altered without detection', () => {
  it('refuses UPDATE and DELETE from any database user', async () => {
    await expect(env.deps.database.raw(`update audit_events set action = 'x' where seq = 1`)).rejects.toThrow(
      /append-only/,
    );
    await expect(env.deps.database.raw(`delete from audit_events where seq = 1`)).rejects.toThrow(/append-only/);
  });

  it('verify reports the first altered entry and a missing entry', async () => {
    await sealAuditTrail(env.deps.database.db);
    const ok = await verifyAuditChain(env.deps.database.db);
    expect(ok.ok).toBe(true);
    // Tamper below the application: a superuser disables the trigger and edits history.
    await env.deps.database.raw(`alter table audit_events disable trigger audit_events_no_update`);
    await env.deps.database.raw(`update audit_events set detail = '{"role":"dsl"}' where chain_seq = 3`);
    const altered = await verifyAuditChain(env.deps.database.db);
    expect(altered).toMatchObject({ ok: false, firstBadSeq: 3 });
    expect(altered.ok || altered.problem).toContain('altered');
    await env.deps.database.raw(`delete from audit_events where chain_seq >= 3`);
    const missing = await verifyAuditChain(env.deps.database.db);
    expect(missing).toMatchObject({ ok: false, firstBadSeq: 3 });
    expect(missing.ok || missing.problem).toContain('missing');
  });
});
