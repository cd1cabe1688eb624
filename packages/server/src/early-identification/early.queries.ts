/**
 * Early identification's SQL: the school's changed rules, the lead's reviews, and the size of each
 * group of pupils on roll for the rates. Every query names the school; lists of pupils are kept to
 * those the reader may see by the caller's case scope condition.
 */
import { and, desc, eq, gte, sql, type SQL } from 'drizzle-orm';
import { CHARACTERISTICS, type EarlyGroupKey, type EarlyRuleKind } from '@tandem/core';
import { earlyReviews, earlyRules, users } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import { characteristicSql } from '../platform/report-filters';
import { num, sqlRows } from '../platform/report-figures';

export type EarlyRuleRow = typeof earlyRules.$inferSelect & { changedByName: string | null };

/** The rules this school changed (a rule without a row runs at its defaults). */
export async function changedRules(db: DbOrTx, schoolId: string): Promise<EarlyRuleRow[]> {
  return db
    .select({
      id: earlyRules.id,
      schoolId: earlyRules.schoolId,
      kind: earlyRules.kind,
      enabled: earlyRules.enabled,
      params: earlyRules.params,
      revision: earlyRules.revision,
      changedBy: earlyRules.changedBy,
      changedAt: earlyRules.changedAt,
      changedByName: users.displayName,
    })
    .from(earlyRules)
    .leftJoin(users, eq(users.id, earlyRules.changedBy))
    .where(eq(earlyRules.schoolId, schoolId));
}

/** One changed rule, locked for a change (undefined while it runs at its defaults). */
export async function lockRule(db: DbOrTx, schoolId: string, kind: EarlyRuleKind) {
  const [row] = await db
    .select()
    .from(earlyRules)
    .where(and(eq(earlyRules.schoolId, schoolId), eq(earlyRules.kind, kind)))
    .for('update');
  return row;
}

export async function saveRule(
  db: DbOrTx,
  row: {
    schoolId: string;
    kind: EarlyRuleKind;
    enabled: boolean;
    params: Record<string, number>;
    revision: number;
    changedBy: string;
    changedAt: Date;
  },
): Promise<string> {
  const [saved] = await db
    .insert(earlyRules)
    .values(row)
    .onConflictDoUpdate({
      target: [earlyRules.schoolId, earlyRules.kind],
      set: {
        enabled: row.enabled,
        params: row.params,
        revision: row.revision,
        changedBy: row.changedBy,
        changedAt: row.changedAt,
      },
    })
    .returning({ id: earlyRules.id });
  return saved!.id;
}

export type ReviewRow = typeof earlyReviews.$inferSelect & { byName: string };

/** Each pupil's latest review since a moment, for the pupils `visible` allows (a condition on pupil id). */
export async function latestReviews(
  db: DbOrTx,
  schoolId: string,
  since: Date,
  visible: SQL,
): Promise<Map<string, ReviewRow>> {
  const rows = await db
    .select({ r: earlyReviews, byName: users.displayName })
    .from(earlyReviews)
    .innerJoin(users, eq(users.id, earlyReviews.reviewedBy))
    .where(and(eq(earlyReviews.schoolId, schoolId), gte(earlyReviews.reviewedAt, since), visible))
    .orderBy(desc(earlyReviews.reviewedAt));
  const out = new Map<string, ReviewRow>();
  for (const row of rows) if (!out.has(row.r.pupilId)) out.set(row.r.pupilId, { ...row.r, byName: row.byName });
  return out;
}

export async function insertReview(db: DbOrTx, row: typeof earlyReviews.$inferInsert): Promise<string> {
  const [saved] = await db.insert(earlyReviews).values(row).returning({ id: earlyReviews.id });
  return saved!.id;
}

/** How many pupils on roll (that `visible` allows) are in each group: all, and each characteristic. */
export async function groupSizes(db: DbOrTx, schoolId: string, visible: SQL): Promise<Record<EarlyGroupKey, number>> {
  // Unaliased, so that a case scope condition naming pupils.id applies.
  const counts = CHARACTERISTICS.map(
    (c) => sql`count(*) filter (where ${characteristicSql('pupils', c)}) as ${sql.raw(c)}`,
  );
  const [row] = await sqlRows<Record<string, unknown>>(
    db,
    sql`select count(*) as everyone, ${sql.join(counts, sql`, `)}
      from pupils where pupils.school_id = ${schoolId} and pupils.left_on is null and ${visible}`,
  );
  const out = { all: num(row?.everyone) } as Record<EarlyGroupKey, number>;
  for (const c of CHARACTERISTICS) out[c] = num(row?.[c]);
  return out;
}

/** The characteristics of these pupils (on roll, that `visible` allows), for counting by group. */
export async function characteristicsOf(
  db: DbOrTx,
  schoolId: string,
  ids: readonly string[],
  visible: SQL,
): Promise<Map<string, Set<EarlyGroupKey>>> {
  const out = new Map<string, Set<EarlyGroupKey>>();
  if (ids.length === 0) return out;
  const flags = CHARACTERISTICS.map((c) => sql`(${characteristicSql('pupils', c)}) as ${sql.raw(c)}`);
  const rows = await sqlRows<Record<string, unknown>>(
    db,
    sql`select pupils.id, ${sql.join(flags, sql`, `)} from pupils
      where pupils.school_id = ${schoolId} and pupils.left_on is null
        and pupils.id = any(${`{${ids.join(',')}}`}::uuid[]) and ${visible}`,
  );
  for (const row of rows) {
    const groups = new Set<EarlyGroupKey>(['all']);
    for (const c of CHARACTERISTICS) if (row[c] === true) groups.add(c);
    out.set(String(row.id), groups);
  }
  return out;
}
