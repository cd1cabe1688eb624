/**
 * Starts Tandem: opens (and migrates) the database, loads the demo trust into an empty database,
 * and serves the API and the web app on one port.
 */
import type { FastifyBaseLogger } from 'fastify';
import { loadConfig } from './config';
import { buildApp } from './app';
import { systemClock } from './clock';
import { migrateDatabase, openPglite, openPostgres, type Database } from './db/client';
import { DataDirLockedError, lockDataDir } from './db/lock';
import { createMailer } from './mail/mailer';
import { loadDemoIfEmpty } from './demo/seed';
import { loggerOptions } from './http/logging';
import { startDueJobs } from './platform/jobs';
import { startMailWorker } from './mail/outbox';
import { alertBusFor } from './platform/alert-bus';
import { registries } from './features';
import { startAuditSealing } from './audit/audit.background';
import { startAdminSocket } from './backup/admin-socket';

async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  let release: (() => void) | null = null;
  let database: Database;
  if (config.databaseUrl) {
    database = await openPostgres(config.databaseUrl);
  } else {
    try {
      release = lockDataDir(config.dataDir);
    } catch (err) {
      if (err instanceof DataDirLockedError) {
        console.error(err.message);
        process.exit(1);
      }
      throw err;
    }
    database = await openPglite({ dataDir: config.dataDir });
  }
  await migrateDatabase(database);
  const logger = loggerOptions(config.logLevel);
  let log: FastifyBaseLogger | null = null;
  const lateLog = {
    info: (obj: object, msg?: string) => log?.info(obj, msg),
    error: (obj: object, msg?: string) => log?.error(obj, msg),
  };
  const mailer = createMailer({
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    log: lateLog,
    timeoutMs: config.mailTimeoutMs,
  });
  // Live alerts reach a person on whichever process they are connected to (LISTEN/NOTIFY).
  const alertBus = await alertBusFor(config.databaseUrl, lateLog);
  const app = await buildApp({ database, config, clock: systemClock, mailer, registries, alertBus }, { logger });
  log = app.log;
  if (config.demo) {
    const loaded = await loadDemoIfEmpty(app.deps);
    if (loaded) app.log.info('demo trust loaded: see README.md for the sign-in details');
  }
  await app.listen({ port: config.port, host: config.host });
  // Unacknowledged urgent concerns and passed 24-hour deadlines, checked every 30 seconds.
  const dueJobs = startDueJobs(app.deps, app.log, config.dueJobsEveryMs);
  // E-mail this or another process committed but could not send, every few seconds.
  const mailWorker = startMailWorker(app.deps, app.log, config.mailEveryMs);
  // Audit entries sealed into the chain every second; a signed checkpoint written when due (ADR 0012).
  const auditSealing = startAuditSealing(app.deps, app.log);
  // Embedded only: `npm run backup` asks this process for a consistent dump over a local socket.
  const adminSocket = database.kind === 'pglite' ? await startAdminSocket(database, config.dataDir, app.log) : null;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `\nTandem is running at ${config.publicUrl} (${database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'}; ready in ${seconds} s)\n`,
  );

  const shutdown = (signal: string) => {
    app.log.info(`${signal} received, stopping`);
    // Requests first (what they write is then sealed and sent), then the background work.
    void app
      .close()
      .then(() => Promise.all([dueJobs.stop(), mailWorker.stop(), auditSealing.stop(), adminSocket?.close()]))
      .then(() => alertBus.close())
      .then(() => database.close())
      .finally(() => {
        release?.();
        process.exit(0);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error('Tandem could not start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
