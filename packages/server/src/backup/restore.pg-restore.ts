/**
 * A PostgreSQL backup restored with pg_restore, fed the pg_dump archive as it is read; and the
 * database emptied again if the restore fails part way. Connection strings are shown with their
 * password hidden.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import pg from 'pg';

export function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

/** Empties a PostgreSQL database this restore filled (it was checked empty before). */
export async function emptyPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      `select nspname as n from pg_namespace where nspname not in ('pg_catalog', 'information_schema')
       and nspname not like 'pg_toast%' and nspname not like 'pg_temp%'`,
    );
    for (const { n } of rows) await client.query(`drop schema "${n.replaceAll('"', '""')}" cascade`);
    await client.query('create schema if not exists public');
  } finally {
    await client.end();
  }
}

export function writeSink(stdin: NodeJS.WritableStream, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = stdin.write(chunk, (err) => (err ? reject(err) : undefined));
    if (ok) resolve();
    else stdin.once('drain', () => resolve());
  });
}

/** Starts pg_restore into the (empty) database; `done` settles when it exits, rejecting if it failed. */
export function startPgRestore(
  dbname: string,
  env: NodeJS.ProcessEnv,
): { child: ChildProcessWithoutNullStreams; done: Promise<void> } {
  const child = spawn(
    'pg_restore',
    ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', '--dbname', dbname],
    { env, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdin.on('error', () => undefined);
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', (err) => reject(new Error(`pg_restore could not run: ${err.message}`)));
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`pg_restore failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
  return { child, done };
}
