/** Reading the e-mails the server sent, as captured by the SMTP server in e2e/global-setup.ts. */
import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';

export interface CapturedMail {
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

export function allMail(): CapturedMail[] {
  const dir = inject('mailDir');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.startsWith('.'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as CapturedMail);
}

/** Waits for the `count`-th message to an address (optionally only those whose subject matches). */
export async function waitForMail(
  to: string,
  options: { subject?: RegExp; count?: number; timeoutMs?: number } = {},
): Promise<CapturedMail> {
  const { subject, count = 1, timeoutMs = 15_000 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = allMail().filter(
      (m) =>
        m.to.some((a) => a.toLowerCase() === to.toLowerCase()) && (subject === undefined || subject.test(m.subject)),
    );
    const mail = found[count - 1];
    if (mail !== undefined) return mail;
    if (Date.now() > deadline) {
      const seen = allMail()
        .map((m) => `  ${m.to.join(', ')}: ${m.subject}`)
        .join('\n');
      throw new Error(
        `no e-mail #${count} to ${to}${subject ? ` matching ${subject}` : ''} within ${timeoutMs} ms; received:\n${seen || '  (none)'}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The links in a message's plain text. */
export function linksIn(mail: CapturedMail): string[] {
  return [...mail.text.matchAll(/https?:\/\/[^\s<>"')]+/g)].map((m) => m[0]);
}
