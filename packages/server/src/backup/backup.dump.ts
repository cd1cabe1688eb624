/**
 * Taking the database as it stands at one moment.
 *
 * Embedded (PGlite): `dumpDataDir` tars the data directory while holding PGlite's query mutex only,
 * so on its own it could fall between two statements of an open transaction. PGlite runs every
 * `query`, `exec` and `transaction` (Drizzle's transactions are PGlite transactions) while holding
 * its transaction mutex; so the dump here runs inside a transaction of its own, holding that mutex:
 * no other transaction is open or can start, the row counts are taken in the same moment, and the
 * tar is made synchronously from files nothing is writing. A CHECKPOINT first leaves the files
 * clean, so the restored database starts without replaying much WAL. The app waits while the tar
 * is made (well under a second for a school's database).
 *
 * PostgreSQL: a REPEATABLE READ transaction exports its snapshot, counts the rows in it, and
 * pg_dump runs with that snapshot (`--snapshot`), so the counts and the dump are the same moment.
 */
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export type RowCounts = Record<string, number>;

const TABLES = `select table_schema as s, table_name as t from information_schema.tables
  where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
  order by 1, 2`;

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Row counts of every table, in one statement (so in one snapshot). */
export async function countRows(query: <T>(text: string) => Promise<T[]>): Promise<RowCounts> {
  const tables = await query<{ s: string; t: string }>(TABLES);
  if (tables.length === 0) return {};
  const sql = tables
    .map(
      ({ s, t }) =>
        `select '${`${s}.${t}`.replaceAll("'", "''")}' as name, count(*)::int as n from ${quote(s)}.${quote(t)}`,
    )
    .join(' union all ');
  const rows = await query<{ name: string; n: number }>(sql);
  return Object.fromEntries(rows.map((r) => [r.name, r.n]));
}

/** A consistent dump of a live PGlite and its row counts at that moment. */
export async function dumpPglite(client: PGlite): Promise<{ tar: Blob; tables: RowCounts; at: Date }> {
  await client.exec('CHECKPOINT');
  let result: { tar: Blob; tables: RowCounts; at: Date } | null = null;
  await client.transaction(async (tx) => {
    const tables = await countRows(async <T>(text: string) => (await tx.query<T>(text)).rows);
    const at = new Date();
    const tar = await client.dumpDataDir('none');
    result = { tar, tables, at };
  });
  return result!;
}

/** Connection settings for the PostgreSQL tools, with the password in the environment, not argv. */
export function pgToolConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

export interface PgDump {
  tables: RowCounts;
  at: Date;
  /** pg_dump's output (custom format), to be read once. */
  stream: Readable;
  /** Resolves when pg_dump has finished well (and the snapshot is released); rejects otherwise. */
  done: Promise<void>;
}

/** pg_dump --format=custom of the database, with the row counts of the same snapshot. */
export async function dumpPostgres(url: string): Promise<PgDump> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const snapshot = (await client.query<{ s: string }>('select pg_export_snapshot() as s')).rows[0]!.s;
    const at = new Date();
    const tables = await countRows(async <T>(text: string) => (await client.query(text)).rows as T[]);
    const { dbname, env } = pgToolConnection(url);
    const child = spawn('pg_dump', ['--format=custom', `--snapshot=${snapshot}`, '--dbname', dbname], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const done = new Promise<void>((resolve, reject) => {
      child.on('error', (err) => reject(new Error(`pg_dump could not run: ${err.message}`)));
      child.on('close', (code) => {
        if (code === 0) resolve();
        else reject(new Error(`pg_dump failed (exit ${code}): ${stderr.trim()}`));
      });
    }).finally(() => client.query('commit').finally(() => client.end()));
    return { tables, at, stream: child.stdout, done };
  } catch (err) {
    await client.end();
    throw err;
  }
}
