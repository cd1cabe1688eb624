import { createSelectSchema } from 'drizzle-zod';
import { z } from 'zod';
import { DSL_TEAM_ROLES } from '../auth/roles';
import { WEEKDAY_LABELS } from './concerns.values';
import { dslDuty } from './duty.tables';

// In the values module, so that the web app's concern form can use it without loading zod.
export { WEEKDAY_LABELS } from './concerns.values';

const dutyRow = createSelectSchema(dslDuty).shape;

export const dslDutyDaySchema = z.object({
  weekday: z.number().int().min(1).max(5),
  userId: dutyRow.userId,
  name: z.string(),
  whereToFind: dutyRow.whereToFind,
});

export const dslDutyResponse = z.object({
  days: z.array(dslDutyDaySchema),
  /** The DSL and deputy DSLs of the school: the people who may be put on the rota. */
  team: z.array(z.object({ userId: z.uuid(), name: z.string(), role: z.enum(DSL_TEAM_ROLES) })),
  /** Whether the reader may change the rota. */
  canEdit: z.boolean(),
});

/** The whole rota: a weekday left out has nobody on duty (the whole DSL team is shown instead). */
export const setDslDutyBody = z
  .strictObject({
    days: z
      .array(
        z.strictObject({
          weekday: z
            .number({ error: 'Choose a weekday' })
            .int()
            .min(1, 'Choose a weekday from Monday to Friday')
            .max(5, 'Choose a weekday from Monday to Friday'),
          userId: z.uuid('Choose who is on duty'),
          whereToFind: z.string().trim().max(200, 'Must be 200 characters or fewer').default(''),
        }),
      )
      .max(5),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<number>();
    v.days.forEach((d, i) => {
      if (seen.has(d.weekday)) {
        ctx.addIssue({
          code: 'custom',
          path: ['days', i, 'weekday'],
          message: `${WEEKDAY_LABELS[d.weekday - 1] ?? 'This day'} is given twice: choose one person for each day`,
        });
      }
      seen.add(d.weekday);
    });
  });
export type SetDslDutyBody = z.infer<typeof setDslDutyBody>;
