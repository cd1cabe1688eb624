/**
 * Demo services directory and referrals, so each role sees what it should:
 *  - the national services for the trust, and Kingsmead's local ones from seed 000 (counselling,
 *    bereavement support, the local Mind and CAMHS), written in general terms; one local entry is
 *    past its yearly check, so the SMHL is reminded;
 *  - Kingsmead referrals (pupils in Years 10 and 11, those with a level first) in every state: a draft, sent, acknowledged, accepted, declined with the
 *    pupil signposted elsewhere, waiting past four weeks (flagged on the lead's home page), seen at a
 *    first appointment, closed; an emergency CAMHS referral started by a tutor; and one restricted
 *    social-care referral made without asking parents (the DSL team only).
 *
 * Pupils are chosen from those with no concern and no intervention place, so nothing here crosses
 * the other demo records. Inserted in the demo transaction, not audited. Every name is made up.
 */
import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import {
  londonToday,
  type ReferralPart,
  type ReferralService,
  type ReferralStatus,
  type ServiceDetails,
} from '@tandem/core';
import { concernPupils, interventionPlaces, pupils, referrals, referralSteps } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import { addDays } from '../platform/dates';
import { insertService } from '../referrals/services.queries';
import { seedNationalServices } from '../referrals/referrals.school';

const DAY = 86_400_000;

const LOCAL: (ServiceDetails & { checkedDaysAgo: number })[] = [
  {
    name: 'Local children’s counselling service',
    description:
      'A charity offering free one-to-one counselling in and out of school for young people who are struggling.',
    audiences: ['pupils'],
    ageFrom: 8,
    ageTo: 18,
    needs: ['anxiety', 'low_mood', 'family', 'general_wellbeing'],
    howToRefer: 'The school refers with the family’s agreement; families may also refer themselves by phone.',
    selfReferral: true,
    openingHours: 'Weekdays 9am to 5pm',
    phone: '01264 000001',
    text: '',
    web: 'https://counselling.example.org',
    checkedDaysAgo: 400,
  },
  {
    name: 'Children’s bereavement support',
    description:
      'Support for children and families after someone close has died: groups, one-to-one and advice for parents.',
    audiences: ['pupils', 'parents'],
    ageFrom: 4,
    ageTo: 18,
    needs: ['bereavement', 'family'],
    howToRefer: 'Families or school call the team; no GP letter needed.',
    selfReferral: true,
    openingHours: 'Weekdays 9am to 4pm',
    phone: '01264 000002',
    text: '',
    web: 'https://bereavement.example.org',
    checkedDaysAgo: 90,
  },
  {
    name: 'Local Mind',
    description: 'The local branch of Mind: wellbeing courses, peer support and advice for young people and families.',
    audiences: ['pupils', 'parents'],
    ageFrom: 11,
    ageTo: 25,
    needs: ['anxiety', 'low_mood', 'general_wellbeing', 'parenting'],
    howToRefer: 'Young people and parents book online or by phone.',
    selfReferral: true,
    openingHours: 'Weekdays 9am to 5pm',
    phone: '01264 000003',
    text: '',
    web: 'https://mind.example.org',
    checkedDaysAgo: 120,
  },
  {
    name: 'CAMHS (local NHS children’s mental health service)',
    description: 'The NHS service for children and young people with moderate to severe mental health difficulties.',
    audiences: ['pupils'],
    ageFrom: 0,
    ageTo: 18,
    needs: ['anxiety', 'low_mood', 'self_harm', 'suicidal_thoughts', 'eating', 'trauma', 'neurodevelopmental'],
    howToRefer: 'School, the GP or the family refers using the online referral form; include what school has tried.',
    selfReferral: true,
    openingHours: 'Weekdays 9am to 5pm; out of hours call NHS 111 option 2',
    phone: '0300 000 0004',
    text: '',
    web: 'https://camhs.example.nhs.uk/referral',
    checkedDaysAgo: 30,
  },
];

