/**
 * What drizzle-zod takes from 'zod/v4' when it runs in the browser (@tandem/core derives its row
 * schemas from the tables with it). drizzle-zod uses zod's whole namespace object, which would keep
 * every part of zod (its locales, JSON Schema conversion) in the bundle: about 300 kB, 80 kB
 * gzipped. vite.config.ts resolves 'zod/v4' to this module, so only what is used is shipped. A
 * member drizzle-zod needs and this lacks fails at once when the app loads, because core builds
 * its row schemas on import.
 */
import {
  any,
  array,
  bigint,
  boolean,
  coerce,
  custom,
  date,
  enum as zodEnum,
  int,
  null as zodNull,
  number,
  object,
  record,
  string,
  tuple,
  union,
  uuid,
  type z as zod,
} from 'zod';

export const z = {
  any,
  array,
  bigint,
  boolean,
  coerce,
  custom,
  date,
  enum: zodEnum,
  int,
  null: zodNull,
  number,
  object,
  record,
  string,
  tuple,
  union,
  uuid,
} satisfies Partial<typeof zod>;
