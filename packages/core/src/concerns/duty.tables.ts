/**
 * The DSL duty rota. The rules every table keeps are in db/schema.ts, which gathers them all for
 * Drizzle and the migrations.
 */
import { sql } from 'drizzle-orm';
import { check, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { schools } from '../schools/schools.tables';
import { users } from '../auth/auth.tables';

/** Which DSL (or deputy) is on duty each weekday; shown to staff who log an urgent concern. */
export const dslDuty = pgTable(
  'dsl_duty',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    /** 1 = Monday .. 5 = Friday. */
    weekday: integer('weekday').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** Where to find them, e.g. "Student Services, room G12". */
    whereToFind: text('where_to_find').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.weekday] }),
    check('dsl_duty_weekday_ck', sql`${t.weekday} between 1 and 5`),
  ],
);
