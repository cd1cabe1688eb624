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
   * password with a valid second factor still gets through; auth/throttle.ts). Also the flood guard
   * on the one-time-token and password-reset routes (counted in the database, shared by every process).
   */
  signInRateLimitPerMinute: number;
  logLevel: string;
  webDistDir: string | null;
  /** Where signed audit checkpoints are written (ADR 0012): keep it off the database's machine. */
  auditCheckpointDir: string;
  /** The installation's Ed25519 private key (PEM) that signs checkpoints; made on first start if absent. */
  auditSigningKeyFile: string;
  /** Minutes between signed audit checkpoints. */
  auditCheckpointMinutes: number;
  /** Where each checkpoint is also e-mailed (the data protection officer), if set. */
  auditCheckpointEmail: string | null;
  /** How often each process seals new audit entries into the chain. */
  auditSealEveryMs: number;
  /** How often each process runs the due jobs (unacknowledged urgent concerns, reminders). */
  dueJobsEveryMs: number;
  /** How often each process's outbox worker looks for e-mail still to send (platform/mail-outbox). */
  mailEveryMs: number;
  /** Longest one e-mail may take to hand to the mail server before the attempt counts as failed. */
  mailTimeoutMs: number;
  /** Where `npm run backup` writes its dated files when not given --out. */
  backupDir: string;
  /** The school's backup public key (age1...), that backups are encrypted to. */
  backupRecipient: string | null;
  /** Or a file holding it (e.g. the one `npm run backup -- --new-key` wrote, or just its public line). */
  backupRecipientFile: string | null;
  /** Let transfers reach another Tandem over plain http (tests and development only; https otherwise). */
  transferAllowHttp: boolean;
  /** Let single sign-on trust an identity provider over plain http (tests and development only; https otherwise). */
  ssoAllowHttpIssuer: boolean;
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
    auditCheckpointDir: path.resolve(
      env.AUDIT_CHECKPOINT_DIR ?? path.join(env.TANDEM_DATA_DIR ?? 'data', 'audit-checkpoints'),
    ),
    auditSigningKeyFile: path.resolve(
      env.AUDIT_SIGNING_KEY_FILE ?? path.join(env.TANDEM_DATA_DIR ?? 'data', 'audit-signing-key.pem'),
    ),
    auditCheckpointMinutes: int(env.AUDIT_CHECKPOINT_MINUTES, 60, 'AUDIT_CHECKPOINT_MINUTES'),
    auditCheckpointEmail:
      env.AUDIT_CHECKPOINT_EMAIL && env.AUDIT_CHECKPOINT_EMAIL !== '' ? env.AUDIT_CHECKPOINT_EMAIL : null,
    auditSealEveryMs: int(env.AUDIT_SEAL_EVERY_MS, 1_000, 'AUDIT_SEAL_EVERY_MS'),
    dueJobsEveryMs: int(env.DUE_JOBS_EVERY_MS, 30_000, 'DUE_JOBS_EVERY_MS'),
    mailEveryMs: int(env.MAIL_EVERY_MS, 5_000, 'MAIL_EVERY_MS'),
    mailTimeoutMs: int(env.MAIL_TIMEOUT_MS, 15_000, 'MAIL_TIMEOUT_MS'),
    backupDir: path.resolve(env.BACKUP_DIR ?? 'backups'),
    backupRecipient: env.BACKUP_RECIPIENT && env.BACKUP_RECIPIENT !== '' ? env.BACKUP_RECIPIENT : null,
    backupRecipientFile:
      env.BACKUP_RECIPIENT_FILE && env.BACKUP_RECIPIENT_FILE !== '' ? path.resolve(env.BACKUP_RECIPIENT_FILE) : null,
    transferAllowHttp: env.TRANSFER_ALLOW_HTTP === 'true',
    ssoAllowHttpIssuer: env.SSO_ALLOW_HTTP_ISSUER === 'true',
  };
}
