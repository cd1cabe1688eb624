/** The school's term dates over HTTP: terms and closure days, as the settings page reads and changes them. */
import { z } from 'zod';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date');

export const termSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  firstDay: day,
  lastDay: day,
});
export const closureSchema = z.object({ id: z.uuid(), on: day, reason: z.string() });

export const termDatesResponse = z.object({
  terms: z.array(termSchema),
  closures: z.array(closureSchema),
  /** Whether the person may change them (school.termDates). */
  canEdit: z.boolean(),
});
export type TermDatesResponse = z.infer<typeof termDatesResponse>;
export type TermRow = z.infer<typeof termSchema>;
export type ClosureRow = z.infer<typeof closureSchema>;

export const addTermBody = z.strictObject({
  name: z.string().trim().min(1, 'Enter the term’s name').max(80),
  firstDay: day,
  lastDay: day,
});
export type AddTermBody = z.infer<typeof addTermBody>;

export const addClosureBody = z.strictObject({
  on: day,
  reason: z.string().trim().min(1, 'Say why the school is closed, for example INSET day').max(120),
});
export type AddClosureBody = z.infer<typeof addClosureBody>;
