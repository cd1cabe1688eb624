/**
 * The self-assessment in the demo trust:
 *  - Kingsmead, the county framework: last year's assessment ("2025 to 2026"), confirmed by the
 *    head, mostly emerging and established; this year's ("2026 to 2027") in draft, 42 of 48
 *    statements rated by the SMHL and colleagues, several better than last year; staff skills,
 *    partnerships and the voice of the child are still below established (the action plan's
 *    proposals, and the links to the resource library).
 *  - Willow Brook: a draft of the eight principles, just begun by the head.
 * Inserted in the demo transaction, not audited. Evidence is about the school, never a pupil.
 */
import { RATINGS, statementsOf, type Framework, type Rating } from '@tandem/core';
import { assessmentRatings, assessments, type StoredEvidence } from '@tandem/core/schema';
import type { Tx } from '../db/client';

const DAY = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);

/** Ratings as letters, in statement order: N not in place, E emerging, S established, M embedded, - not rated. */
const LETTER: Record<string, Rating | null> = {
  N: 'not_in_place',
  E: 'emerging',
  S: 'established',
  M: 'embedded',
  '-': null,
};

const LAST_YEAR: Record<string, string> = {
  'county.ethos': 'ESESEEN',
  'county.staff_skills': 'EESEEN',
  'county.policies': 'SESESSEN',
  'county.relationships': 'SESSESSEE',
  'county.partnerships': 'EENEESE',
  'county.voice': 'ENEN',
  'county.flexible_response': 'SEESESE',
};

const THIS_YEAR: Record<string, string> = {
  'county.ethos': 'SSSSESE',
  'county.staff_skills': 'SESSEE',
  'county.policies': 'SSSESSEE',
  'county.relationships': 'SSSSSSMES',
  'county.partnerships': 'SEESES-',
  'county.voice': 'EE--',
  'county.flexible_response': 'SSSS---',
};

type Said = { text: string; links?: { url: string; label: string }[]; by?: string };

const SMHL = 'sam.patel@kingsmead.example';
const HEAD = 'helen.carter@kingsmead.example';
const DSL = 'chris.okafor@kingsmead.example';
const SENDCO = 'mark.hughes@kingsmead.example';
const PASTORAL = 'tom.fletcher@kingsmead.example';

const LAST_YEAR_EVIDENCE: Record<string, string> = {
  'county.ethos.1': 'Vision drafted by the leadership team; not yet shared with pupils or parents.',
  'county.ethos.7': 'No regular community links beyond the summer fair.',
  'county.staff_skills.6': 'Not yet used: staff have asked for training.',
  'county.policies.8': 'No pupil versions of any policy yet.',
  'county.partnerships.3': 'Parents’ views last sought three years ago.',
  'county.voice.2': 'The school council meets, but wellbeing is not on its agenda.',
  'county.voice.4': 'No way yet for quieter or more vulnerable pupils to be heard.',
};

