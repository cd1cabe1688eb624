/**
 * An addition or an action sent twice (a double click, a retry after a dropped connection) is kept
 * once and audited once; the same words sent again later, or a different action, are new.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, concernActions, concernAddenda, pupils } from '@tandem/core/schema';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness';

let env: TestEnv;
let smhl: TestClient;
let concernId: string;

const base = () => `/api/schools/${env.world.kingsmead}/concerns`;

beforeAll(async () => {
  env = await createTestEnv();
  const [pupil] = await env.deps.database.db
    .select()
    .from(pupils)
    .where(and(eq(pupils.schoolId, env.world.kingsmead), eq(pupils.form, '9W')));
  smhl = await env.as('smhl');
  const logged = await (
    await env.as('tutor')
  ).post<{ id: string }>(base(), {
    submissionKey: randomUUID(),
    pupilIds: [pupil!.id],
    occurredAt: new Date(env.clock.now().getTime() - 30 * 60_000).toISOString(),
    location: 'Form room 9W',
    account: 'Seemed very low in registration.',
    pupilWords: '',
    warningSigns: ['sleep_routine'],
    othersPresent: '',
    riskOfImmediateHarm: false,
    possibleChildProtection: false,
    medicalEmergency: false,
  });
  if (logged.status !== 201) throw new Error(`could not log a concern: ${logged.status} ${logged.text}`);
  concernId = logged.body.id;
});
afterAll(async () => {
  await env.close();
});

async function count(table: typeof concernAddenda | typeof concernActions): Promise<number> {
  const [row] = await env.deps.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(table)
    .where(eq(table.concernId, concernId));
  return row?.n ?? 0;
}

async function audited(action: string): Promise<number> {
  const [row] = await env.deps.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectId, concernId), eq(auditEvents.action, action)));
  return row?.n ?? 0;
}

describe('sending an addition or an action twice', () => {
  it('the same addition sent twice at once is kept once; the same words half an hour later are kept again', async () => {
    const [before, auditBefore] = [await count(concernAddenda), await audited('concern.addendum_added')];
    const body = { text: 'Spoke to mum: poor sleep for two weeks.', reason: 'Information from home' };
    const url = `${base()}/${concernId}/addenda`;
    const answers = await Promise.all([smhl.post(url, body), smhl.post(url, body)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(await count(concernAddenda)).toBe(before + 1);
    expect(await audited('concern.addendum_added')).toBe(auditBefore + 1);

    env.clock.advance(30 * 60_000);
    smhl = await env.as('smhl');
    expect((await smhl.post(url, body)).status).toBe(200);
    expect(await count(concernAddenda)).toBe(before + 2);
  });

  it('the same action sent twice is given once; a different one is given too', async () => {
    const [before, auditBefore] = [await count(concernActions), await audited('concern.action_added')];
    const due = new Date(env.clock.now().getTime() + 2 * 86_400_000).toISOString().slice(0, 10);
    const body = { description: 'Check in at lunch', ownerUserId: env.world.userId('pastoral'), dueOn: due };
    const url = `${base()}/${concernId}/actions`;
    const [a, b] = await Promise.all([smhl.post<{ id: string }>(url, body), smhl.post<{ id: string }>(url, body)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).toBe(b.body.id);
    expect(await count(concernActions)).toBe(before + 1);
    expect(await audited('concern.action_added')).toBe(auditBefore + 1);

    const other = await smhl.post<{ id: string }>(url, { ...body, description: 'Phone home' });
    expect(other.status).toBe(201);
    expect(await count(concernActions)).toBe(before + 2);
  });
});
