/**
 * Training figures a self-assessment may cite as evidence, live when it is read: for each course
 * someone in the school needs, how many of the staff who need it are up to date.
 */
import { TRAINING_COURSE_SHORT_LABELS, type TrainingCourse } from '@tandem/core';
import type { SchoolRecordSource } from '../platform/registries';
import { countsByCourse, staffStandings } from './training.standing';

/** Stable ids a self-assessment keeps (the figures change; the id does not). */
const RECORD_IDS: Partial<Record<TrainingCourse, string>> = {
  safeguarding_level_1: 'safeguarding',
  dsl_level_3: 'dsl',
  mental_health_awareness: 'mental-health-awareness',
  mental_health_first_aid: 'mental-health-first-aid',
  smhl_training: 'senior-mental-health-lead',
};

export const trainingRecords: SchoolRecordSource = {
  kind: 'training',
  heading: 'Training record',
  async list(db, { schoolId, today }) {
    const counts = countsByCourse(await staffStandings(db, schoolId, today));
    return counts.flatMap(({ course, counts: c }) => {
      const id = RECORD_IDS[course];
      if (id === undefined) return [];
      const total = c.up_to_date + c.due + c.overdue + c.missing + c.awaiting;
      const who = course === 'safeguarding_level_1' ? 'staff' : 'staff who need it';
      const soon = c.due > 0 ? `; ${String(c.due)} more due for renewal within 60 days` : '';
      return [
        {
          kind: 'training',
          id,
          label: `${TRAINING_COURSE_SHORT_LABELS[course]}: ${String(c.up_to_date)} of ${String(total)} ${who} up to date${soon}`,
          href: `/schools/${schoolId}/whole-school/training`,
        },
      ];
    });
  },
};