const THIS_YEAR_EVIDENCE: Record<string, Said> = {
  'county.ethos.1': {
    text: 'Vision rewritten with the school council and parent forum in September; on every classroom wall and the website.',
    links: [{ url: 'https://www.kingsmead.example/our-vision', label: 'Our vision on the school website' }],
    by: HEAD,
  },
  'county.ethos.2': {
    text: 'Care and respect are the first two of our five values; assemblies follow them each half term.',
    by: HEAD,
  },
  'county.ethos.3': { text: 'Belonging survey in Year 7 and Year 9: 81% say they feel they belong (up from 72%).' },
  'county.ethos.5': {
    text: 'Most pupils feel safe (pupil survey 86%), but fewer feel they can achieve in Year 10. Next step: Year 10 focus group.',
  },
  'county.ethos.6': {
    text: 'Every form has a worry box; tutors check it weekly. Listening training for tutors in October.',
  },
  'county.ethos.7': {
    text: 'Two community projects this year (food bank, care home visits). Still ad hoc.',
    by: PASTORAL,
  },
  'county.staff_skills.1': {
    text: 'Staff wellbeing survey each spring; workload charter agreed with unions.',
    by: HEAD,
  },
  'county.staff_skills.2': {
    text: 'Supervision for the DSL team and the ELSA monthly. Other staff have no regular supervision yet.',
    by: DSL,
  },
  'county.staff_skills.3': { text: 'Buddy system for new staff; wellbeing team runs a termly social.' },
  'county.staff_skills.4': { text: 'Staff survey: 74% feel able to ask for help (up from 61%).' },
  'county.staff_skills.5': { text: 'Issues often wait for the next line-management meeting: no quick route yet.' },
  'county.staff_skills.6': { text: 'Three staff trained in solution circles; not yet used across the school.' },
  'county.policies.1': { text: 'Mental health policy reviewed with two parent governors in November.', by: HEAD },
  'county.policies.2': { text: 'Weekly staff briefing has a standing wellbeing item; concerns logged in Tandem.' },
  'county.policies.3': {
    text: 'Induction includes mental health awareness and how to log a concern (see the training record).',
  },
  'county.policies.4': {
    text: 'SEND and pastoral teams meet fortnightly; heads of department not yet included.',
    by: SENDCO,
  },
  'county.policies.5': {
    text: 'Safeguarding and anti-bullying policies now refer to mental health; attendance policy not yet.',
    by: DSL,
  },
  'county.policies.8': {
    text: 'Pupil version of the anti-bullying policy written with the school council; others to follow.',
  },
  'county.relationships.2': {
    text: 'Restorative conversations used after incidents across the school since January.',
    by: PASTORAL,
  },
  'county.relationships.7': {
    text: 'Induction days for new Year 7 and a buddy for every mid-year arrival; welcome pack reviewed each year.',
    by: PASTORAL,
  },
  'county.relationships.8': { text: 'Peer mentors trained in Year 10; twelve pupils mentored this year.' },
  'county.partnerships.1': { text: 'Parent workshops on anxiety and sleep were well attended (about 60 families).' },
  'county.partnerships.3': { text: 'Parent survey planned for spring; so far views come only from the parent forum.' },
  'county.partnerships.4': { text: 'SMHL network meets termly with the other trust schools.' },
  'county.partnerships.6': {
    text: 'Termly link meeting with the Mental Health Support Team and the local CAMHS; referrals tracked in Tandem.',
    by: SENDCO,
  },
  'county.voice.1': {
    text: 'Wellbeing is now on the school council agenda, but pupils have not yet shaped any decision.',
  },
  'county.voice.2': { text: 'Belonging questions added to the pupil survey; results not yet shared back with pupils.' },
  'county.flexible_response.1': {
    text: 'Pupil profiles record what matters to each pupil; reviewed at each plan review.',
    by: SENDCO,
  },
  'county.flexible_response.2': {
    text: 'Needs assessed with the graduated approach; reasonable adjustments in the accessibility plan.',
    by: SENDCO,
  },
  'county.flexible_response.3': {
    text: 'Plans are reviewed against what worked before; outcomes recorded in Tandem.',
    by: SENDCO,
  },
  'county.flexible_response.4': {
    text: 'Flexible timetables and a quiet base at lunch for pupils who need them.',
    by: PASTORAL,
  },
};

function ratingsOf(framework: Framework, letters: Record<string, string>) {
  const counters = new Map<string, number>();
  return statementsOf(framework).map((s) => {
    const n = counters.get(s.areaKey) ?? 0;
    counters.set(s.areaKey, n + 1);
    const letter = letters[s.areaKey]?.[n] ?? '-';
    return { key: s.key, rating: LETTER[letter] ?? null };
  });
}

const evidenceOf = (said: Said | undefined): StoredEvidence[] =>
  (said?.links ?? []).map((l) => ({ kind: 'link', url: l.url, label: l.label }));

