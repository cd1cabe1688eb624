import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { alerts, auditEvents, concerns, pupils, users } from '@tandem/core/schema';
import type { ConcernDetail, ConcernSummary } from '@tandem/core';
import { createTestEnv, PEOPLE, type Person, type TestClient, type TestEnv } from '../../test/harness';
import { loadAssignments } from '../http/context';
import { familyReaderFor } from '../platform/family-access';
import { inSchool, type SchoolWork } from '../platform/gate';
import type { FamilyReader } from '../platform/registries';

let env: TestEnv;
let smhl: TestClient;
let emma: TestClient;
let oliviaId: string;

const school = () => `/api/schools/${env.world.kingsmead}`;
/** What Emma wrote: a marker that must never come back to her, nor reach any e-mail. */
const MARKER = 'Olivia has not slept properly for two weeks (marker 7c1f).';

/** Work in Kingsmead as a family member of Olivia, as the family routes do before calling a registry. */
async function asFamily<T>(person: Person, work: (w: SchoolWork, reader: FamilyReader) => Promise<T>): Promise<T> {
  const userId = env.world.userId(person);
  const [u] = await env.deps.database.db.select().from(users).where(eq(users.id, userId));
  const actor = {
    userId,
    email: u!.email,
    displayName: u!.displayName,
    assignments: await loadAssignments(env.deps.database.db, userId),
  };
  return inSchool(
    env.deps,
    { actor, schoolId: env.world.kingsmead, ip: null },
    ['portal.parent', 'portal.pupil'],
    async (w) => work(w, await familyReaderFor(w, oliviaId)),
  );
}

function tellSchool(submissionKey: string, account = MARKER) {
  return asFamily('parent', (w) =>
    env.deps.registries.familyRequests.concernFromParent(w, {
      pupilId: oliviaId,
      account,
      location: 'Told to school by a parent or carer in Tandem',
      submissionKey,
    }),
  );
}

beforeAll(async () => {
  env = await createTestEnv();
  smhl = await env.as('smhl');
  emma = await env.as('parent');
  const [olivia] = await env.deps.database.db
    .select({ id: pupils.id })
    .from(pupils)
    .where(eq(pupils.userId, env.world.userId('pupil')));
  oliviaId = olivia!.id;
});
afterAll(async () => {
  await env.close();
});

describe('a parent tells the school something', () => {
  let concernId: string;
  const key = randomUUID();
  beforeAll(async () => {
    ({ concernId } = await tellSchool(key));
  });

  it('becomes an ordinary concern about the child, logged by the parent and marked as from a parent', async () => {
    const [row] = await env.deps.database.db.select().from(concerns).where(eq(concerns.id, concernId));
    expect(row).toMatchObject({
      schoolId: env.world.kingsmead,
      loggedBy: env.world.userId('parent'),
      fromParent: true,
      urgent: false,
      restricted: false,
      route: 'mental_health_lead',
      category: 'mental_health',
      status: 'open',
      account: MARKER,
      warningSigns: [],
    });
    const logged = await env.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, concernId), eq(auditEvents.action, 'concern.logged')));
    expect(logged).toHaveLength(1);
  });

  it('is one concern when sent twice', async () => {
    expect((await tellSchool(key)).concernId).toBe(concernId);
    const rows = await env.deps.database.db
      .select()
      .from(concerns)
      .where(and(eq(concerns.schoolId, env.world.kingsmead), eq(concerns.submissionKey, key)));
    expect(rows).toHaveLength(1);
  });

  it('alerts the lead, content-free, as any logged concern does', async () => {
    const smhlAlerts = await env.deps.database.db
      .select()
      .from(alerts)
      .where(and(eq(alerts.userId, env.world.userId('smhl')), eq(alerts.concernId, concernId)));
    expect(smhlAlerts.map((a) => a.kind)).toEqual(['concern_logged']);
    const mail = await env.smtp.messagesTo(PEOPLE.smhl);
    expect(mail.length).toBeGreaterThan(0);
    expect(mail.map((m) => `${m.subject}\n${m.text}`).join('\n')).not.toContain('marker 7c1f');
    expect(mail.map((m) => m.text).join('\n')).not.toContain('Olivia');
  });

  it('reaches the lead’s triage queue and the concern page marked "from a parent or carer"', async () => {
    const queue = await smhl.get<{ concerns: ConcernSummary[] }>(`${school()}/concerns?queue=mental_health`);
    expect(queue.status, queue.text).toBe(200);
    const listed = queue.body.concerns.find((c) => c.id === concernId);
    expect(listed).toMatchObject({ fromParent: true, loggedByName: 'Emma Clarke', urgent: false });
    expect(queue.body.concerns.filter((c) => c.id !== concernId).every((c) => !c.fromParent)).toBe(true);
    const page = await smhl.get<{ access: string; concern: ConcernDetail }>(`${school()}/concerns/${concernId}`);
    expect(page.status).toBe(200);
    expect(page.body.concern).toMatchObject({ fromParent: true, account: MARKER });
    const chronology = await smhl.get<{ entries: { concernId?: string; kind: string; title: string }[] }>(
      `${school()}/pupils/${oliviaId}/chronology`,
    );
    expect(chronology.status, chronology.text).toBe(200);
    const logged = chronology.body.entries.find((e) => e.concernId === concernId && e.kind === 'concern_logged');
    expect(logged?.title).toContain('Emma Clarke, a parent or carer');
  });

  it('never comes back to the parent through any concern route', async () => {
    const tries = [
      await emma.get(`${school()}/concerns/${concernId}`),
      await emma.get(`${school()}/concerns/${concernId}/sent`),
      await emma.get(`${school()}/concerns/mine`),
      await emma.get(`${school()}/concerns?queue=mental_health`),
      await emma.get(`${school()}/concerns?queue=dsl`),
    ];
    for (const res of tries) {
      expect([403, 404]).toContain(res.status);
      expect(res.text).not.toContain('marker 7c1f');
      expect(res.text).not.toContain(concernId);
    }
    // Nor may she work it or add to it, as a member of staff who logged a concern may.
    const ack = await emma.post(`${school()}/concerns/${concernId}/acknowledge`, {});
    expect([403, 404]).toContain(ack.status);
    const added = await emma.post(`${school()}/concerns/${concernId}/addenda`, { text: 'More.', reason: 'Forgot.' });
    expect([403, 404]).toContain(added.status);
    // No alert about it reaches her.
    const mine = await env.deps.database.db
      .select()
      .from(alerts)
      .where(and(eq(alerts.userId, env.world.userId('parent')), eq(alerts.concernId, concernId)));
    expect(mine).toHaveLength(0);
  });

  it('is read once the school acknowledges it', async () => {
    const before = await asFamily('parent', (w) =>
      env.deps.registries.familyRequests.concernsRead(w.tx, w.schoolId, [concernId]),
    );
    expect(before.has(concernId)).toBe(false);
    env.clock.advance(60_000);
    const acknowledgedAt = env.clock.now();
    expect((await smhl.post(`${school()}/concerns/${concernId}/acknowledge`, {})).status).toBe(200);
    const after = await env.deps.registries.familyRequests.concernsRead(env.deps.database.db, env.world.kingsmead, [
      concernId,
      randomUUID(),
    ]);
    expect(after.size).toBe(1);
    expect(after.get(concernId)?.getTime()).toBe(acknowledgedAt.getTime());
    // Asked about another school's concerns, it knows nothing.
    const elsewhere = await env.deps.registries.familyRequests.concernsRead(env.deps.database.db, env.world.willow, [
      concernId,
    ]);
    expect(elsewhere.size).toBe(0);
  });
});
