/**
 * Which measure a key names: a built-in one (data in core, measures/builtin) or the school's own
 * ("custom:<measure id>"), at its latest version or at the version a questionnaire was given on.
 */
import { and, desc, eq } from 'drizzle-orm';
import { AppError, BUILTIN_MEASURES, builtinMeasure, type MeasureDefinition } from '@tandem/core';
import { customMeasures } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

export const CUSTOM_PREFIX = 'custom:';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The measure id in a school measure's key ("custom:<uuid>"), or null for any other key. */
export function customMeasureId(key: string): string | null {
  // In a URL the key may arrive as the bare id (a router may drop an escaped "custom:").
  const id = key.startsWith(CUSTOM_PREFIX) ? key.slice(CUSTOM_PREFIX.length) : key;
  return UUID.test(id) ? id : null;
}

/** The measure a key names in this school (latest version, or the one given), or undefined. */
export async function findMeasure(
  db: DbOrTx,
  schoolId: string,
  key: string,
  version?: number,
): Promise<MeasureDefinition | undefined> {
  const builtin = builtinMeasure(key);
  if (builtin) return version === undefined || version === builtin.version ? builtin : undefined;
  const id = customMeasureId(key);
  if (!id) return undefined;
  const [row] = await db
    .select({ definition: customMeasures.definition })
    .from(customMeasures)
    .where(
      and(
        eq(customMeasures.schoolId, schoolId),
        eq(customMeasures.measureId, id),
        version === undefined ? eq(customMeasures.status, 'in_use') : eq(customMeasures.version, version),
      ),
    )
    .orderBy(desc(customMeasures.version))
    .limit(1);
  return row?.definition;
}

/** As findMeasure, refusing an unknown key with a message for the field that named it. */
export async function requireMeasure(db: DbOrTx, schoolId: string, key: string, path = 'measureKey') {
  const m = await findMeasure(db, schoolId, key);
  if (!m) {
    throw new AppError('validation', 'unknown measure', {
      userMessage: 'Choose a questionnaire from the list.',
      fields: [{ path, message: 'Choose a questionnaire from the list' }],
    });
  }
  return m;
}

/** The measures a school may choose now: built in, then its own (latest version in use). */
export async function measuresOfSchool(db: DbOrTx, schoolId: string): Promise<MeasureDefinition[]> {
  const rows = await db
    .select({
      measureId: customMeasures.measureId,
      version: customMeasures.version,
      definition: customMeasures.definition,
    })
    .from(customMeasures)
    .where(and(eq(customMeasures.schoolId, schoolId), eq(customMeasures.status, 'in_use')))
    .orderBy(desc(customMeasures.version));
  const latest = new Map<string, MeasureDefinition>();
  for (const r of rows) if (!latest.has(r.measureId)) latest.set(r.measureId, r.definition);
  return [...BUILTIN_MEASURES, ...[...latest.values()].sort((a, b) => a.name.localeCompare(b.name))];
}

/** The latest version of a school's own measure, or 404. */
export async function latestCustomVersion(db: DbOrTx, schoolId: string, measureId: string) {
  const [row] = await db
    .select()
    .from(customMeasures)
    .where(and(eq(customMeasures.schoolId, schoolId), eq(customMeasures.measureId, measureId)))
    .orderBy(desc(customMeasures.version))
    .limit(1);
  if (!row) throw new AppError('not_found', 'measure not found');
  return row;
}
