/**
 * Loads the demo trust into an empty database: two schools, about 60 pupils each with parents and
 * tutor groups, and one account for every role. Inserted in batches: the embedded database writes
 * about 4,000 single rows a second but far more in batches.
 */
import { sql } from 'drizzle-orm';
import { makeUpn } from '@tandem/core';
import {
  contacts,
  pupils,
  roleAssignments,
  schools,
  teachingGroupPupils,
  teachingGroups,
  teachingGroupStaff,
  trusts,
  users,
} from '@tandem/core/schema';
import type { AppDeps } from '../platform/deps';
import { seedLevelFramework } from '../levels/levels.queries';
import { hashPassword } from '../auth/password';
import {
  DEMO_PASSWORD,
  DEMO_SCHOOLS,
  DEMO_TOTP_SECRET,
  DEMO_TRUST,
  DEMO_USERS,
  FAMILY_NAMES,
  GIVEN_NAMES,
} from './demo-data';
import { actorRequiresMfa, levelRank, type EvidenceKind, type LevelCode } from '@tandem/core';
import { levelChanges, levelDefinitions } from '@tandem/core/schema';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { seedDemoConcerns } from './demo-concerns';
import { seedDemoPlans } from './demo-plans';
import { seedDemoCaseload } from './demo-caseload';
import { seedDemoInterventions } from './demo-interventions';
import { seedDemoFamily } from './demo-family';
import { seedDemoReferrals } from './demo-referrals';
import { DEMO_MORE_STAFF } from './demo-staff';
import { seedWholeSchool } from './demo-whole-school';
import { seedTermlyReports } from './demo-termly-reports';
import { seedDemoReportHistory } from './demo-reports';
import { seedDemoMissing } from './demo-missing';
import { seedDemoAttendance } from './demo-attendance';
import { seedDemoEarly } from './demo-early';
import { seedDemoProvision } from './demo-provision';
import { seedDemoTransfers } from './demo-transfers';
import { seedDemoCalendar } from './demo-calendar';
import { seedDemoSso } from './demo-sso';
import { seedDemoRetention } from './demo-retention';
import { seedDemoSubjectAccess } from './demo-subject-access';

/** A small deterministic generator, so every fresh demo looks the same. */
function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

export const PUPILS_PER_SCHOOL = 60;

/** Olivia Clarke's father, at his own address (so the termly letters make two for her). */
const CLARKE_FATHER = {
  name: 'Daniel Clarke',
  title: 'Mr',
  relationship: 'Father',
  email: null,
  phone: '07700 900321',
  priority: 2,
  userId: null,
  address: '3 Mill Court\nEastfield\nRB5 1QP',
};

const DEMO_STREETS = ['Church Lane', 'Station Road', 'Meadow Close', 'Park Avenue', 'Willow Way', 'High Street'];

/** A made-up address for a demo family, the same on every run. */
function demoAddress(i: number): string {
  return `${(i % 97) + 1} ${DEMO_STREETS[i % DEMO_STREETS.length]}\nRiverbank\nRB${(i % 9) + 1} ${(i % 8) + 1}AA`;
}

