/** Settings from the environment, read once at start. */
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  /** Public address used in links in e-mails. */
  publicUrl: string;
  /** Set cookies with the Secure flag (behind https). */
  secureCookies: boolean;
  /** Take the visitor's address from X-Forwarded-For (only when reachable solely through a proxy). */
  trustProxy: boolean;
  smtpUrl: string | null;
  mailFrom: string;
  /** Load the demo trust on an empty database. */
  demo: boolean;
  /** Idle timeout for parents and pupils, and the upper bound for staff (a school may set less). */
  defaultIdleMinutes: number;
  /** Longest a session may last however active, in hours. */
  absoluteSessionHours: number;
  /**
   * Failed sign-ins per network address per minute before a password alone is refused from it (a
   * password with a valid second factor still gets through; auth/throttle.ts). Also the in-process
   * flood guard on the one-time-token and password-reset routes.
   */
  signInRateLimitPerMinute: number;
  logLevel: string;
  webDistDir: string | null;
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number.parseInt(value, 10);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive whole number`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = int(env.PORT, 3000, 'PORT');
  const host = env.HOST ?? '127.0.0.1';
  const publicUrl = (env.PUBLIC_URL ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`).replace(/\/$/, '');
  return {
    port,
    host,
    dataDir: path.resolve(env.TANDEM_DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL && env.DATABASE_URL !== '' ? env.DATABASE_URL : null,
    publicUrl,
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === 'true' : publicUrl.startsWith('https://'),
    trustProxy: env.TRUST_PROXY === 'true',
    smtpUrl: env.SMTP_URL && env.SMTP_URL !== '' ? env.SMTP_URL : null,
    mailFrom: env.MAIL_FROM ?? 'Tandem <no-reply@tandem.invalid>',
    demo: env.TANDEM_DEMO ? env.TANDEM_DEMO === 'true' : true,
    defaultIdleMinutes: int(env.IDLE_TIMEOUT_MINUTES, 30, 'IDLE_TIMEOUT_MINUTES'),
    absoluteSessionHours: int(env.SESSION_MAX_HOURS, 12, 'SESSION_MAX_HOURS'),
    signInRateLimitPerMinute: int(env.SIGN_IN_RATE_LIMIT, 20, 'SIGN_IN_RATE_LIMIT'),
    logLevel: env.LOG_LEVEL ?? 'info',
    webDistDir: env.WEB_DIST_DIR ?? path.resolve(import.meta.dirname, '../../web/dist'),
  };
}
