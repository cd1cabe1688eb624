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

export interface AppDeps {
  database: Database;
  config: Config;
  clock: Clock;
  mailer: Mailer;
  registries: Registries;
}
