/**
 * The e-mail outbox: a message is written in the transaction of the change it tells of, sent once
 * after the commit, retried with backoff when the mail server is down, given up after its last
 * attempt (logged without content), and forgotten some days after it was sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { mailOutbox } from '@tandem/core/schema';
import { createTestEnv, PEOPLE, type TestEnv } from '../../test/harness';
import { asSystem } from '../platform/gate';
import { runDueJobs } from '../platform/jobs';
import type { AppDeps } from '../platform/deps';
import { createMailer } from './mailer';
import { MAX_MAIL_ATTEMPTS, queueMail, retryDelayMs, SENT_KEPT_DAYS } from './outbox';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env.close();
});

const rowsTo = (to: string) => env.deps.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, to));

/** A real mailer pointed at a port where nothing listens: every attempt fails. */
function brokenMailer(logged: object[]): AppDeps['mailer'] {
  const log = { info: () => undefined, error: (obj: object, msg?: string) => void logged.push({ ...obj, msg }) };
  return createMailer({ smtpUrl: 'smtp://127.0.0.1:9', from: 'Tandem <t@tandem.invalid>', log, timeoutMs: 2000 });
}

describe('the e-mail outbox', () => {
  it('sends a message only if its transaction commits, once, with a Message-ID of its own', async () => {
    const to = 'outbox-commit@kingsmead.example';
    await expect(
      asSystem(env.deps, async (s) => {
        await queueMail(s, { to, subject: 'Rolled back', text: 'never sent' });
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    expect(await rowsTo(to)).toEqual([]);

    await asSystem(env.deps, (s) => queueMail(s, { to, subject: 'Committed', text: 'Sign in to Tandem to see it.' }));
    // The committing process sent it before the work returned.
    expect(env.smtp.messages.filter((m) => m.to.includes(to)).map((m) => m.subject)).toEqual(['Committed']);
    const [row] = await rowsTo(to);
    expect(row?.sentAt).not.toBeNull();
    expect(row?.messageId).toBe(`<${row?.id}@tandem.test>`);
    // Its text, which may hold a sign-in link, is not kept once sent.
    expect(row?.body).toBe('');

    // The workers find nothing more to send.
    await runDueJobs(env.deps);
    await runDueJobs(env.deps);
    expect(env.smtp.messages.filter((m) => m.to.includes(to))).toHaveLength(1);
  });

  it('a password reset asked for over HTTP goes through the outbox', async () => {
    const res = await env.client().post('/api/auth/password/forgot', { email: PEOPLE.tutor });
    expect(res.status).toBe(200);
    expect(await env.smtp.messagesTo(PEOPLE.tutor)).toHaveLength(1);
    const rows = await rowsTo(PEOPLE.tutor);
    expect(rows.map((r) => [r.subject, r.sentAt !== null])).toEqual([['Reset your Tandem password', true]]);
  });

  it('when the mail server is down, the message waits and a worker sends it later, once', async () => {
    const to = 'outbox-retry@kingsmead.example';
    const logged: object[] = [];
    const down = { ...env.deps, mailer: brokenMailer(logged) };
    await asSystem(down, (s) => queueMail(s, { to, subject: 'Retried', text: 'Sign in to Tandem to see it.' }));
    let [row] = await rowsTo(to);
    expect(row?.attempts).toBe(1);
    expect(row?.sentAt).toBeNull();
    expect(row?.nextAttemptAt.getTime()).toBe(env.clock.now().getTime() + retryDelayMs(1));
    // Logged by its id, never its address, subject or text.
    expect(JSON.stringify(logged)).toContain(row?.id);
    expect(JSON.stringify(logged)).not.toMatch(/outbox-retry|Retried|Sign in/);

    // Not before its time...
    await runDueJobs(env.deps);
    expect(env.smtp.messages.filter((m) => m.to.includes(to))).toHaveLength(0);
    // ...then once, however many runs.
    env.clock.advance(retryDelayMs(1));
    await Promise.all([runDueJobs(env.deps), runDueJobs(env.deps)]);
    await runDueJobs(env.deps);
    expect(env.smtp.messages.filter((m) => m.to.includes(to)).map((m) => m.subject)).toEqual(['Retried']);
    [row] = await rowsTo(to);
    expect(row?.attempts).toBe(2);
    expect(row?.sentAt).not.toBeNull();
  });

  it('gives up after the last attempt, saying so in the log without the content', async () => {
    const to = 'outbox-give-up@kingsmead.example';
    const logged: object[] = [];
    const down = { ...env.deps, mailer: brokenMailer(logged) };
    await asSystem(down, (s) => queueMail(s, { to, subject: 'Never arrives', text: 'Sign in to Tandem.' }));
    for (let attempt = 1; attempt < MAX_MAIL_ATTEMPTS; attempt++) {
      env.clock.advance(retryDelayMs(attempt));
      await runDueJobs(down);
    }
    const [row] = await rowsTo(to);
    expect(row?.attempts).toBe(MAX_MAIL_ATTEMPTS);
    expect(row?.gaveUpAt).not.toBeNull();
    expect(logged.filter((l) => (l as { msg?: string }).msg === 'e-mail given up after its last attempt')).toHaveLength(
      1,
    );
    expect(JSON.stringify(logged)).not.toMatch(/outbox-give-up|Never arrives|Sign in/);

    // With the mail server back, a message given up on is not sent.
    env.clock.advanceMinutes(600);
    await runDueJobs(env.deps);
    expect(env.smtp.messages.filter((m) => m.to.includes(to))).toHaveLength(0);
  });

  it('forgets sent messages some days later', async () => {
    const to = 'outbox-forget@kingsmead.example';
    await asSystem(env.deps, (s) => queueMail(s, { to, subject: 'Kept a while', text: 'Sign in.' }));
    expect(await rowsTo(to)).toHaveLength(1);
    env.clock.advanceMinutes((SENT_KEPT_DAYS - 1) * 24 * 60);
    await runDueJobs(env.deps);
    expect(await rowsTo(to)).toHaveLength(1);
    env.clock.advanceMinutes(2 * 24 * 60);
    await runDueJobs(env.deps);
    expect(await rowsTo(to)).toHaveLength(0);
  });
});