interface DemoReferral {
  service: ReferralService;
  local?: string;
  status: ReferralStatus;
  /** Days ago it was sent (null: a draft). */
  sentDaysAgo: number | null;
  steps: [ReferralStatus, number][];
  parts: Partial<Record<ReferralPart, string>>;
  consent: 'given' | 'not_sought' | null;
  consentNote?: string;
  declineReason?: string;
  signpostedTo?: string;
  restricted?: boolean;
  emergency?: boolean;
  by: 'smhl' | 'sendco' | 'dsl' | 'tutor';
}

const CAMHS_PARTS: Partial<Record<ReferralPart, string>> = {
  reason: 'Persistent low mood and worries that have not lifted with support in school.',
  durationImpact: 'Since the spring term; missing lessons most weeks and withdrawn from friends.',
  risk: 'No known self-harm. Safety plan agreed with the pupil and parents.',
  tried: 'Six ELSA sessions and a care plan with an exit card; small improvement, not sustained.',
  gp: 'The Andover Health Centre (example).',
};

const REFERRALS: DemoReferral[] = [
  {
    service: 'camhs',
    local: 'CAMHS',
    status: 'draft',
    sentDaysAgo: null,
    steps: [],
    parts: { reason: CAMHS_PARTS.reason },
    consent: null,
    by: 'smhl',
  },
  {
    service: 'camhs',
    local: 'CAMHS',
    status: 'waiting',
    sentDaysAgo: 40,
    steps: [
      ['sent', 40],
      ['acknowledged', 36],
      ['accepted', 30],
      ['waiting', 30],
    ],
    parts: CAMHS_PARTS,
    consent: 'given',
    by: 'smhl',
  },
  {
    service: 'camhs',
    local: 'CAMHS',
    status: 'declined',
    sentDaysAgo: 35,
    steps: [
      ['sent', 35],
      ['declined', 20],
    ],
    parts: CAMHS_PARTS,
    consent: 'given',
    declineReason: 'Does not meet the threshold for specialist help at present.',
    signpostedTo: 'Local Mind wellbeing course',
    by: 'sendco',
  },
  {
    service: 'mhst',
    status: 'first_appointment',
    sentDaysAgo: 30,
    steps: [
      ['sent', 30],
      ['accepted', 25],
      ['first_appointment', 12],
    ],
    parts: {
      reason: 'Worry about exams affecting sleep.',
      durationImpact: 'Since September; tired in lessons.',
      tried: 'Mindfulness group; some help.',
      pupilView: 'Would like to learn ways to calm down.',
    },
    consent: 'given',
    by: 'smhl',
  },
  {
    service: 'counselling',
    local: 'counselling',
    status: 'sent',
    sentDaysAgo: 6,
    steps: [['sent', 6]],
    parts: { reason: 'Struggling since parents separated.', pupilView: 'Wants someone outside school to talk to.' },
    consent: 'given',
    by: 'sendco',
  },
  {
    service: 'school_nurse',
    status: 'closed',
    sentDaysAgo: 70,
    steps: [
      ['sent', 70],
      ['accepted', 66],
      ['first_appointment', 60],
      ['closed', 40],
    ],
    parts: { reason: 'Sleep and eating routine advice.' },
    consent: 'given',
    by: 'smhl',
  },
  {
    service: 'early_help',
    status: 'acknowledged',
    sentDaysAgo: 10,
    steps: [
      ['sent', 10],
      ['acknowledged', 8],
    ],
    parts: {
      reason: 'Family under strain after a job loss; attendance dropping.',
      familyContext: 'Lives with mum and two younger brothers.',
      tried: 'Pastoral check-ins and breakfast club.',
    },
    consent: 'given',
    by: 'smhl',
  },
  {
    service: 'social_care',
    status: 'sent',
    sentDaysAgo: 3,
    steps: [['sent', 3]],
    parts: {
      reason: 'Information shared with the DSL about the pupil’s safety at home.',
      risk: 'See the restricted record.',
      familyContext: 'Details held by the DSL.',
    },
    consent: 'not_sought',
    consentNote: 'Asking parents could put the pupil at risk.',
    restricted: true,
    by: 'dsl',
  },
  {
    service: 'camhs',
    status: 'draft',
    sentDaysAgo: null,
    steps: [],
    parts: { reason: 'Said in tutor time that they could not cope and did not want to be here.' },
    consent: null,
    emergency: true,
    by: 'tutor',
  },
];

