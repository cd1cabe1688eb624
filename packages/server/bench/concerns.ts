/**
 * Measurement 6: logging a concern. The request body the form sends (ordinary and urgent, 3:1), and
 * the raw SQL doing the same work in one transaction, in two forms:
 * - the writes alone: concern, concern_pupils, the audit append (head locked FOR UPDATE, hash
 *   computed here), the alert row;
 * - every statement the app sends, in the app's order: the school lock, the double-submit check,
 *   the pupil check, the count for the reference, the writes, the draft removal, the trust and the
 *   recipients; after commit, for an urgent concern, who is on DSL duty.
 */
import { randomUUID } from 'node:crypto';
import type { LogConcernBody } from '@tandem/core';
import type { Query, RawDb } from './databases';
import { auditAppend } from './audit';

const ACCOUNT =
  'In form time the pupil was tearful and would not join their group. When I asked quietly if they were ' +
  'all right they said they had not been sleeping and that "everything is too much at the moment". They ' +
  'said things at home have been difficult since their grandparent died and that they do not want to come ' +
  'to school some days. They were calmer by the end of form time and went to their first lesson.';

/** Every fourth concern is urgent (risk of immediate harm: the DSL route); the rest go to the SMHL. */
export const isUrgent = (n: number): boolean => n % 4 === 3;

/** The body the concern form sends, with a fresh submission key. */
export function concernBody(pupilId: string, urgent: boolean): LogConcernBody {
  return {
    submissionKey: randomUUID(),
    pupilIds: [pupilId],
    occurredAt: new Date(Date.now() - 30 * 60_000).toISOString(),
    location: 'Form room',
    account: ACCOUNT,
    pupilWords: 'everything is too much at the moment',
    warningSigns: urgent ? ['talk_self_harm_suicide', 'hopelessness'] : ['withdrawal', 'sleep_routine'],
    othersPresent: '',
    riskOfImmediateHarm: urgent,
    possibleChildProtection: false,
    medicalEmergency: false,
    isDisclosure: false,
    pupilWillTellParents: false,
  };
}

export interface ConcernContext {
  schoolId: string;
  trustId: string;
  /** The member of staff logging (a tutor). */
  loggerId: string;
  /** Who is alerted: the SMHL for an ordinary concern, the DSL for an urgent one. */
  smhlId: string;
  dslId: string;
}

interface InsertedConcern {
  id: string;
}

const ALERT = {
  concern_logged: 'A new concern has been logged for your review.',
  urgent_concern_logged: 'URGENT: a concern needs the DSL now.',
};

async function insertConcern(
  q: Query,
  c: ConcernContext,
  body: LogConcernBody,
  reference: string,
  returning: string,
): Promise<InsertedConcern> {
  const now = new Date();
  const urgent = body.riskOfImmediateHarm;
  const [row] = await q<InsertedConcern>(
    `insert into concerns (school_id, reference, logged_by, logged_at, submission_key, occurred_at, location, account,
       pupil_words, warning_signs, others_present, risk_of_immediate_harm, possible_child_protection, medical_emergency,
       category, route, urgent, restricted, is_disclosure, status, parents_status, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, false, 'open', 'to_be_told', $4)
     returning ${returning}`,
    [
      c.schoolId,
      reference,
      c.loggerId,
      now,
      body.submissionKey,
      new Date(body.occurredAt),
      body.location,
      body.account,
      body.pupilWords ?? null,
      JSON.stringify(body.warningSigns),
      body.othersPresent,
      body.riskOfImmediateHarm,
      body.possibleChildProtection,
      body.medicalEmergency,
      urgent ? 'safeguarding' : 'mental_health',
      urgent ? 'dsl' : 'mental_health_lead',
      urgent,
      urgent,
    ],
  );
  if (!row) throw new Error('raw concern insert returned nothing');
  return row;
}

async function insertConcernPupil(q: Query, c: ConcernContext, body: LogConcernBody, concernId: string) {
  await q('insert into concern_pupils (school_id, concern_id, pupil_id) values ($1, $2, $3)', [
    c.schoolId,
    concernId,
    body.pupilIds[0] ?? '',
  ]);
}

