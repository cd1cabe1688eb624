/**
 * One app process for the scale measurement (bench/scale.ts): the app as main.ts builds it, on the
 * PostgreSQL database of DATABASE_URL, listening on PORT, with the background work main.ts starts.
 * BENCH_NO_AUDIT=1 gives it an audit writer that appends nothing: the baseline "the same view's
 * selects without the audit append". It prints "ready" once listening.
 */
import { buildApp } from '../src/app';
import { systemClock } from '../src/clock';
import { loadConfig } from '../src/config';
import { openPostgres } from '../src/db/client';
import { registries } from '../src/features';
import type { Mailer } from '../src/mail/mailer';
import type { AppDeps } from '../src/platform/deps';
import { alertBusFor } from '../src/platform/alert-bus';
import { startAuditSealing } from '../src/audit/audit.background';

const url = process.env.DATABASE_URL;
const port = Number(process.env.PORT);
if (!url || !port) throw new Error('serve.ts needs DATABASE_URL and PORT');
const database = await openPostgres(url);
const config = {
  ...loadConfig({}),
  port,
  publicUrl: 'http://bench.test',
  webDistDir: null,
  demo: false,
  signInRateLimitPerMinute: 1_000_000,
};
const mailer: Mailer = { send: () => Promise.resolve() };
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const alertBus = await alertBusFor(url, quiet);
const deps: AppDeps = { database, config, clock: systemClock, mailer, registries, alertBus };
if (process.env.BENCH_NO_AUDIT === '1') deps.auditWriter = () => Promise.resolve();
const app = await buildApp(deps, { logger: process.env.BENCH_LOG ? { level: 'error' } : false });
await app.listen({ port, host: '127.0.0.1' });
const sealing = startAuditSealing(deps, quiet);
console.log('ready');
const stop = () => {
  void sealing
    .stop()
    .then(() => app.close())
    .then(() => database.close())
    .finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
