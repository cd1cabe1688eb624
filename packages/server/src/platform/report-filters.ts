/**
 * The pupils a report is about, as SQL every report source shares: the year group and the
 * characteristic asked for, on the `pupils` row the source has joined (by its alias). One
 * definition, so "Year 9, pupil premium" means the same pupils in every figure.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Characteristic } from '@tandem/core';
import type { ReportRequest } from './registries';

/** The condition on a characteristic, for the pupils row `p`. */
export function characteristicSql(p: string, c: Characteristic): SQL {
  const col = (name: string) => sql.raw(`${p}.${name}`);
  switch (c) {
    case 'send':
      return sql`${col('send')} <> 'none'`;
    case 'ehcp':
      return sql`${col('send')} = 'ehcp'`;
    case 'pupil_premium':
      return sql`${col('pupil_premium')}`;
    case 'looked_after':
      return sql`${col('looked_after')}`;
    case 'child_in_need':
      return sql`${col('child_in_need')}`;
    case 'young_carer':
      return sql`${col('young_carer')}`;
    case 'eal':
      return sql`${col('eal')}`;
    case 'female':
    case 'male':
      return sql`${col('sex')} = ${c}`;
  }
}

/**
 * `true`, or the year group and characteristic asked for, on the pupils row aliased `p`
 * (e.g. `pupilGroupSql('p', r)` inside `... join pupils p on ...`).
 */
export function pupilGroupSql(p: string, r: Pick<ReportRequest, 'yearGroup' | 'characteristic'>): SQL {
  const parts: SQL[] = [];
  if (r.yearGroup !== null) parts.push(sql`${sql.raw(`${p}.year_group`)} = ${r.yearGroup}`);
  if (r.characteristic !== null) parts.push(characteristicSql(p, r.characteristic));
  return parts.length === 0 ? sql`true` : sql.join(parts, sql` and `);
}

/** The school ids as a uuid[] parameter: `school_id = any(${schoolIdsSql(r)})`. */
export function schoolIdsSql(r: Pick<ReportRequest, 'schoolIds'>): SQL {
  return sql`${`{${r.schoolIds.join(',')}}`}::uuid[]`;
}