export async function seedDemoAssessments(
  tx: Tx,
  o: { schoolIds: Map<string, string>; userIds: Map<string, string>; now: Date },
): Promise<{ lastYearId: string; thisYearId: string }> {
  const { now } = o;
  const schoolId = o.schoolIds.get('kingsmead');
  if (!schoolId) throw new Error('demo: no Kingsmead');
  const user = (email: string) => {
    const id = o.userIds.get(email);
    if (!id) throw new Error(`demo: no user ${email}`);
    return id;
  };
  const lastStarted = new Date(now.getTime() - 400 * DAY);
  const lastConfirmed = new Date(now.getTime() - 330 * DAY);
  const [last] = await tx
    .insert(assessments)
    .values({
      schoolId,
      framework: 'county',
      periodLabel: '2025 to 2026',
      startedOn: day(lastStarted),
      startedBy: user(SMHL),
      status: 'confirmed',
      confirmedAt: lastConfirmed,
      confirmedBy: user(HEAD),
      previousId: null,
      createdAt: lastStarted,
    })
    .returning({ id: assessments.id });
  if (!last) throw new Error('demo: assessment not stored');
  await tx.insert(assessmentRatings).values(
    ratingsOf('county', LAST_YEAR).map((r, i) => ({
      schoolId,
      assessmentId: last.id,
      statementKey: r.key,
      rating: r.rating,
      evidenceText: LAST_YEAR_EVIDENCE[r.key] ?? '',
      evidence: [],
      version: 1,
      updatedBy: user(i % 3 === 0 ? HEAD : SMHL),
      updatedAt: new Date(lastStarted.getTime() + (10 + (i % 40)) * DAY),
    })),
  );

  const started = new Date(now.getTime() - 50 * DAY);
  const [current] = await tx
    .insert(assessments)
    .values({
      schoolId,
      framework: 'county',
      periodLabel: '2026 to 2027',
      startedOn: day(started),
      startedBy: user(SMHL),
      status: 'draft',
      previousId: last.id,
      createdAt: started,
    })
    .returning({ id: assessments.id });
  if (!current) throw new Error('demo: assessment not stored');
  await tx.insert(assessmentRatings).values(
    ratingsOf('county', THIS_YEAR)
      .filter((r) => r.rating !== null || THIS_YEAR_EVIDENCE[r.key])
      .map((r, i) => {
        const said = THIS_YEAR_EVIDENCE[r.key];
        return {
          schoolId,
          assessmentId: current.id,
          statementKey: r.key,
          rating: r.rating,
          evidenceText: said?.text ?? '',
          evidence: evidenceOf(said),
          version: said ? 2 : 1,
          updatedBy: user(said?.by ?? SMHL),
          updatedAt: new Date(started.getTime() + (3 + (i % 45)) * DAY + (i % 7) * 3_600_000),
        };
      }),
  );

  await seedWillowBrook(tx, o, now);
  return { lastYearId: last.id, thisYearId: current.id };
}

/** Willow Brook's head has just begun the eight principles. */
async function seedWillowBrook(
  tx: Tx,
  o: { schoolIds: Map<string, string>; userIds: Map<string, string> },
  now: Date,
): Promise<void> {
  const schoolId = o.schoolIds.get('willow');
  const head = o.userIds.get('ruth.adams@willowbrook.example');
  if (!schoolId || !head) return;
  const started = new Date(now.getTime() - 12 * DAY);
  const [row] = await tx
    .insert(assessments)
    .values({
      schoolId,
      framework: 'principles',
      periodLabel: '2026 to 2027',
      startedOn: day(started),
      startedBy: head,
      status: 'draft',
      createdAt: started,
    })
    .returning({ id: assessments.id });
  if (!row) return;
  const some = statementsOf('principles').slice(0, 6);
  await tx.insert(assessmentRatings).values(
    some.map((s, i) => ({
      schoolId,
      assessmentId: row.id,
      statementKey: s.key,
      rating: RATINGS[(i % 3) + 1] ?? null,
      evidenceText: i === 0 ? 'Wellbeing is a standing item at every governors’ meeting.' : '',
      evidence: [],
      version: 1,
      updatedBy: head,
      updatedAt: new Date(started.getTime() + (i + 1) * DAY),
    })),
  );
}
