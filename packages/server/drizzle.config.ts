import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // The index that gathers every feature's tables: a table missing from it would be dropped.
  schema: './packages/core/src/db/schema.ts',
  out: './packages/server/migrations',
});
