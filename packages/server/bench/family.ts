/**
 * Measurement 11's data: parents with portal accounts (issue 12), added to the generated trust after
 * the referrals, so the rest of the trust is what the earlier measurements generated.
 *
 * In the measured school, pupils on roll with a plan in force that may be shared with parents (care,
 * crisis or risk, with an agreed version) and a meeting with next steps are given, each:
 * - a parent account (password only, like a parent who accepted the invitation) with the parent role,
 *   linked to their first contact with parental responsibility;
 * - their plans in force of those kinds marked shareable with parents;
 * - a place on the waiting list of one of the school's running interventions, in turn (so some are in
 *   ELSA's long queue, some in short ones), asked for by the parent in the portal, with the parent's
 *   support request that became it;
 * - a referral shared with parents: the pupil's newest one (not a draft, not restricted), or else a
 *   copy of an open one of the school's made for them;
 * - for every other parent, the plan's agreed version and the newest letter confirmed read; for the
 *   others, a questionnaire asked of them (Goal Based Outcomes, a check; half started); for every
 *   third, a message to the school that became a concern (an existing one about the child).
 */
import type { Query } from './databases';

export const FAMILY_PUPILS = 40;

export interface FamilyParent {
  pupilId: string;
  userId: string;
  email: string;
  contactId: string;
}

export interface FamilyGenerated {
  parents: FamilyParent[];
  rows: Record<string, number>;
}

