/**
 * Outgoing e-mail. Messages never carry pupil names or case text: they say there is something to
 * look at in Tandem and link to it. With no SMTP configured (development), the message is written
 * to the server log instead.
 *
 * Features never call the mailer: they queue a message in the outbox (mail/outbox.ts) in the same
 * transaction as their change, and the outbox hands it here. `send` throws when the message was
 * not accepted, so the outbox can try again later.
 */
import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** The Message-ID header, e.g. "<id@host>": the same on every attempt to send one message. */
  messageId?: string;
}

export interface Mailer {
  /** Hand the message to the mail server; throws if it was not accepted (in `timeoutMs` at most). */
  send(message: MailMessage): Promise<void>;
  /** Where the outbox reports a failed or abandoned message (by its id, never its content). */
  log?: MailLog;
}

export interface MailLog {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export function createMailer(options: {
  smtpUrl: string | null;
  from: string;
  log: MailLog;
  /** Longest one message may take, connecting included (default 15 seconds). */
  timeoutMs?: number;
}): Mailer {
  if (!options.smtpUrl) {
    return {
      log: options.log,
      send(message) {
        options.log.info({ mail: message }, 'e-mail (no SMTP configured, so written here instead)');
        return Promise.resolve();
      },
    };
  }
  const timeoutMs = options.timeoutMs ?? 15_000;
  // The URL's own settings (e.g. ?connectionTimeout=...) win over these.
  const transport = nodemailer.createTransport({
    url: options.smtpUrl,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    log: options.log,
    async send(message) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer from the mail server in ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([transport.sendMail({ from: options.from, ...message }), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
