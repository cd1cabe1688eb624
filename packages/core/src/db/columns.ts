/** Column shapes shared by the feature tables, so every timestamp is stored the same way. */
import { sql, type SQL } from 'drizzle-orm';
import { timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core';

/** When the row was made: set by the database unless the caller gives it. */
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** A point in time, always with its time zone. */
export const ts = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A check that a column holds one of a feature's enumerated values, written from the one array the
 * types, zod schemas and labels also come from. The values are constants of ours, never input.
 */
export const oneOf = (column: AnyPgColumn, values: readonly string[]): SQL =>
  sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(', '))})`;
