/**
 * The migrated, demo-loaded database every test file starts from: a PGlite data-directory dump, or
 * a PostgreSQL template database when DATABASE_URL is set. Copying it takes well under a second;
 * building a database from nothing takes several.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import * as schema from '@tandem/core/schema';
import { loadConfig } from '../src/config';
import { migrateDatabase, openPostgres, type Database } from '../src/db/client';
import { loadDemoIfEmpty } from '../src/demo/seed';
import { systemClock } from '../src/clock';
import type { AppDeps } from '../src/platform/deps';
import { registries } from '../src/features';

export const TEMPLATE_DIR = path.resolve(import.meta.dirname, '../../../.test-template');
/** Each run writes its own copy, so runs side by side never read each other's half-written file. */
export const PGLITE_TEMPLATE = path.join(TEMPLATE_DIR, `pglite-${process.pid}.tar`);

async function seed(database: Database): Promise<void> {
  await migrateDatabase(database);
  const deps = { database, clock: systemClock, config: loadConfig({}), registries } as unknown as AppDeps;
  await loadDemoIfEmpty(deps);
}

export async function buildPgliteTemplate(): Promise<string> {
  const client = await PGlite.create();
  const database: Database = {
    db: drizzle(client, { schema }),
    kind: 'pglite',
    raw: async <T>(text: string, params?: unknown[]) => (await client.query<T>(text, params)).rows,
    close: () => client.close(),
  };
  await seed(database);
  const dump = await client.dumpDataDir('none');
  fs.mkdirSync(TEMPLATE_DIR, { recursive: true });
  fs.writeFileSync(PGLITE_TEMPLATE, Buffer.from(await dump.arrayBuffer()));
  await client.close();
  return PGLITE_TEMPLATE;
}

/** Removes this run's copy of the template. */
export function removePgliteTemplate(): void {
  fs.rmSync(PGLITE_TEMPLATE, { force: true });
}

/** The server's own maintenance connection string (same server, database "postgres"). */
export function adminUrl(databaseUrl: string): string {
  const u = new URL(databaseUrl);
  u.pathname = '/postgres';
  return u.toString();
}

export function withDatabase(databaseUrl: string, name: string): string {
  const u = new URL(databaseUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function adminQuery(databaseUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl(databaseUrl) });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function buildPostgresTemplate(databaseUrl: string): Promise<string> {
  const name = `tandem_tpl_${process.pid}`;
  await adminQuery(databaseUrl, `drop database if exists ${name}`);
  await adminQuery(databaseUrl, `create database ${name}`);
  const database = await openPostgres(withDatabase(databaseUrl, name), 2);
  await seed(database);
  await database.close();
  return name;
}
