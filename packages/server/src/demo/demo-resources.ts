/**
 * The demo resource library: the trust's starter library (about a third of it last reviewed over a
 * year ago, so the trust's curators see "due for review" first), three of Kingsmead's own entries
 * (one past its yearly review, so its Senior Mental Health Lead is reminded on the home page) and
 * one of Willow Brook's. Inserted in the demo transaction, not audited. Every name is made up.
 */
import { londonToday, type ResourceDetails } from '@tandem/core';
import type { Tx } from '../db/client';
import { addDays } from '../platform/dates';
import { insertResource } from '../resources/resources.queries';
import { seedStarterLibrary } from '../resources/resources.school';

type Own = Omit<ResourceDetails, 'documentId'> & { school: string; reviewedDaysAgo: number };

const OWN: readonly Own[] = [
  {
    school: 'kingsmead',
    title: 'Kingsmead peer mentoring scheme: a guide for staff',
    description:
      'How Year 10 peer mentors are chosen and trained, how they are matched with younger pupils, and who supervises them. Read it before suggesting a mentor for a pupil.',
    audiences: ['staff', 'pupils'],
    kind: 'guidance',
    areas: ['county.voice', 'principles.student_voice', 'county.relationships', 'steps.positive_relationships'],
    url: 'https://kingsmead.example/peer-mentoring',
    reviewedDaysAgo: 60,
  },
  {
    school: 'kingsmead',
    title: 'Local children’s bereavement service',
    description:
      'Groups and one-to-one support for children and families after someone close has died, with advice for school staff. Families may contact them directly.',
    audiences: ['parents', 'pupils', 'staff'],
    kind: 'support_service',
    areas: ['principles.targeted_support', 'county.partnerships', 'principles.parents'],
    url: 'https://bereavement.example.org',
    reviewedDaysAgo: 410,
  },
  {
    school: 'kingsmead',
    title: 'Staff supervision offer',
    description:
      'Half-termly group supervision for staff who support pupils’ mental health, and one-to-one sessions on request. Ask the Senior Mental Health Lead for a place.',
    audiences: ['staff', 'leaders'],
    kind: 'support_service',
    areas: ['county.staff_skills', 'principles.staff_development'],
    url: 'https://kingsmead.example/staff-supervision',
    reviewedDaysAgo: 120,
  },
  {
    school: 'willow',
    title: 'Willow Brook worry box and calm corner guide',
    description: 'How the worry boxes in each classroom and the calm corner work, and who reads the worries.',
    audiences: ['staff', 'pupils'],
    kind: 'guidance',
    areas: ['county.ethos', 'principles.ethos', 'county.voice'],
    url: 'https://willowbrook.example/worry-box',
    reviewedDaysAgo: 30,
  },
];

export async function seedDemoResources(
  tx: Tx,
  o: {
    trustId: string;
    schoolIds: ReadonlyMap<string, string>;
    userIds: ReadonlyMap<string, string>;
    now: Date;
  },
): Promise<void> {
  const today = londonToday(o.now);
  // Every third entry was last reviewed 13 months ago; the rest in the spring.
  await seedStarterLibrary(tx, o.trustId, new Date(o.now.getTime() - 400 * 86_400_000), (i) =>
    addDays(today, i % 3 === 0 ? -395 : -200),
  );
  const smhl = { kingsmead: 'sam.patel@kingsmead.example', willow: 'ruth.adams@willowbrook.example' };
  for (const { school, reviewedDaysAgo, ...details } of OWN) {
    const schoolId = o.schoolIds.get(school);
    if (!schoolId) continue;
    await insertResource(tx, {
      trustId: o.trustId,
      schoolId,
      details: { ...details, documentId: null },
      reviewedOn: addDays(today, -reviewedDaysAgo),
      by: o.userIds.get(smhl[school as keyof typeof smhl]) ?? null,
      at: new Date(o.now.getTime() - (reviewedDaysAgo + 30) * 86_400_000),
    });
  }
}
