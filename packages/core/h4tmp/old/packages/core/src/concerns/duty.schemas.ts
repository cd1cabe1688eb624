import { z } from 'zod';

/** 1 = Monday .. 5 = Friday. */
export const WEEKDAY_LABELS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'] as const;

export const dslDutyDaySchema = z.object({
  weekday: z.number().int().min(1).max(5),
  userId: z.uuid(),
  name: z.string(),
  whereToFind: z.string(),
});

export const dslDutyResponse = z.object({
  days: z.array(dslDutyDaySchema),
  /** The DSL and deputy DSLs of the school: the people who may be put on the rota. */
  team: z.array(z.object({ userId: z.uuid(), name: z.string(), role: z.enum(['dsl', 'deputy_dsl']) })),
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
