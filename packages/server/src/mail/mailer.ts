/**
 * Outgoing e-mail. Messages never carry pupil names or case text: they say there is something to
 * look at in Tandem and link to it. With no SMTP configured (development), the message is written
 * to the server log instead.
 */
import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export interface MailLog {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export function createMailer(options: { smtpUrl: string | null; from: string; log: MailLog }): Mailer {
  if (!options.smtpUrl) {
    return {
      send(message) {
        options.log.info({ mail: message }, 'e-mail (no SMTP configured, so written here instead)');
        return Promise.resolve();
      },
    };
  }
  const transport = nodemailer.createTransport(options.smtpUrl);
  return {
    async send(message) {
      // A mail fault must not undo or hide the change that caused the message (the invitation can
      // be sent again); it is logged without the message's content.
      try {
        await transport.sendMail({ from: options.from, ...message });
      } catch (err) {
        options.log.error({ err: { message: (err as Error).message } }, 'e-mail could not be sent');
      }
    },
  };
}
