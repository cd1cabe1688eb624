import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { School } from '@tandem/core';
import { trusts, schools } from '@tandem/core/schema';
import { createTestEnv, type TestEnv } from '../../test/harness';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env.close();
});

describe('schools in a trust', () => {
  it('the trust administrator adds a school; the trust lead sees the list but cannot add', async () => {
    const admin = await env.as('trustAdmin');
    const url = `/api/trusts/${env.world.trustId}/schools`;
    const created = await admin.post<School>(url, {
      name: 'Meadowside Primary',
      urn: '900777',
      letterhead: 'Meadowside Primary\nRiverbank',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Meadowside Primary', urn: '900777', staffIdleMinutes: 30 });
    // A new school starts with the five levels of the framework.
    const levels = await env.deps.database.raw<{ code: string }>(
      'select code from level_definitions where school_id = $1 order by code',
      [created.body.id],
    );
    expect(levels.map((l) => l.code)).toEqual(['MH1', 'MH2', 'MH3', 'MH4', 'MH5']);
    const dup = await admin.post<{ error: { fields: { path: string }[] } }>(url, { name: 'Another', urn: '900777' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.fields[0]?.path).toBe('urn');
    const bad = await admin.post<{ error: { fields: { path: string }[] } }>(url, { name: '', urn: '12' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f) => f.path).sort()).toEqual(['name', 'urn']);

    const lead = await env.as('trustLead');
    const list = await lead.get<{ schools: School[] }>(url);
    expect(list.body.schools.map((s) => s.name)).toEqual([
      'Kingsmead Academy',
      'Meadowside Primary',
      'Willow Brook Primary School',
    ]);
    expect((await lead.post(url, { name: 'Nope' })).status).toBe(403);
  });

  it('school staff cannot add schools or list the trust; another trust is not found', async () => {
    const head = await env.as('head');
    expect((await head.get(`/api/trusts/${env.world.trustId}/schools`)).status).toBe(404);
    const [other] = await env.deps.database.db.insert(trusts).values({ name: 'Hillside Trust' }).returning();
    const admin = await env.as('trustAdmin');
    expect((await admin.get(`/api/trusts/${other!.id}/schools`)).status).toBe(404);
    expect((await admin.post(`/api/trusts/${other!.id}/schools`, { name: 'Sneaky' })).status).toBe(404);
    const [otherSchool] = await env.deps.database.db
      .insert(schools)
      .values({ trustId: other!.id, name: 'Hillside High' })
      .returning();
    expect((await admin.get(`/api/schools/${otherSchool!.id}`)).status).toBe(404);
  });
});

describe('school settings', () => {
  it('the school administrator changes the letterhead and idle time-out; a tutor cannot; nothing changes on bad input', async () => {
    const admin = await env.as('schoolAdmin');
    const tutor = await env.as('tutor');
    const url = `/api/schools/${env.world.kingsmead}`;
    const ok = await admin.patch<School>(url, { letterhead: 'Kingsmead Academy\nNew address', staffIdleMinutes: 20 });
    expect(ok.status).toBe(200);
    expect(ok.body.staffIdleMinutes).toBe(20);
    const bad = await admin.patch(url, { staffIdleMinutes: 2 });
    expect(bad.status).toBe(400);
    expect((await admin.get<School>(url)).body.staffIdleMinutes).toBe(20);
    expect((await tutor.patch(url, { staffIdleMinutes: 200 })).status).toBe(403);
    expect((await tutor.get<School>(url)).body.name).toBe('Kingsmead Academy');

    // The new time-out applies to staff sessions started after the change.
    const session = await tutor.get<{ idleTimeoutSeconds: number }>('/api/auth/session');
    expect(session.body.idleTimeoutSeconds).toBe(30 * 60);
    const fresh = await env.as('tutor');
    expect((await fresh.get<{ idleTimeoutSeconds: number }>('/api/auth/session')).body.idleTimeoutSeconds).toBe(
      20 * 60,
    );
  });
});