export async function loadDemoIfEmpty(deps: AppDeps): Promise<boolean> {
  const { db } = deps.database;
  const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(trusts);
  if (n > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = deps.clock.now();
  await db.transaction(async (tx) => {
    const [trust] = await tx.insert(trusts).values({ name: DEMO_TRUST }).returning();
    if (!trust) throw new Error('demo trust not created');
    const schoolIds = new Map<string, string>();
    for (const s of DEMO_SCHOOLS) {
      const [row] = await tx
        .insert(schools)
        .values({ trustId: trust.id, name: s.name, urn: s.urn, dfeNumber: s.dfeNumber, letterhead: s.letterhead })
        .returning({ id: schools.id });
      if (!row) throw new Error('demo school not created');
      schoolIds.set(s.key, row.id);
      await seedLevelFramework(tx, row.id);
    }

    const userIds = new Map<string, string>();
    for (const u of [...DEMO_USERS, ...DEMO_MORE_STAFF]) {
      const needsMfa = actorRequiresMfa({
        assignments: u.roles.map((r) => ({ role: r.role, trustId: trust.id, schoolId: null })),
      });
      const [row] = await tx
        .insert(users)
        .values({
          email: u.email,
          displayName: u.displayName,
          passwordHash,
          totpSecret: needsMfa ? DEMO_TOTP_SECRET : null,
          totpEnabledAt: needsMfa ? now : null,
        })
        .returning({ id: users.id });
      if (!row) throw new Error('demo user not created');
      userIds.set(u.email, row.id);
      await tx.insert(roleAssignments).values(
        u.roles.map((r) => ({
          userId: row.id,
          trustId: trust.id,
          schoolId: r.school === 'trust' ? null : (schoolIds.get(r.school) as string),
          role: r.role,
        })),
      );
    }

    const rand = rng(20261122);
    let upnCounter = 0;
    for (const s of DEMO_SCHOOLS) {
      const schoolId = schoolIds.get(s.key) as string;
      const forms = s.years.flatMap((y) => s.formsPerYear.map((f) => ({ year: y, form: `${y === 0 ? 'R' : y}${f}` })));
      const pupilRows = Array.from({ length: PUPILS_PER_SCHOOL }, (_, i): typeof pupils.$inferInsert => {
        const { year, form } = forms[i % forms.length] as { year: number; form: string };
        const birthYear = 2026 - year - 5 - (now.getUTCMonth() >= 8 ? 0 : 1);
        const month = 9 + Math.floor(rand() * 12);
        const dob = `${month > 12 ? birthYear + 1 : birthYear}-${String(((month - 1) % 12) + 1).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
        upnCounter++;
        return {
          schoolId,
          // On roll since well before their level history began.
          createdAt: new Date(now.getTime() - 400 * 86_400_000),
          updatedAt: new Date(now.getTime() - 400 * 86_400_000),
          upn: makeUpn(`90000${s.key === 'kingsmead' ? 1 : 2}${String(upnCounter).padStart(6, '0')}`),
          givenName: pick(rand, GIVEN_NAMES),
          familyName: pick(rand, FAMILY_NAMES),
          dateOfBirth: dob,
          yearGroup: year,
          form,
          send: rand() < 0.12 ? 'support' : rand() < 0.03 ? 'ehcp' : 'none',
          pupilPremium: rand() < 0.25,
          lookedAfter: rand() < 0.03,
          childInNeed: rand() < 0.05,
          youngCarer: rand() < 0.05,
          eal: rand() < 0.15,
        };
      });
      if (s.key === 'kingsmead') {
        // The demo pupil and parent accounts belong to this child.
        Object.assign(pupilRows[4] as object, {
          givenName: 'Olivia',
          familyName: 'Clarke',
          userId: userIds.get('olivia.clarke@pupils.kingsmead.example'),
        });
      }
      const inserted = await tx
        .insert(pupils)
        .values(pupilRows)
        .returning({ id: pupils.id, form: pupils.form, familyName: pupils.familyName });
      await tx.insert(contacts).values(
        inserted.flatMap((p, i) => {
          const isClarke = s.key === 'kingsmead' && i === 4;
          const first = {
            schoolId,
            pupilId: p.id,
            name: isClarke ? 'Emma Clarke' : `${pick(rand, ['Mrs', 'Mr', 'Ms', 'Mx'])} ${p.familyName}`,
            relationship: isClarke ? 'Mother' : pick(rand, ['Mother', 'Father', 'Carer', 'Grandparent']),
            email: isClarke ? 'emma.clarke@family.example' : `parent${i + 1}.${s.key}@family.example`,
            phone: `07700 9${String(100_00 + i).padStart(5, '0')}`,
            priority: 1,
            userId: isClarke ? (userIds.get('emma.clarke@family.example') ?? null) : null,
            // Titles and addresses for the letters home; the random draws below are unchanged.
            title: isClarke ? 'Ms' : null,
            address: isClarke ? '14 Orchard Road\nRiverbank\nRB2 4JT' : demoAddress(i),
          };
          const second = rand() < 0.5 ? `${pick(rand, ['Mr', 'Mrs', 'Ms'])} ${p.familyName}` : null;
          // Olivia's parents live apart: each has parental responsibility, so each gets a letter.
          if (isClarke) return [first, { ...first, ...CLARKE_FATHER }];
          return second
            ? [
                first,
                {
                  ...first,
                  name: second,
                  relationship: 'Parent',
                  email: null,
                  priority: 2,
                  userId: null,
                },
              ]
            : [first];
        }),
      );
      await seedDemoLevels(tx, {
        schoolId,
        pupilIds: inserted.map((p) => p.id),
        changedBy: userIds.get(
          s.key === 'kingsmead' ? 'sam.patel@kingsmead.example' : 'ruth.adams@willowbrook.example',
        ) as string,
        now,
        rand,
        clarkeIndex: s.key === 'kingsmead' ? 4 : null,
      });
      const groups = await tx
        .insert(teachingGroups)
        .values(forms.map((f) => ({ schoolId, code: f.form, name: `Tutor group ${f.form}` })))
        .returning({ id: teachingGroups.id, code: teachingGroups.code });
      const groupByCode = new Map(groups.map((g) => [g.code, g.id]));
      await tx
        .insert(teachingGroupPupils)
        .values(inserted.map((p) => ({ schoolId, groupId: groupByCode.get(p.form) as string, pupilId: p.id })));
      for (const u of DEMO_USERS) {
        if (!u.tutorOf) continue;
        const groupId = groupByCode.get(u.tutorOf);
        if (groupId && u.roles.some((r) => r.school === s.key)) {
          await tx.insert(teachingGroupStaff).values({ schoolId, groupId, userId: userIds.get(u.email) as string });
        }
      }
    }
    await seedDemoConcerns(tx, { schoolId: schoolIds.get('kingsmead') as string, userIds, now });
    await seedDemoPlans(tx, { schoolIds, userIds, now });
    await seedDemoCaseload(tx, { schoolId: schoolIds.get('kingsmead') as string, userIds, now });
    await seedDemoInterventions(tx, { schoolId: schoolIds.get('kingsmead') as string, userIds, now });
    await seedDemoReferrals(tx, { trustId: trust.id, schoolId: schoolIds.get('kingsmead') as string, userIds, now });
    await seedDemoFamily(tx, { schoolIds, userIds, now });
    await seedWholeSchool(tx, { trustId: trust.id, schoolIds, userIds, now });
    // Last, so everything above is as it was written: sexes, a year of level history, earlier concerns.
    await seedDemoReportHistory(tx, { schoolIds, userIds, now });
    // Attendance, the missing list, reduced timetables and early identification (after the levels).
    await seedDemoProvision(tx, { schoolIds, userIds, now });
    await seedDemoTransfers(tx, { schoolIds, userIds, now });
    await seedDemoCalendar(tx, { schoolIds, userIds, now });
    await seedDemoSso(tx, { schoolIds, userIds, now });
    await seedDemoAttendance(tx, { schoolIds, now });
    await seedDemoMissing(tx, { schoolIds, userIds, now });
    await seedDemoEarly(tx, { schoolIds, userIds, now });
    await seedDemoRetention(tx, { schoolIds, userIds, now });
    // After every record it may review: subject access requests, one part-decided, one near its deadline.
    await seedDemoSubjectAccess(deps, tx, { schoolIds, userIds, now });
    // Last, from every record above: the termly reports the due job would have prepared.
    await seedTermlyReports(deps, tx, { schoolIds, now });
  });
  return true;
}

const DAY = 86_400_000;

/** Reasons and evidence as a Senior Mental Health Lead might record them: short, factual, no drama. */
const UP_REASONS: Record<LevelCode, { reason: string; evidence: { kind: EvidenceKind; description: string }[] }> = {
  MH1: {
    reason: 'Tutor and parent both report worries about friendships and lessons over several weeks.',
    evidence: [
      { kind: 'observation', description: 'Tutor notes: quieter in form time, has said she feels left out at lunch.' },
      { kind: 'information_from_home', description: 'Parent phoned: trouble getting to sleep before tests.' },
    ],
  },
  MH2: {
    reason: 'Worries continuing despite level 1 support; low self-esteem and disturbed sleep reported.',
    evidence: [
      { kind: 'score', description: 'Me and My Feelings: emotional difficulties 12 (clinically significant range).' },
      { kind: 'meeting', description: 'Mental health review meeting with parent: agreed in-school ELSA sessions.' },
    ],
  },
  MH3: {
    reason: 'Significant deterioration reported by home and school; GP involved.',
    evidence: [
      { kind: 'external_report', description: 'GP letter: diagnosis of anxiety disorder, referral to CAMHS made.' },
      {
        kind: 'observation',
        description: 'Head of Year: missed 6 lessons in two weeks, found upset in toilets twice.',
      },
    ],
  },
  MH4: {
    reason: 'Significantly unwell; risk assessment needed to support the pupil in school.',
    evidence: [
      {
        kind: 'external_report',
        description: 'CAMHS care coordinator letter: under the crisis team, medication started.',
      },
    ],
  },
  MH5: {
    reason: 'Unable to attend school safely on medical advice.',
    evidence: [
      { kind: 'external_report', description: 'Consultant letter: not fit to attend school for at least six weeks.' },
    ],
  },
};

/** Give about a third of the demo pupils a level, each with a believable history. */
async function seedDemoLevels(
  tx: DbOrTx,
  o: {
    schoolId: string;
    pupilIds: string[];
    changedBy: string;
    now: Date;
    rand: () => number;
    clarkeIndex: number | null;
  },
): Promise<void> {
  const defs = await tx
    .select({ id: levelDefinitions.id, code: levelDefinitions.code })
    .from(levelDefinitions)
    .where(and(eq(levelDefinitions.schoolId, o.schoolId), isNull(levelDefinitions.supersededAt)));
  const defId = new Map(defs.map((d) => [d.code, d.id]));
  const target = (i: number): LevelCode | null => {
    if (i === o.clarkeIndex) return 'MH2';
    const r = o.rand();
    if (r < 0.16) return 'MH1';
    if (r < 0.25) return 'MH2';
    if (r < 0.3) return 'MH3';
    if (r < 0.32) return 'MH4';
    if (r < 0.33) return 'MH5';
    return null;
  };
  const changes: (typeof levelChanges.$inferInsert)[] = [];
  const finals: { id: string; level: LevelCode; at: Date }[] = [];
  o.pupilIds.forEach((pupilId, i) => {
    const level = target(i);
    if (!level) return;
    // Climb one level at a time from Thriving, a few weeks apart, ending some days ago.
    const steps = (['MH1', 'MH2', 'MH3', 'MH4', 'MH5'] as const).slice(0, levelRank(level));
    let at = new Date(o.now.getTime() - (20 + Math.floor(o.rand() * 40)) * DAY - steps.length * 35 * DAY);
    let from: LevelCode | null = null;
    for (const to of steps) {
      at = new Date(at.getTime() + (21 + Math.floor(o.rand() * 21)) * DAY);
      changes.push({
        schoolId: o.schoolId,
        pupilId,
        fromLevel: from,
        toLevel: to,
        definitionId: defId.get(to) ?? null,
        reason: UP_REASONS[to].reason,
        evidence: UP_REASONS[to].evidence,
        changedBy: o.changedBy,
        changedAt: at,
      });
      from = to;
    }
    finals.push({ id: pupilId, level, at });
  });
  if (changes.length > 0) await tx.insert(levelChanges).values(changes);
  if (finals.length > 0) {
    const values = sql.join(
      finals.map((f) => sql`(${f.id}::uuid, ${f.level}, ${f.at.toISOString()}::timestamptz)`),
      sql`, `,
    );
    await tx.execute(
      sql`update pupils set current_level = v.level, level_changed_at = v.at from (values ${values}) as v(id, level, at) where pupils.id = v.id`,
    );
  }
}
