import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { School } from '@tandem/core';
import { trusts, schools } from '@tandem/core/schema';
import { createTestEnv, type Person, type TestEnv } from '../../test/harness';

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

describe("a school's DfE number", () => {
  interface Refusal {
    error: { message: string; fields: { path: string; message: string }[] };
  }
  const dfeOf = async (schoolId: string) => {
    const [row] = await env.deps.database.db
      .select({ dfeNumber: schools.dfeNumber })
      .from(schools)
      .where(eq(schools.id, schoolId));
    return row?.dfeNumber;
  };

  it('the trust administrator gives a new school its DfE number in any usual shape; one number per school', async () => {
    const admin = await env.as('trustAdmin');
    const url = `/api/trusts/${env.world.trustId}/schools`;
    const created = await admin.post<School>(url, { name: 'Brookfield Primary', dfeNumber: ' 999-2002 ' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ dfeNumber: '9992002', urn: null });
    const dup = await admin.post<Refusal>(url, { name: 'Brookfield Again', dfeNumber: '999/2002' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.fields[0]?.path).toBe('dfeNumber');
    // Kingsmead's, from the demo.
    expect((await admin.post<Refusal>(url, { name: 'Copycat', dfeNumber: '9994001' })).status).toBe(409);
    const bad = await admin.post<Refusal>(url, { name: 'Crooked', dfeNumber: '99/40011' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([
      {
        path: 'dfeNumber',
        message:
          'Enter the DfE number as your 3-digit local authority number and 4-digit establishment number, like 888/4321',
      },
    ]);
    const names = (await admin.get<{ schools: School[] }>(url)).body.schools.map((s) => s.name);
    expect(names).not.toContain('Brookfield Again');
    expect(names).not.toContain('Crooked');
    expect((await admin.post(url, { name: 'Without', dfeNumber: '' })).status).toBe(201);
  });

  it('the school administrator sets, changes and removes it; bad input and a taken number change nothing', async () => {
    const admin = await env.as('schoolAdmin');
    const url = `/api/schools/${env.world.kingsmead}`;
    expect((await admin.get<School>(url)).body.dfeNumber).toBe('9994001');
    for (const bad of ['12', '999/40011', 'abc/defg', '9994-001x']) {
      const res = await admin.patch<Refusal>(url, { dfeNumber: bad, letterhead: 'Changed' });
      expect(res.status).toBe(400);
      expect(res.body.error.fields[0]?.path).toBe('dfeNumber');
    }
    expect((await admin.patch<Refusal>(url, { dfeNumber: 12 })).status).toBe(400);
    // Willow Brook's.
    const taken = await admin.patch<Refusal>(url, { dfeNumber: '999/2001', letterhead: 'Changed' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.fields[0]?.path).toBe('dfeNumber');
    const unchanged = await admin.get<School>(url);
    expect(unchanged.body.dfeNumber).toBe('9994001');
    expect(unchanged.body.letterhead).not.toBe('Changed');

    // Its own number again is no clash.
    expect((await admin.patch<School>(url, { dfeNumber: '999/4001' })).status).toBe(200);
    const changed = await admin.patch<School>(url, { dfeNumber: '999 4009' });
    expect(changed.status).toBe(200);
    expect(changed.body.dfeNumber).toBe('9994009');
    expect((await admin.patch<School>(url, { dfeNumber: '' })).body.dfeNumber).toBeNull();
    expect(await dfeOf(env.world.kingsmead)).toBeNull();
    expect((await admin.patch<School>(url, { dfeNumber: '999/4001' })).body.dfeNumber).toBe('9994001');
  });

  it.each<[Person, number]>([
    ['tutor', 403],
    ['smhl', 403],
    ['otherHead', 404],
    ['parent', 403],
    ['pupil', 403],
  ])('%s cannot change it (%i)', async (person, status) => {
    const client = await env.as(person);
    const res = await client.patch(`/api/schools/${env.world.kingsmead}`, { dfeNumber: '999/4555' });
    expect(res.status).toBe(status);
    expect(await dfeOf(env.world.kingsmead)).toBe('9994001');
  });
});
