/** Open surveys this person was asked to answer and has not: their part of "my work". */
import { and, eq } from 'drizzle-orm';
import { staffSurveyParticipants, staffSurveys } from '@tandem/core/schema';
import type { MyWorkSource } from '../platform/registries';

export const staffSurveyMyWork: MyWorkSource = {
  name: 'staff-survey',
  async items(db, reader) {
    const rows = await db
      .select({ surveyId: staffSurveys.id, title: staffSurveys.title, closesOn: staffSurveys.closesOn })
      .from(staffSurveyParticipants)
      .innerJoin(staffSurveys, eq(staffSurveys.id, staffSurveyParticipants.surveyId))
      .where(
        and(
          eq(staffSurveyParticipants.schoolId, reader.schoolId),
          eq(staffSurveyParticipants.userId, reader.actor.userId),
          eq(staffSurveyParticipants.responded, false),
          eq(staffSurveys.status, 'open'),
        ),
      );
    return { surveysToAnswer: rows };
  },
};
