/**
 * The alert bus: a wake-up is heard at commit, never on rollback, and carries user ids only. On
 * PostgreSQL it travels by NOTIFY, and the process's LISTEN connection comes back if it is cut.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../test/harness';
import { asSystem } from './gate';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env.close();
});

async function waitFor(done: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}

describe('the alert bus', () => {
  it('wakes at commit, not on rollback, and not before', async () => {
    const woken: string[] = [];
    const stop = env.deps.alertBus.subscribe((id) => woken.push(id));
    const a = env.world.userId('dsl');
    const b = env.world.userId('deputyDsl');

    await expect(
      asSystem(env.deps, async (s) => {
        await env.deps.alertBus.wake(s, [a]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await new Promise((r) => setTimeout(r, 300));
    expect(woken).toEqual([]);

    await asSystem(env.deps, async (s) => {
      await env.deps.alertBus.wake(s, [a, b, a]);
      await new Promise((r) => setTimeout(r, 200));
      expect(woken).toEqual([]);
    });
    await waitFor(() => woken.length >= 2);
    expect(woken.sort()).toEqual([a, b].sort());
    stop();
    expect(env.deps.alertBus.listeners()).toBe(0);
  });

  it.skipIf(!process.env.DATABASE_URL)('on PostgreSQL, listens again after its connection is cut', async () => {
    const raw = (text: string, params?: unknown[]) => env.deps.database.raw<{ pid: number }>(text, params);
    const listener = async () =>
      (
        await raw(
          `select pid from pg_stat_activity where datname = current_database() and query ilike 'listen tandem_alerts%'`,
        )
      ).map((r) => r.pid);
    const [before] = await listener();
    expect(before).toBeDefined();
    await raw('select pg_terminate_backend($1)', [before]);
    const deadline = Date.now() + 5000;
    let after: number[] = [];
    while (Date.now() < deadline) {
      after = (await listener()).filter((p) => p !== before);
      if (after.length > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(after).toHaveLength(1);

    const woken: string[] = [];
    const stop = env.deps.alertBus.subscribe((id) => woken.push(id));
    const a = env.world.userId('head');
    await asSystem(env.deps, (s) => env.deps.alertBus.wake(s, [a]));
    await waitFor(() => woken.length > 0);
    expect(woken).toEqual([a]);
    stop();
  });
});
