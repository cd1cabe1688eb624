/**
 * What every part of the server is given: the database, the settings, the clock, the mailer, and
 * what the features contribute to the platform's registries. It lives here, not in app.ts, so that
 * no feature imports the file that assembles the app.
 */
import type { Config } from '../config';
import type { Clock } from '../clock';
import type { Database } from '../db/client';
import type { Mailer } from '../mail/mailer';
import type { Registries } from './registries';
import type { AlertBus } from './alert-bus';
import type { appendAudit } from '../audit/audit.service';

export interface AppDeps {
  database: Database;
  config: Config;
  clock: Clock;
  mailer: Mailer;
  registries: Registries;
  /** Wakes people's live alert streams on whichever process they are connected to. */
  alertBus: AlertBus;
  /**
   * How gated work appends its audit entries: `appendAudit` unless given. Only the benchmark gives
   * another (a writer that appends nothing), to measure a view beside the same view unaudited.
   */
  auditWriter?: typeof appendAudit;
}
