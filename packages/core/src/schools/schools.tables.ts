/**
 * The trust and its schools. The rules every table keeps are in db/schema.ts, which gathers them
 * all for Drizzle and the migrations.
 */
import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from '../db/columns';

export const trusts = pgTable('trusts', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

export const schools = pgTable(
  'schools',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trustId: uuid('trust_id')
      .notNull()
      .references(() => trusts.id),
    name: text('name').notNull(),
    /** The Department for Education's unique reference number, six digits. */
    urn: text('urn'),
    /**
     * The DfE number: the local authority number and establishment number together, seven digits
     * ("8884321" for 888/4321). A common transfer file names its destination by it.
     */
    dfeNumber: text('dfe_number'),
    /** Address and contact lines printed at the top of letters home. */
    letterhead: text('letterhead').notNull().default(''),
    /** Idle minutes after which a staff session ends. */
    staffIdleMinutes: integer('staff_idle_minutes').notNull().default(30),
    /** Minutes an urgent concern may wait unacknowledged before deputies and the head are alerted. */
    urgentAckMinutes: integer('urgent_ack_minutes').notNull().default(15),
    /** Days a referral may wait from sent to a first appointment before it is flagged (four weeks). */
    referralWaitDays: integer('referral_wait_days').notNull().default(28),
    createdAt: createdAt(),
  },
  (t) => [
    index('schools_trust_idx').on(t.trustId, t.name),
    uniqueIndex('schools_urn_uq').on(t.urn),
    uniqueIndex('schools_dfe_number_uq').on(t.dfeNumber),
  ],
);
