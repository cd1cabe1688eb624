/**
 * The levels feature's part of what a parent sees of a child in the portal: the child's level now,
 * in the same plain words as the termly letter (the parent summary and the parent "at home" lines,
 * never the staff lists), what school does at that level, and the termly letters shared with them.
 *
 * A pupil at MH4 or MH5 is spoken to in person, not told by letter (IN_PERSON_LEVELS): the portal
 * keeps to the same rule and shows such a level only once the school has shared it with parents
 * since it was set (a letter the lead chose to include). Until then the level part is left empty.
 */
import { and, eq } from 'drizzle-orm';
import {
  IN_PERSON_LEVELS,
  parentHomeLines,
  THRIVING_PARENT_SUMMARY,
  type LevelCode,
  type ParentLetterPart,
  type ParentLevelPart,
} from '@tandem/core';
import { pupils } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import type { FamilyViewSource } from '../platform/registries';
import { allDefinitions, currentDefinitions, wordingInForceAt } from './levels.queries';
import { wordingOf } from './sharing.common';
import { parentLettersOf } from './sharing.queries';

/** What the portal calls no level, as the letter does ("In school, we call this: Thriving"). */
export const THRIVING_NAME = 'Thriving';

/**
 * What school does for a child at each level, in plain words for parents (reading age 11 to 13).
 * The level wording's own lists ("what school provides", "what school will do") are the school's
 * shorthand for staff, as the letters say; these lines tell parents the same things.
 */
export const SCHOOL_DOES_FOR_PARENTS: Record<LevelCode | 'thriving', readonly string[]> = {
  thriving: [
    'Lessons and assemblies about feeling well and staying safe.',
    'Staff your child can talk to every day.',
    'A letter each term about how your child is doing.',
  ],
  MH1: [
    'Lessons and assemblies about feeling well.',
    'Staff who know your child and keep an eye on how they are.',
    'Pastoral staff your child can talk to.',
    'A "Back to basics" leaflet and a CAMHS workbook to use at home.',
    'A short questionnaire about feelings. We share the results with you.',
    'If things do not get better, we can ask for a support session in school. There may be a short wait.',
  ],
  MH2: [
    'Everything from level 1.',
    'A support session or group in school. We will write to you about it.',
    'We tell the staff who teach your child how to help them.',
    'A meeting to check how the support is going.',
    'We ask you and staff how your child is getting on.',
    'If your child needs more help, we may put them on a waiting list or ask a service outside school to help. This can take a few weeks.',
  ],
  MH3: [
    'Everything from levels 1 and 2. Some support may be for a set time.',
    'Meetings to check the support is working. We will ask you to come.',
    'We may ask a service outside school, such as CAMHS, to help.',
    'Counselling in school, if we have it.',
    'Small changes to the school day, an adult your child can go to, or someone to meet them in the morning.',
    'A plan to keep your child safe, shared with the staff who need it.',
  ],
  MH4: [
    'A plan to keep your child safe. We keep it up to date and share it with the staff who need it.',
    'A school day planned around what your child can manage.',
    "We work closely with CAMHS and your child's doctors.",
    'We may ask a school for pupils who are unwell to help. Your child may spend some time there.',
    'We act quickly if your child is not where they should be.',
    'We stay in close touch with you.',
  ],
  MH5: [
    'We keep in touch with you and your child.',
    'Learning at home or online, where we can.',
    'We check how your child is doing at any other place where they learn.',
    'If your child cannot come to school, we visit to check they are safe and well.',
    "We work with your child's doctors and health workers.",
  ],
};

const inPerson = (level: LevelCode | null) => (IN_PERSON_LEVELS as readonly (LevelCode | null)[]).includes(level);

async function levelOf(
  db: DbOrTx,
  schoolId: string,
  pupilId: string,
  letters: readonly { level: LevelCode | null; sharedAt: Date }[],
): Promise<ParentLevelPart | null> {
  const [pupil] = await db
    .select({ level: pupils.currentLevel, since: pupils.levelChangedAt })
    .from(pupils)
    .where(and(eq(pupils.id, pupilId), eq(pupils.schoolId, schoolId)));
  if (!pupil) return null;
  const code = pupil.level;
  if (inPerson(code)) {
    const told = letters.some((l) => l.level === code && (!pupil.since || l.sharedAt >= pupil.since));
    if (!told) return null;
  }
  const since = pupil.since?.toISOString() ?? null;
  if (!code) {
    return {
      code: null,
      name: THRIVING_NAME,
      summary: THRIVING_PARENT_SUMMARY,
      homeToDo: parentHomeLines(null, undefined),
      schoolDoes: [...SCHOOL_DOES_FOR_PARENTS.thriving],
      since,
    };
  }
  const wording = wordingOf(await currentDefinitions(db, schoolId), code);
  return {
    code,
    name: wording.name,
    summary: wording.parentSummary,
    homeToDo: parentHomeLines(code, wording),
    schoolDoes: [...SCHOOL_DOES_FOR_PARENTS[code]],
    since,
  };
}

async function lettersOf(
  db: DbOrTx,
  schoolId: string,
  rows: readonly { id: string; level: LevelCode | null; sharedAt: Date }[],
): Promise<ParentLetterPart[]> {
  if (rows.length === 0) return [];
  const definitions = await allDefinitions(db, schoolId);
  return rows.map((r) => ({
    id: r.id,
    sharedAt: r.sharedAt.toISOString(),
    // The level as the letter named it: the wording in force when it was shared.
    levelName: r.level ? (wordingInForceAt(definitions, r.level, r.sharedAt)?.name ?? r.level) : THRIVING_NAME,
    // The family feature fills this from its confirmations.
    readAt: null,
  }));
}

export const levelFamilyView: FamilyViewSource = {
  name: 'levels',
  async forParent(db, reader) {
    const rows = await parentLettersOf(db, reader.schoolId, reader.pupilId);
    return {
      level: await levelOf(db, reader.schoolId, reader.pupilId, rows),
      letters: await lettersOf(db, reader.schoolId, rows),
    };
  },
};