export async function generateFamilies(
  q: Query,
  o: { schoolId: string; schoolIndex: number; trustId: string; smhlId: string; passwordHash: string; now: Date },
): Promise<FamilyGenerated> {
  const chosen = await q<{ id: string; contact_id: string; contact_name: string }>(
    `select p.id, c.id as contact_id, c.name as contact_name
     from pupils p
     join lateral (
       select c.id, c.name from contacts c
       where c.pupil_id = p.id and c.parental_responsibility and not c.no_contact and c.user_id is null
       order by c.priority, c.id limit 1
     ) c on true
     where p.school_id = $1 and p.left_on is null
       and exists (select 1 from plans pl where pl.pupil_id = p.id and pl.school_id = p.school_id and pl.ended_at is null
                     and pl.agreed_version is not null and pl.kind in ('care', 'crisis', 'risk'))
       and exists (select 1 from meetings m join meeting_actions a on a.meeting_id = m.id
                   where m.school_id = p.school_id and m.pupil_id = p.id)
     order by p.id limit $2`,
    [o.schoolId, FAMILY_PUPILS],
  );
  if (chosen.length < 8) throw new Error(`only ${chosen.length} pupils for the family portal`);
  const running = await q<{ id: string; name: string }>(
    `select id, name from interventions where school_id = $1 and status = 'running' order by name, id`,
    [o.schoolId],
  );
  if (running.length === 0) throw new Error('no running intervention for the waiting places');
  const referralColumns = (
    await q<{ column_name: string }>(
      `select column_name from information_schema.columns where table_name = 'referrals' and table_schema = current_schema()
       order by ordinal_position`,
    )
  ).map((r) => r.column_name);
  const [template] = await q<{ id: string }>(
    `select id from referrals where school_id = $1 and not restricted and status in ('waiting', 'accepted', 'acknowledged')
     order by (service = 'camhs') desc, sent_on desc, id limit 1`,
    [o.schoolId],
  );
  const rows: Record<string, number> = {
    parents: 0,
    shareablePlans: 0,
    waitingPlaces: 0,
    referralsShared: 0,
    referralsCopied: 0,
    messages: 0,
    confirmations: 0,
    questionnaires: 0,
  };
  const parents: FamilyParent[] = [];
  for (const [n, p] of chosen.entries()) {
    const email = `parent${n}.school${o.schoolIndex}@family.bench.example`;
    const [user] = await q<{ id: string }>(
      `insert into users (email, display_name, password_hash, created_at) values ($1, $2, $3, $4) returning id`,
      [email, p.contact_name, o.passwordHash, new Date(o.now.getTime() - (30 + n) * 86_400_000)],
    );
    if (!user) throw new Error('parent not inserted');
    await q(
      `insert into role_assignments (user_id, trust_id, school_id, role, granted_by) values ($1, $2, $3, 'parent', $4)`,
      [user.id, o.trustId, o.schoolId, o.smhlId],
    );
    await q('update contacts set user_id = $1 where id = $2', [user.id, p.contact_id]);
    parents.push({ pupilId: p.id, userId: user.id, email, contactId: p.contact_id });
    rows.parents = (rows.parents ?? 0) + 1;

    const shared = await q(
      `update plans set parent_shareable = true
       where school_id = $1 and pupil_id = $2 and ended_at is null and agreed_version is not null
         and kind in ('care', 'crisis', 'risk') returning id`,
      [o.schoolId, p.id],
    );
    rows.shareablePlans = (rows.shareablePlans ?? 0) + shared.length;

    // A waiting place the parent asked for, in the next running intervention the child is not in.
    const requestedAt = new Date(o.now.getTime() - (2 + (n % 20)) * 86_400_000);
    for (let k = 0; k < running.length; k++) {
      const i = running[(n + k) % running.length];
      if (!i) continue;
      const [open] = await q(
        `select 1 from intervention_places where intervention_id = $1 and pupil_id = $2 and status in ('waiting', 'in')`,
        [i.id, p.id],
      );
      if (open) continue;
      const key = `bench-family-${n}`;
      const [place] = await q<{ id: string }>(
        `insert into intervention_places (school_id, intervention_id, pupil_id, status, source, reason, requested_by, requested_at, submission_key)
         values ($1, $2, $3, 'waiting', 'parent', $4, $5, $6, $7) returning id`,
        [o.schoolId, i.id, p.id, 'Asked for by a parent in the family portal.', user.id, requestedAt, key],
      );
      if (!place) throw new Error('place not inserted');
      await q(
        `insert into family_messages (school_id, pupil_id, sent_by, kind, text, intervention_id, intervention_name, place_id, submission_key, sent_at)
         values ($1, $2, $3, 'support', $4, $5, $6, $7, $8, $9)`,
        [
          o.schoolId,
          p.id,
          user.id,
          'We think this group would help. She is finding mornings hard.',
          i.id,
          i.name,
          place.id,
          key,
          requestedAt,
        ],
      );
      rows.waitingPlaces = (rows.waitingPlaces ?? 0) + 1;
      rows.messages = (rows.messages ?? 0) + 1;
      break;
    }

    // A referral shared with the parent.
    const [own] = await q<{ id: string }>(
      `select id from referrals where school_id = $1 and pupil_id = $2 and status <> 'draft' and not restricted
       order by sent_on desc, id limit 1`,
      [o.schoolId, p.id],
    );
    if (own) {
      await q(
        `update referrals set shared_with_parents_at = least(sent_on::timestamptz + interval '2 days', $2::timestamptz),
                shared_with_parents_by = $3 where id = $1`,
        [own.id, o.now, o.smhlId],
      );
      rows.referralsShared = (rows.referralsShared ?? 0) + 1;
    } else if (template) {
      const replaced: Record<string, string> = {
        id: 'gen_random_uuid()',
        pupil_id: '$2::uuid',
        submission_key: '$3',
        shared_with_parents_at: '$4::timestamptz',
        shared_with_parents_by: '$5::uuid',
      };
      const select = referralColumns.map((c) => replaced[c] ?? `"${c}"`).join(', ');
      await q(
        `insert into referrals (${referralColumns.map((c) => `"${c}"`).join(', ')}) select ${select} from referrals where id = $1`,
        [template.id, p.id, `bench-family-${n}`, o.now, o.smhlId],
      );
      rows.referralsShared = (rows.referralsShared ?? 0) + 1;
      rows.referralsCopied = (rows.referralsCopied ?? 0) + 1;
    }

    // Every other parent has confirmed reading the plan and the newest letter.
    if (n % 2 === 0) {
      const confirmed = await q(
        `insert into family_confirmations (school_id, pupil_id, user_id, item, item_id, item_version, confirmed_at)
         select $1::uuid, $2::uuid, $3::uuid, 'plan', id, agreed_version, $4::timestamptz from plans
         where school_id = $1 and pupil_id = $2 and parent_shareable and ended_at is null and agreed_version is not null
         union all
         select $1::uuid, $2::uuid, $3::uuid, 'letter', id, 0, $4::timestamptz from (
           select id from level_shares where school_id = $1 and pupil_id = $2 and audience = 'parents'
           order by shared_at desc, id desc limit 1) l
         returning item`,
        [o.schoolId, p.id, user.id, o.now],
      );
      rows.confirmations = (rows.confirmations ?? 0) + confirmed.length;
    }
    // Every other parent has been asked to answer a questionnaire (Goal Based Outcomes, a parent's
    // check), half of them started.
    if (n % 2 === 1) {
      const created = new Date(o.now.getTime() - 5 * 86_400_000);
      await q(
        `insert into questionnaires (school_id, pupil_id, measure_key, measure_version, timepoint, respondent, status, due_on, created_by, created_at, started_at, updated_at)
         values ($1, $2, 'gbo', 1, 'check', 'parent', $3, ($4::timestamptz + interval '9 days')::date, $5, $4, $6, $4)`,
        [o.schoolId, p.id, n % 4 === 1 ? 'due' : 'in_progress', created, o.smhlId, n % 4 === 1 ? null : created],
      );
      rows.questionnaires = (rows.questionnaires ?? 0) + 1;
    }
    // Every third has told the school something at home, which became a concern about the child.
    if (n % 3 === 0) {
      const [concern] = await q<{ id: string }>(
        `select c.id from concerns c join concern_pupils cp on cp.concern_id = c.id
         where c.school_id = $1 and cp.pupil_id = $2 and not c.restricted order by c.id limit 1`,
        [o.schoolId, p.id],
      );
      if (concern) {
        await q(
          `insert into family_messages (school_id, pupil_id, sent_by, kind, text, concern_id, submission_key, sent_at)
           values ($1, $2, $3, 'tell', $4, $5, $6, $7)`,
          [
            o.schoolId,
            p.id,
            user.id,
            'He has not been sleeping well since half term and does not want to go in on Mondays.',
            concern.id,
            `bench-family-tell-${n}`,
            new Date(o.now.getTime() - 20 * 86_400_000),
          ],
        );
        rows.messages = (rows.messages ?? 0) + 1;
      }
    }
  }
  for (const t of [
    'users',
    'role_assignments',
    'contacts',
    'plans',
    'intervention_places',
    'referrals',
    'family_messages',
    'family_confirmations',
    'questionnaires',
  ]) {
    await q(`analyze ${t}`);
  }
  return { parents, rows };
}