export async function seedDemoReferrals(
  tx: DbOrTx,
  o: { trustId: string; schoolId: string; userIds: ReadonlyMap<string, string>; now: Date },
): Promise<void> {
  const { schoolId, now } = o;
  const today = londonToday(now);
  const user = (email: string) => {
    const id = o.userIds.get(email);
    if (!id) throw new Error(`demo user ${email} missing`);
    return id;
  };
  const by = {
    smhl: user('sam.patel@kingsmead.example'),
    sendco: user('mark.hughes@kingsmead.example'),
    dsl: user('chris.okafor@kingsmead.example'),
    tutor: user('ben.wright@kingsmead.example'),
  };
  await seedNationalServices(tx, o.trustId, new Date(now.getTime() - 30 * DAY));
  const local = new Map<string, string>();
  for (const { checkedDaysAgo, ...details } of LOCAL) {
    const row = await insertService(tx, {
      trustId: o.trustId,
      schoolId,
      scope: 'school',
      details,
      checkedOn: addDays(today, -checkedDaysAgo),
      by: by.smhl,
      at: new Date(now.getTime() - checkedDaysAgo * DAY),
    });
    local.set(
      details.name.startsWith('CAMHS') ? 'CAMHS' : details.name.includes('counselling') ? 'counselling' : details.name,
      row.id,
    );
  }

  const busy = tx.select({ id: concernPupils.pupilId }).from(concernPupils).where(eq(concernPupils.schoolId, schoolId));
  const placed = tx
    .select({ id: interventionPlaces.pupilId })
    .from(interventionPlaces)
    .where(eq(interventionPlaces.schoolId, schoolId));
  const chosen = await tx
    .select({ id: pupils.id })
    .from(pupils)
    .where(
      and(
        eq(pupils.schoolId, schoolId),
        inArray(pupils.yearGroup, [10, 11]),
        notInArray(pupils.id, busy),
        notInArray(pupils.id, placed),
      ),
    )
    // Pupils with a level first: their record has history for a referral to draw on.
    .orderBy(sql`${pupils.currentLevel} is null`, asc(pupils.upn))
    .limit(REFERRALS.length);
  let n = 0;
  for (const d of REFERRALS) {
    const pupilId = chosen[n++]?.id;
    if (!pupilId) throw new Error('demo: not enough pupils for referrals');
    const madeAt = new Date(now.getTime() - ((d.sentDaysAgo ?? 1) + 2) * DAY);
    const at = (daysAgo: number) => addDays(today, -daysAgo);
    const first = d.steps.find(([s]) => s === 'first_appointment');
    const [row] = await tx
      .insert(referrals)
      .values({
        schoolId,
        pupilId,
        service: d.service,
        serviceId: d.local ? (local.get(d.local) ?? null) : null,
        parts: d.parts,
        consent: d.consent,
        consentNote: d.consentNote ?? '',
        restricted: d.restricted ?? false,
        emergency: d.emergency ?? false,
        status: d.status,
        sentOn: d.sentDaysAgo === null ? null : at(d.sentDaysAgo),
        firstAppointmentOn: first ? at(first[1]) : null,
        lastStepOn: d.steps.length > 0 ? at(d.steps[d.steps.length - 1]![1]) : null,
        declineReason: d.declineReason ?? null,
        signpostedTo: d.signpostedTo ?? null,
        madeBy: by[d.by],
        version: 1 + d.steps.length,
        createdAt: madeAt,
        updatedAt: madeAt,
      })
      .returning({ id: referrals.id });
    if (d.steps.length > 0) {
      await tx.insert(referralSteps).values(
        d.steps.map(([status, daysAgo]) => ({
          schoolId,
          referralId: row!.id,
          status,
          on: at(daysAgo),
          note: '',
          recordedBy: by[d.by === 'tutor' ? 'smhl' : d.by],
          recordedAt: new Date(now.getTime() - daysAgo * DAY),
        })),
      );
    }
  }
}
