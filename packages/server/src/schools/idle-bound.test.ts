/**
 * IDLE_TIMEOUT_MINUTES is the operator's upper bound for staff too: a school may set a shorter idle
 * time-out, never a longer one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schools } from '@tandem/core/schema';
import { createTestEnv, type TestEnv } from '../../test/harness';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ defaultIdleMinutes: 30 });
});
afterAll(async () => {
  await env.close();
});

const url = () => `/api/schools/${env.world.kingsmead}`;
type School = { staffIdleMinutes: number; maxStaffIdleMinutes: number };
type Refusal = { error: { fields: { path: string; message: string }[] } };

describe('a school’s idle time-out', () => {
  it('may be shorter than the operator allows, never longer; the answer names the maximum', async () => {
    const admin = await env.as('schoolAdmin');
    expect((await admin.get<School>(url())).body.maxStaffIdleMinutes).toBe(30);
    const longer = await admin.patch<Refusal>(url(), { staffIdleMinutes: 45 });
    expect(longer.status).toBe(400);
    expect(longer.body.error.fields[0]).toEqual({
      path: 'staffIdleMinutes',
      message: 'Idle time-out can be at most 30 minutes: that is the longest this Tandem allows',
    });
    expect((await admin.get<School>(url())).body.staffIdleMinutes).toBe(30);
    const shorter = await admin.patch<School>(url(), { staffIdleMinutes: 20 });
    expect(shorter.status).toBe(200);
    expect(shorter.body).toMatchObject({ staffIdleMinutes: 20, maxStaffIdleMinutes: 30 });
    const fresh = await env.as('tutor');
    expect((await fresh.get<{ idleTimeoutSeconds: number }>('/api/auth/session')).body.idleTimeoutSeconds).toBe(
      20 * 60,
    );
  });

  it('a longer time stored earlier (before the operator lowered the bound) is capped for staff sessions', async () => {
    await env.deps.database.db.update(schools).set({ staffIdleMinutes: 90 }).where(eq(schools.id, env.world.kingsmead));
    const tutor = await env.as('tutor');
    expect((await tutor.get<{ idleTimeoutSeconds: number }>('/api/auth/session')).body.idleTimeoutSeconds).toBe(
      30 * 60,
    );
    env.clock.advanceMinutes(31);
    expect((await tutor.get<{ signedIn: boolean }>('/api/auth/session')).body.signedIn).toBe(false);
    expect((await (await env.as('schoolAdmin')).get<School>(url())).body.staffIdleMinutes).toBe(30);
  });
});
