/**
 * The set-based writes of an applied import, every one scoped to the school. Writes go in batches
 * (INSERT ... SELECT and UPDATE ... FROM a record set of up to 500 rows): PGlite manages about
 * 4,000 single-row statements a second, so a 2,000-pupil file must not be written one row at a time.
 */
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { ContactPlan, CtfPlan, GroupPlan, ImportPhase, PupilOptionalField, PupilPlan } from '@tandem/core';
import { contacts, pupils, teachingGroupPupils, teachingGroups, teachingGroupStaff } from '@tandem/core/schema';
import type { DbOrTx } from '../../db/client';

export const BATCH = 500;

function batches<T>(items: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type Progress = (done: number) => void;

type Table =
  typeof pupils | typeof contacts | typeof teachingGroups | typeof teachingGroupPupils | typeof teachingGroupStaff;

/**
 * A batch of rows as ONE JSON parameter, read back as a typed record set. Thousands of bind
 * parameters cost far more to build and parse than the write itself (measured: about 100 ms per
 * 500-row batch through Drizzle's VALUES builder, against 15 ms for the insert in PostgreSQL).
 */
function recordSet(columns: readonly PgColumn[], rows: readonly (readonly unknown[])[]): SQL {
  const json = JSON.stringify(rows.map((r) => Object.fromEntries(columns.map((c, i) => [c.name, r[i] ?? null]))));
  const defs = sql.join(
    columns.map((c) => sql`${sql.identifier(c.name)} ${sql.raw(c.getSQLType())}`),
    sql`, `,
  );
  return sql`jsonb_to_recordset(${json}::jsonb) as v(${defs})`;
}

const names = (columns: readonly PgColumn[], prefix?: string) =>
  sql.join(
    columns.map((c) => (prefix ? sql`${sql.raw(prefix)}.${sql.identifier(c.name)}` : sql.identifier(c.name))),
    sql`, `,
  );

/** INSERT INTO table (school_id, cols..., stamps...) SELECT ... FROM the record set, in batches. */
async function insertRows(
  tx: DbOrTx,
  table: Table,
  schoolId: string,
  columns: readonly PgColumn[],
  rows: readonly (readonly unknown[])[],
  stamps: { columns: readonly PgColumn[]; at: Date },
  progress: Progress,
  options: { batchSize?: number; skipExisting?: boolean } = {},
): Promise<void> {
  // Only membership rows may already exist; a pupil or contact that does must fail the import.
  const onConflict = options.skipExisting ? sql` on conflict do nothing` : sql``;
  const stampValues = stamps.columns.map(() => sql`${stamps.at.toISOString()}::timestamptz`);
  const target = sql.join(
    [sql.identifier('school_id'), names(columns), ...stamps.columns.map((c) => sql.identifier(c.name))],
    sql`, `,
  );
  const source = sql.join([sql`${schoolId}::uuid`, names(columns, 'v'), ...stampValues], sql`, `);
  for (const batch of batches(rows, options.batchSize ?? BATCH)) {
    await tx.execute(
      sql`insert into ${table} (${target}) select ${source} from ${recordSet(columns, batch)}${onConflict}`,
    );
    progress(batch.length);
  }
}

/** UPDATE table AS t SET col = v.col, ... FROM the record set WHERE t.id = v.id, within the school. */
async function updateRows(
  tx: DbOrTx,
  table: typeof pupils | typeof contacts | typeof teachingGroups,
  schoolId: string,
  columns: readonly PgColumn[],
  rows: readonly { id: string; values: readonly unknown[] }[],
  alsoSet: SQL | undefined,
  progress: Progress,
): Promise<void> {
  if (columns.length === 0) return;
  const idColumn = pupils.id;
  const sets = sql.join(
    columns.map((c) => sql`${sql.identifier(c.name)} = v.${sql.identifier(c.name)}`),
    sql`, `,
  );
  for (const batch of batches(rows)) {
    const set = recordSet(
      [idColumn, ...columns],
      batch.map((r) => [r.id, ...r.values]),
    );
    await tx.execute(
      sql`update ${table} as t set ${sets}${alsoSet ?? sql``} from ${set} where t.id = v.id and t.school_id = ${schoolId}::uuid`,
    );
    progress(batch.length);
  }
}

/** Delete (group, member) pairs from a membership table, in batches. */
async function deletePairs(
  tx: DbOrTx,
  table: typeof teachingGroupPupils | typeof teachingGroupStaff,
  groupColumn: PgColumn,
  memberColumn: PgColumn,
  schoolId: string,
  pairs: readonly (readonly [string, string])[],
  progress: Progress,
): Promise<void> {
  for (const batch of batches(pairs, 2000)) {
    const set = recordSet([groupColumn, memberColumn], batch);
    await tx.execute(
      sql`delete from ${table} where school_id = ${schoolId}::uuid and (${names([groupColumn, memberColumn])}) in (select ${names([groupColumn, memberColumn], 'v')} from ${set})`,
    );
    progress(batch.length);
  }
}

const PUPIL_WRITE_COLUMNS: Record<
  PupilOptionalField | 'givenName' | 'familyName' | 'dateOfBirth' | 'yearGroup' | 'leftOn',
  PgColumn
> = {
  givenName: pupils.givenName,
  familyName: pupils.familyName,
  dateOfBirth: pupils.dateOfBirth,
  yearGroup: pupils.yearGroup,
  leftOn: pupils.leftOn,
  preferredName: pupils.preferredName,
  form: pupils.form,
  send: pupils.send,
  pupilPremium: pupils.pupilPremium,
  lookedAfter: pupils.lookedAfter,
  childInNeed: pupils.childInNeed,
  youngCarer: pupils.youngCarer,
  eal: pupils.eal,
  sex: pupils.sex,
};

export interface Tracker {
  phase(phase: ImportPhase): void;
  step: Progress;
}

export async function writePupilPlan(
  tx: DbOrTx,
  schoolId: string,
  plan: PupilPlan,
  today: string,
  now: Date,
  track: Tracker,
  /** Run for each pupil marked as left (the features' `onPupilLeft` hooks), in this transaction. */
  onLeft: (pupilId: string, leftOn: string) => Promise<void> = async () => undefined,
): Promise<void> {
  track.phase('adding');
  const insertKeys = [
    'upn',
    'givenName',
    'familyName',
    'preferredName',
    'dateOfBirth',
    'yearGroup',
    'form',
    'send',
    'pupilPremium',
    'lookedAfter',
    'childInNeed',
    'youngCarer',
    'eal',
    'sex',
    'leftOn',
  ] as const;
  await insertRows(
    tx,
    pupils,
    schoolId,
    insertKeys.map((k) => pupils[k]),
    plan.adds.map((r) => insertKeys.map((k) => r[k])),
    { columns: [pupils.createdAt, pupils.updatedAt], at: now },
    track.step,
  );
  track.phase('updating');
  // Only the columns the file had are written; the required ones are always there.
  const keys = ['givenName', 'familyName', 'dateOfBirth', 'yearGroup', 'leftOn', ...plan.fields] as const;
  await updateRows(
    tx,
    pupils,
    schoolId,
    keys.map((k) => PUPIL_WRITE_COLUMNS[k]),
    plan.updates.map((u) => ({ id: u.id, values: keys.map((k) => u.row[k]) })),
    sql`, updated_at = ${now.toISOString()}::timestamptz`,
    track.step,
  );
  track.phase('marking_left');
  for (const batch of batches(plan.leavers, 1000)) {
    const marked = await tx
      .update(pupils)
      .set({ leftOn: today, updatedAt: now })
      .where(
        and(
          eq(pupils.schoolId, schoolId),
          inArray(
            pupils.id,
            batch.map((p) => p.id),
          ),
          isNull(pupils.leftOn),
        ),
      )
      .returning({ id: pupils.id });
    for (const p of marked) await onLeft(p.id, today);
    track.step(batch.length);
  }
}

const CONTACT_WRITE_COLUMNS = {
  name: contacts.name,
  title: contacts.title,
  address: contacts.address,
  relationship: contacts.relationship,
  email: contacts.email,
  phone: contacts.phone,
  priority: contacts.priority,
  parentalResponsibility: contacts.parentalResponsibility,
  noContact: contacts.noContact,
} as const;

export async function writeContactPlan(
  tx: DbOrTx,
  schoolId: string,
  plan: ContactPlan,
  now: Date,
  track: Tracker,
): Promise<void> {
  track.phase('adding');
  const insertKeys = [
    'pupilId',
    'name',
    'title',
    'address',
    'relationship',
    'email',
    'phone',
    'priority',
    'parentalResponsibility',
    'noContact',
  ] as const;
  await insertRows(
    tx,
    contacts,
    schoolId,
    insertKeys.map((k) => contacts[k]),
    plan.adds.map((r) => insertKeys.map((k) => r[k])),
    { columns: [contacts.createdAt], at: now },
    track.step,
  );
  track.phase('updating');
  const keys = ['name', ...plan.fields] as const;
  await updateRows(
    tx,
    contacts,
    schoolId,
    keys.map((k) => CONTACT_WRITE_COLUMNS[k]),
    plan.updates.map((u) => ({ id: u.id, values: keys.map((k) => u.row[k]) })),
    undefined,
    track.step,
  );
}

export async function writeGroupPlan(
  tx: DbOrTx,
  schoolId: string,
  plan: GroupPlan,
  now: Date,
  track: Tracker,
): Promise<void> {
  track.phase('adding');
  const addPupils: [string, string][] = [];
  const addStaff: [string, string][] = [];
  const removePupils: [string, string][] = [];
  const removeStaff: [string, string][] = [];
  for (const batch of batches(plan.adds)) {
    const created = await tx
      .insert(teachingGroups)
      .values(batch.map((g) => ({ schoolId, code: g.code, name: g.name, createdAt: now })))
      .returning({ id: teachingGroups.id, code: teachingGroups.code });
    const idByCode = new Map(created.map((c) => [c.code, c.id]));
    for (const g of batch) {
      const id = idByCode.get(g.code);
      if (id === undefined) throw new Error('group insert returned no id');
      for (const p of g.pupilIds) addPupils.push([id, p]);
      for (const s of g.staffIds ?? []) addStaff.push([id, s]);
    }
    track.step(batch.length);
  }
  track.phase('updating');
  const renamed = plan.updates.filter((u) => u.nameChanged);
  await updateRows(
    tx,
    teachingGroups,
    schoolId,
    [teachingGroups.name],
    renamed.map((u) => ({ id: u.id, values: [u.target.name] })),
    undefined,
    () => undefined,
  );
  for (const u of plan.updates) {
    for (const p of u.addPupils) addPupils.push([u.id, p]);
    for (const p of u.removePupils) removePupils.push([u.id, p]);
    for (const s of u.addStaff) addStaff.push([u.id, s]);
    for (const s of u.removeStaff) removeStaff.push([u.id, s]);
  }
  track.step(plan.updates.length);
  track.phase('memberships');
  const noStamps = { columns: [], at: now };
  await deletePairs(
    tx,
    teachingGroupPupils,
    teachingGroupPupils.groupId,
    teachingGroupPupils.pupilId,
    schoolId,
    removePupils,
    track.step,
  );
  await deletePairs(
    tx,
    teachingGroupStaff,
    teachingGroupStaff.groupId,
    teachingGroupStaff.userId,
    schoolId,
    removeStaff,
    track.step,
  );
  await insertRows(
    tx,
    teachingGroupPupils,
    schoolId,
    [teachingGroupPupils.groupId, teachingGroupPupils.pupilId],
    addPupils,
    noStamps,
    track.step,
    { batchSize: 2000, skipExisting: true },
  );
  await insertRows(
    tx,
    teachingGroupStaff,
    schoolId,
    [teachingGroupStaff.groupId, teachingGroupStaff.userId],
    addStaff,
    noStamps,
    track.step,
    { batchSize: 2000, skipExisting: true },
  );
}

/** How many writes a plan makes, for the progress bar. */
export function planSize(plan: PupilPlan | ContactPlan | GroupPlan | CtfPlan): number {
  switch (plan.kind) {
    case 'ctf':
      return planSize(plan.pupils) + planSize(plan.contacts);
    case 'pupils':
      return plan.adds.length + plan.updates.length + plan.leavers.length;
    case 'contacts':
      return plan.adds.length + plan.updates.length;
    case 'groups':
      return (
        plan.adds.length +
        plan.updates.length +
        plan.adds.reduce((n, g) => n + g.pupilIds.length + (g.staffIds?.length ?? 0), 0) +
        plan.updates.reduce(
          (n, u) => n + u.addPupils.length + u.removePupils.length + u.addStaff.length + u.removeStaff.length,
          0,
        )
      );
  }
}