async function auditLogged(q: Query, c: ConcernContext, concernId: string, urgent: boolean): Promise<void> {
  await auditAppend(q, {
    actorUserId: c.loggerId,
    trustId: c.trustId,
    schoolId: c.schoolId,
    action: 'concern.logged',
    subjectType: 'concern',
    subjectId: concernId,
    detail: { route: urgent ? 'dsl' : 'mental_health_lead', urgent, pupils: 1 },
  });
}

async function insertAlerts(q: Query, c: ConcernContext, concernId: string, urgent: boolean, people: string[]) {
  const kind = urgent ? 'urgent_concern_logged' : 'concern_logged';
  await q(
    `insert into alerts (school_id, user_id, kind, concern_id, message, created_at)
     select $1, u, $2, $3, $4, now() from unnest($5::uuid[]) as u`,
    [c.schoolId, kind, concernId, ALERT[kind], people],
  );
}

let rawReference = 0;

/** The writes alone, in one transaction (the reference is a counter: no count). */
export async function rawConcernWrites(db: RawDb, c: ConcernContext, body: LogConcernBody): Promise<void> {
  const urgent = body.riskOfImmediateHarm;
  await db.transaction(async (q) => {
    const row = await insertConcern(q, c, body, `B-${process.pid}-${++rawReference}`, 'id');
    await insertConcernPupil(q, c, body, row.id);
    await auditLogged(q, c, row.id, urgent);
    await insertAlerts(q, c, row.id, urgent, [urgent ? c.dslId : c.smhlId]);
  });
}

async function holders(q: Query, schoolId: string, roles: string[]) {
  return q<{ id: string; email: string; display_name: string }>(
    `select distinct u.id, u.email, u.display_name from role_assignments ra join users u on u.id = ra.user_id
     where ra.school_id = $1 and ra.role = any($2::text[]) and ra.revoked_at is null and u.disabled_at is null`,
    [schoolId, roles],
  );
}

/** Every statement the app sends for the concern (the session lookup aside), in its order. */
export async function rawConcernAllStatements(db: RawDb, c: ConcernContext, body: LogConcernBody): Promise<void> {
  const urgent = body.riskOfImmediateHarm;
  await db.transaction(async (q) => {
    await q('select id from schools where id = $1 for update', [c.schoolId]);
    const existing = await q('select * from concerns where school_id = $1 and logged_by = $2 and submission_key = $3', [
      c.schoolId,
      c.loggerId,
      body.submissionKey,
    ]);
    if (existing.length > 0) throw new Error('raw concern: submission key seen twice');
    const found = await q('select id from pupils where school_id = $1 and id = any($2::uuid[])', [
      c.schoolId,
      body.pupilIds,
    ]);
    if (found.length !== body.pupilIds.length) throw new Error('raw concern: pupil not found');
    const [{ n } = { n: 0 }] = await q<{ n: number }>('select count(*)::int as n from concerns where school_id = $1', [
      c.schoolId,
    ]);
    const reference = `C-${new Date().getUTCFullYear()}-${String(n + 1).padStart(4, '0')}`;
    const row = await insertConcern(q, c, body, reference, '*');
    await insertConcernPupil(q, c, body, row.id);
    await q('delete from concern_drafts where school_id = $1 and user_id = $2', [c.schoolId, c.loggerId]);
    await q('select trust_id from schools where id = $1', [c.schoolId]);
    await auditLogged(q, c, row.id, urgent);
    const people = (await holders(q, c.schoolId, urgent ? ['dsl', 'deputy_dsl'] : ['smhl', 'sendco'])).filter(
      (p) => p.id !== c.loggerId,
    );
    if (people.length !== 1) throw new Error(`raw concern: ${people.length} recipients`);
    await insertAlerts(
      q,
      c,
      row.id,
      urgent,
      people.map((p) => p.id),
    );
  });
  if (urgent) {
    // dslOnDuty: today's rota (none is set in the bench), then the whole DSL team.
    const day = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'Europe/London' }).format(new Date());
    const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(day) + 1;
    if (weekday <= 5) {
      await db.query(
        `select u.display_name, d.where_to_find from dsl_duty d join users u on u.id = d.user_id
         where d.school_id = $1 and d.weekday = $2`,
        [c.schoolId, weekday],
      );
    }
    await holders(db.query, c.schoolId, ['dsl', 'deputy_dsl']);
  }
}
