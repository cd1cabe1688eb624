/**
 * An embedded backup restored into PostgreSQL (moving an installation from the embedded database
 * to PostgreSQL): the unpacked data directory is opened with PGlite, the empty PostgreSQL database
 * is given the same migrations, and every table is copied row for row in one transaction, as JSON
 * read back by `json_populate_recordset` (exact for every type Tandem uses). Foreign keys are
 * dropped for the copy and added back at the end (so they are checked then, and order does not
 * matter); sequences are set to where they were.
 */
import { openPglite, openPostgres, migrateDatabase, type Database } from '../db/client';
import pg from 'pg';

const BATCH = 2000;

function q(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export async function copyEmbeddedToPostgres(dataDir: string, url: string): Promise<void> {
  const source: Database = await openPglite({ dataDir });
  try {
    const target = await openPostgres(url, 1);
    try {
      await migrateDatabase(target);
    } finally {
      await target.close();
    }
    const [sourceMigrations] = await source.raw<{ n: number }>(
      'select count(*)::int as n from drizzle.__drizzle_migrations',
    );
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const [targetMigrations] = (
        await client.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations')
      ).rows;
      if (sourceMigrations?.n !== targetMigrations?.n) {
        throw new Error(
          `the backup was made by a version of Tandem with ${sourceMigrations?.n} migrations, this one has ${targetMigrations?.n}: restore it with the same version`,
        );
      }
      await client.query('begin');
      const fks = (
        await client.query<{ tbl: string; name: string; def: string }>(
          `select format('%I.%I', n.nspname, c.relname) as tbl, con.conname as name,
                  pg_get_constraintdef(con.oid) as def
           from pg_constraint con join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace
           where con.contype = 'f' and n.nspname not in ('pg_catalog', 'information_schema')`,
        )
      ).rows;
      for (const fk of fks) await client.query(`alter table ${fk.tbl} drop constraint ${q(fk.name)}`);
      const tables = await source.raw<{ s: string; t: string }>(
        `select table_schema as s, table_name as t from information_schema.tables
         where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema', 'drizzle')
         order by 1, 2`,
      );
      for (const { s, t } of tables) {
        const name = `${q(s)}.${q(t)}`;
        // Rows the migrations themselves inserted (the audit chain's head) are replaced by the backup's.
        const [{ n } = { n: 0 }] = (await client.query<{ n: number }>(`select count(*)::int as n from ${name}`)).rows;
        if (n > 0) await client.query(`delete from ${name}`);
        let after = '(0,0)';
        for (;;) {
          const rows = await source.raw<{ c: string; j: string }>(
            `select ctid::text as c, row_to_json(x)::text as j from ${name} x where ctid > $1::tid order by ctid limit ${BATCH}`,
            [after],
          );
          if (rows.length === 0) break;
          await client.query(`insert into ${name} select * from json_populate_recordset(null::${name}, $1::json)`, [
            `[${rows.map((r) => r.j).join(',')}]`,
          ]);
          after = rows[rows.length - 1]!.c;
          if (rows.length < BATCH) break;
        }
      }
      const sequences = await source.raw<{ s: string; n: string; v: string | null }>(
        `select schemaname as s, sequencename as n, last_value::text as v from pg_sequences
         where schemaname not in ('pg_catalog', 'information_schema', 'drizzle')`,
      );
      for (const seq of sequences) {
        if (seq.v !== null) await client.query(`select setval($1, $2::bigint)`, [`${q(seq.s)}.${q(seq.n)}`, seq.v]);
      }
      for (const fk of fks) await client.query(`alter table ${fk.tbl} add constraint ${q(fk.name)} ${fk.def}`);
      await client.query('commit');
    } catch (err) {
      await client.query('rollback').catch(() => undefined);
      throw err;
    } finally {
      await client.end();
    }
  } finally {
    await source.close();
  }
}
