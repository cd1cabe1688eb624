/**
 * The benchmark's databases. Each opened database gives two handles on the same data:
 * - `app`: the Database the application is built on. It is made as src/db/client.ts makes it, with
 *   one addition: a Drizzle logger that can record the statements a request issues, so the report
 *   can say how many statements each request costs and EXPLAIN the exact list query.
 * - `raw`: plain SQL on the same engine, for the "raw SQL for the same question" side. On PGlite it
 *   is the very same PGlite instance; on PostgreSQL a second pool of the same size on the same database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { Logger } from 'drizzle-orm';
import pg from 'pg';
import * as schema from '@tandem/core/schema';
import { migrateDatabase, type Database, type Db } from '../src/db/client';

export const POOL_SIZE = 10;

/** A function that runs one SQL statement and returns its rows. */
export type Query = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

export interface RawDb {
  query: Query;
  /** Run statements in one transaction on one connection. */
  transaction<R>(fn: (query: Query) => Promise<R>): Promise<R>;
}

export interface CapturedStatement {
  sql: string;
  params: unknown[];
}

/** Records the statements Drizzle sends while `capturing` is set. */
export class StatementCapture implements Logger {
  private statements: CapturedStatement[] | null = null;
  logQuery(query: string, params: unknown[]): void {
    // Transaction control is logged by some drivers and not others: count only the work.
    if (/^\s*(begin|commit|rollback|savepoint|release)\b/i.test(query)) return;
    this.statements?.push({ sql: query, params });
  }
  /** Run fn and return the statements issued while it ran (only use with nothing else in flight). */
  async during(fn: () => Promise<unknown>): Promise<CapturedStatement[]> {
    this.statements = [];
    try {
      await fn();
      return this.statements;
    } finally {
      this.statements = null;
    }
  }
}

export interface BenchDatabase {
  label: string;
  kind: 'pglite' | 'postgres';
  app: Database;
  raw: RawDb;
  capture: StatementCapture;
  close(): Promise<void>;
}

export interface PgliteOptions {
  /** A directory to keep the data in; in memory when null. */
  dataDir: string | null;
}

export async function openBenchPglite(label: string, options: PgliteOptions): Promise<BenchDatabase> {
  const tempDir = options.dataDir === 'tmp' ? fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-')) : null;
  const dataDir = tempDir ?? options.dataDir;
  const client = await PGlite.create(dataDir ? { dataDir } : {});
  const capture = new StatementCapture();
  const db = drizzlePglite(client, { schema, logger: capture }) as unknown as Db;
  const app: Database = {
    db,
    kind: 'pglite',
    raw: async <T>(text: string, params?: unknown[]) => (await client.query<T>(text, params)).rows,
    close: () => client.close(),
  };
  const query: Query = async <T>(text: string, params?: unknown[]) => (await client.query<T>(text, params)).rows;
  const raw: RawDb = {
    query,
    transaction: (fn) =>
      client.transaction((tx) =>
        fn(async <T>(text: string, params?: unknown[]) => (await tx.query<T>(text, params)).rows),
      ),
  };
  await migrateDatabase(app);
  return {
    label,
    kind: 'pglite',
    app,
    raw,
    capture,
    async close() {
      await client.close();
      if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
    },
  };
}

/** The server's maintenance database on the same server (for CREATE and DROP DATABASE). */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Create (afresh) a database named `name` on the server of serverUrl, migrate it, and open it. */
export async function openBenchPostgres(label: string, serverUrl: string, name: string): Promise<BenchDatabase> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe database name ${name}`);
  await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
  await adminQuery(serverUrl, `create database ${name}`);
  const url = withDatabase(serverUrl, name);
  const appPool = new pg.Pool({ connectionString: url, max: POOL_SIZE, options: '-c jit=off' });
  appPool.on('error', () => undefined);
  const rawPool = new pg.Pool({ connectionString: url, max: POOL_SIZE, options: '-c jit=off' });
  rawPool.on('error', () => undefined);
  const capture = new StatementCapture();
  const db = drizzlePg(appPool, { schema, logger: capture }) as unknown as Db;
  const app: Database = {
    db,
    kind: 'postgres',
    raw: async <T>(text: string, params?: unknown[]) => (await appPool.query(text, params)).rows as T[],
    close: () => appPool.end(),
  };
  const query: Query = async <T>(text: string, params?: unknown[]) => (await rawPool.query(text, params)).rows as T[];
  const raw: RawDb = {
    query,
    async transaction(fn) {
      const client = await rawPool.connect();
      try {
        await client.query('begin');
        const result = await fn(
          async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[],
        );
        await client.query('commit');
        return result;
      } catch (err) {
        await client.query('rollback');
        throw err;
      } finally {
        client.release();
      }
    },
  };
  await migrateDatabase(app);
  return {
    label,
    kind: 'postgres',
    app,
    raw,
    capture,
    async close() {
      await appPool.end();
      await rawPool.end();
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}
