/**
 * Answers that carry stored rows take each field's schema from its column (drizzle-zod's
 * `createSelectSchema(table, refinements).shape`), so a column's type is written once, in its table.
 * The refinements say where the API writes a value differently from the database.
 */
import { z } from 'zod';

/**
 * A stored time as the API sends it: an ISO 8601 string. Given as a refinement function so that
 * drizzle-zod keeps a nullable column nullable.
 */
export const isoTime = () => z.string();
