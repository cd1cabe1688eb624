/**
 * The demo policy register. Kingsmead keeps nine policies with realistic owners: safeguarding
 * (owned by the DSL, reviewed every year, its second version approved two months ago), mental
 * health and wellbeing (the SMHL, three versions), SEND, behaviour, attendance, medical conditions,
 * online safety (review due within a month), staff wellbeing, and anti-bullying (overdue for
 * review). Most staff have confirmed reading the current versions, but not all: the tutor Ben
 * Wright has read the first safeguarding version and not the new one, so it is on his home page.
 * Willow Brook has its safeguarding and mental health policies. Links point at the schools'
 * websites (no files). Inserted in the demo transaction, not audited.
 */
import { addDaysToDay, defaultNextReview, londonToday, type PolicyKind, type PolicyReaders } from '@tandem/core';
import { policies, policyReads, policyVersions } from '@tandem/core/schema';
import type { Tx } from '../db/client';
import { staffOfSchool } from '../platform/directory';
import type { SchoolStaffRole } from '@tandem/core';

interface DemoVersion {
  /** Approved this many days before the seed runs. */
  approvedDaysAgo: number;
  approvedBy: string;
  summary: string;
  /** When the review is set earlier than the kind's period (days after approval). */
  reviewAfterDays?: number;
}

interface DemoPolicy {
  kind: PolicyKind;
  title: string;
  slug: string;
  owner: string;
  readers: PolicyReaders;
  readerRoles?: SchoolStaffRole[];
  versions: DemoVersion[];
  /** Of the required readers, roughly this share has confirmed the current version. */
  readShare: number;
  /** Required readers who have not confirmed the current version (whatever the share). */
  notReadBy?: string[];
}

const KINGSMEAD: DemoPolicy[] = [
  {
    kind: 'safeguarding',
    title: 'Safeguarding and child protection policy',
    slug: 'safeguarding',
    owner: 'chris.okafor@kingsmead.example',
    readers: 'all_staff',
    versions: [
      { approvedDaysAgo: 430, approvedBy: 'Governing body', summary: 'First version kept in Tandem.' },
      {
        approvedDaysAgo: 62,
        approvedBy: 'Governing body',
        summary:
          'Updated for this year’s Keeping Children Safe in Education: online safety and filtering, the DSL team’s contact details, child-on-child abuse.',
      },
    ],
    readShare: 0.75,
    notReadBy: ['ben.wright@kingsmead.example'],
  },
  {
    kind: 'mental_health',
    title: 'Mental health and wellbeing policy',
    slug: 'mental-health-and-wellbeing',
    owner: 'sam.patel@kingsmead.example',
    readers: 'all_staff',
    versions: [
      { approvedDaysAgo: 1150, approvedBy: 'Governing body', summary: 'First version.' },
      {
        approvedDaysAgo: 470,
        approvedBy: 'Headteacher',
        summary: 'Named the Senior Mental Health Lead; added the school’s mental health levels.',
      },
      {
        approvedDaysAgo: 96,
        approvedBy: 'Governing body',
        summary: 'Added the pupil and parent portals, check-ins and the staff wellbeing survey.',
      },
    ],
    readShare: 0.8,
  },
  {
    kind: 'anti_bullying',
    title: 'Anti-bullying policy',
    slug: 'anti-bullying',
    owner: 'tom.fletcher@kingsmead.example',
    readers: 'all_staff',
    versions: [{ approvedDaysAgo: 1130, approvedBy: 'Governing body', summary: 'First version.' }],
    readShare: 0.9,
  },
  {
    kind: 'online_safety',
    title: 'Online safety policy',
    slug: 'online-safety',
    owner: 'lucy.evans@kingsmead.example',
    readers: 'all_staff',
    versions: [
      { approvedDaysAgo: 700, approvedBy: 'Headteacher', summary: 'First version.' },
      {
        approvedDaysAgo: 342,
        approvedBy: 'Governing body',
        summary: 'Mobile phones during the school day; reporting worries about what pupils see online.',
      },
    ],
    readShare: 0.85,
  },
  {
    kind: 'send',
    title: 'Special educational needs and disabilities (SEND) policy',
    slug: 'send',
    owner: 'mark.hughes@kingsmead.example',
    readers: 'roles',
    readerRoles: ['teacher', 'support_staff', 'intervention_staff', 'pastoral_lead'],
    versions: [
      { approvedDaysAgo: 800, approvedBy: 'Governing body', summary: 'First version.' },
      {
        approvedDaysAgo: 200,
        approvedBy: 'Governing body',
        summary: 'The graduated approach (assess, plan, do, review) and the SEND information report.',
      },
    ],
    readShare: 0.7,
  },
  {
    kind: 'behaviour',
    title: 'Behaviour policy',
    slug: 'behaviour',
    owner: 'helen.carter@kingsmead.example',
    readers: 'all_staff',
    versions: [
      {
        approvedDaysAgo: 500,
        approvedBy: 'Governing body',
        summary: 'Relationships first; reasonable adjustments for pupils with SEND or mental health needs.',
      },
    ],
    readShare: 0.9,
  },
  {
    kind: 'attendance',
    title: 'Attendance policy',
    slug: 'attendance',
    owner: 'aisha.rahman@kingsmead.example',
    readers: 'roles',
    readerRoles: ['teacher', 'pastoral_lead', 'early_help_lead', 'school_admin'],
    versions: [
      {
        approvedDaysAgo: 250,
        approvedBy: 'Governing body',
        summary: 'Following the national attendance guidance: early help for emotionally based school avoidance.',
      },
    ],
    readShare: 0.6,
  },
  {
    kind: 'medical',
    title: 'First aid and supporting pupils with medical conditions policy',
    slug: 'medical-conditions',
    owner: 'dan.price@kingsmead.example',
    readers: 'roles',
    readerRoles: ['first_aider', 'teacher', 'support_staff'],
    versions: [
      { approvedDaysAgo: 600, approvedBy: 'Governing body', summary: 'Individual healthcare plans; first aid cover.' },
    ],
    readShare: 0.65,
  },
  {
    kind: 'staff_wellbeing',
    title: 'Staff wellbeing policy',
    slug: 'staff-wellbeing',
    owner: 'helen.carter@kingsmead.example',
    readers: 'none',
    versions: [
      {
        approvedDaysAgo: 150,
        approvedBy: 'Senior leadership team',
        summary: 'The yearly staff wellbeing survey; workload and flexible working.',
      },
    ],
    readShare: 0,
  },
];

const WILLOW: DemoPolicy[] = [
  {
    kind: 'safeguarding',
    title: 'Safeguarding and child protection policy',
    slug: 'safeguarding',
    owner: 'ruth.adams@willowbrook.example',
    readers: 'all_staff',
    versions: [{ approvedDaysAgo: 80, approvedBy: 'Trust board', summary: 'First version kept in Tandem.' }],
    readShare: 1,
  },
  {
    kind: 'mental_health',
    title: 'Mental health and wellbeing policy',
    slug: 'mental-health-and-wellbeing',
    owner: 'ruth.adams@willowbrook.example',
    readers: 'all_staff',
    versions: [{ approvedDaysAgo: 300, approvedBy: 'Trust board', summary: 'First version.' }],
    readShare: 0.5,
  },
];

/** A steady "random" choice from a name, so each run of the seed confirms the same reads. */
function spread(text: string): number {
  let h = 7;
  for (const c of text) h = (h * 31 + c.charCodeAt(0)) % 1_000_003;
  return (h % 1000) / 1000;
}

async function seedSchool(
  tx: Tx,
  o: { schoolId: string; site: string; list: DemoPolicy[]; userIds: Map<string, string>; now: Date },
): Promise<void> {
  const today = londonToday(o.now);
  const staff = await staffOfSchool(tx, o.schoolId);
  const createdBy = o.userIds.get(o.list[0]!.owner)!;
  for (const d of o.list) {
    const ownerUserId = o.userIds.get(d.owner);
    if (!ownerUserId) continue;
    const versions = d.versions.map((v, i) => {
      const approvedOn = addDaysToDay(today, -v.approvedDaysAgo);
      return {
        version: i + 1,
        approvedOn,
        approvedBy: v.approvedBy,
        summary: v.summary,
        nextReviewOn:
          v.reviewAfterDays === undefined
            ? defaultNextReview(d.kind, approvedOn)
            : addDaysToDay(approvedOn, v.reviewAfterDays),
        at: new Date(Date.parse(`${approvedOn}T15:00:00Z`)),
      };
    });
    const current = versions[versions.length - 1]!;
    const [row] = await tx
      .insert(policies)
      .values({
        schoolId: o.schoolId,
        kind: d.kind,
        title: d.title,
        ownerUserId,
        readers: d.readers,
        readerRoles: d.readerRoles ?? [],
        currentVersion: current.version,
        nextReviewOn: current.nextReviewOn,
        revision: versions.length,
        createdBy,
        createdAt: versions[0]!.at,
        updatedAt: current.at,
      })
      .returning({ id: policies.id });
    const policyId = row!.id;
    await tx.insert(policyVersions).values(
      versions.map((v) => ({
        schoolId: o.schoolId,
        policyId,
        version: v.version,
        link: `https://www.${o.site}/policies/${d.slug}-v${String(v.version)}.pdf`,
        approvedOn: v.approvedOn,
        approvedBy: v.approvedBy,
        summary: v.summary,
        nextReviewOn: v.nextReviewOn,
        addedBy: createdBy,
        addedAt: v.at,
      })),
    );
    if (d.readers === 'none') continue;
    const required = staff.filter((s) => d.readers === 'all_staff' || s.roles.some((r) => d.readerRoles?.includes(r)));
    const reads: (typeof policyReads.$inferInsert)[] = [];
    for (const person of required) {
      const skipped = d.notReadBy?.includes(person.email) ?? false;
      // Everyone who read the current version read the earlier ones too; those who have not read
      // the current one read the one before (so a new version shows as "not yet read").
      const readCurrent = !skipped && spread(`${d.slug}:${person.email}`) < d.readShare;
      for (const v of versions) {
        const isCurrent = v.version === current.version;
        if (isCurrent && !readCurrent) continue;
        if (!isCurrent && !skipped && spread(`${d.slug}:${person.email}:${String(v.version)}`) > 0.9) continue;
        reads.push({
          schoolId: o.schoolId,
          policyId,
          version: v.version,
          userId: person.id,
          readAt: new Date(v.at.getTime() + (1 + Math.floor(spread(person.email) * 20)) * 86_400_000),
        });
      }
    }
    if (reads.length > 0) await tx.insert(policyReads).values(reads);
  }
}

export async function seedDemoPolicies(
  tx: Tx,
  o: { schoolIds: Map<string, string>; userIds: Map<string, string>; now: Date },
): Promise<void> {
  const kingsmead = o.schoolIds.get('kingsmead');
  if (kingsmead) {
    await seedSchool(tx, {
      schoolId: kingsmead,
      site: 'kingsmead.example',
      list: KINGSMEAD,
      userIds: o.userIds,
      now: o.now,
    });
  }
  const willow = o.schoolIds.get('willow');
  if (willow) {
    await seedSchool(tx, {
      schoolId: willow,
      site: 'willowbrook.example',
      list: WILLOW,
      userIds: o.userIds,
      now: o.now,
    });
  }
}
