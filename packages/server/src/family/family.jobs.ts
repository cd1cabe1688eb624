/**
 * News for parents: when something new is shared with a child's parents (`platform/family-news.ts`),
 * each parent who can see the child and has not turned the e-mails off gets ONE content-free
 * message for everything waiting: "There is something new for you in Tandem". It never names a
 * child or says what was shared. Rows are claimed with FOR UPDATE SKIP LOCKED and marked sent in
 * the same transaction as the e-mails are queued in the outbox, so two server processes never send twice.
 */
import { and, asc, eq, inArray, isNull, isNotNull, sql } from 'drizzle-orm';
import { contacts, familyNews, familyNoAccess, familyPreferences, roleAssignments, users } from '@tandem/core/schema';
import { asSystem } from '../platform/gate';
import { queueMail } from '../mail/outbox';
import type { DueJob } from '../platform/registries';

const BATCH = 200;

const sendFamilyNews: DueJob = {
  name: 'familyNews',
  batchSize: BATCH,
  runBatch: (deps, now) =>
    asSystem(deps, async (s) => {
      const due = await s.tx
        .select({ id: familyNews.id, schoolId: familyNews.schoolId, pupilId: familyNews.pupilId })
        .from(familyNews)
        .where(isNull(familyNews.sentAt))
        .orderBy(asc(familyNews.createdAt))
        .limit(BATCH)
        .for('update', { skipLocked: true });
      if (due.length === 0) return 0;
      await s.tx
        .update(familyNews)
        .set({ sentAt: now })
        .where(
          inArray(
            familyNews.id,
            due.map((d) => d.id),
          ),
        );
      const parents = await s.tx
        .selectDistinct({ email: users.email })
        .from(contacts)
        .innerJoin(users, eq(users.id, contacts.userId))
        .innerJoin(
          roleAssignments,
          and(
            eq(roleAssignments.userId, users.id),
            eq(roleAssignments.schoolId, contacts.schoolId),
            eq(roleAssignments.role, 'parent'),
            isNull(roleAssignments.revokedAt),
          ),
        )
        .leftJoin(familyPreferences, eq(familyPreferences.userId, users.id))
        .leftJoin(familyNoAccess, and(eq(familyNoAccess.contactId, contacts.id), isNull(familyNoAccess.liftedAt)))
        .where(
          and(
            inArray(contacts.pupilId, [...new Set(due.map((d) => d.pupilId))]),
            eq(contacts.parentalResponsibility, true),
            eq(contacts.noContact, false),
            isNotNull(users.passwordHash),
            isNull(users.disabledAt),
            isNull(familyNoAccess.id),
            sql`coalesce(${familyPreferences.emailNews}, true)`,
          ),
        );
      const link = `${deps.config.publicUrl}/family`;
      await queueMail(
        s,
        parents.map((p) => ({
          to: p.email,
          subject: 'There is something new for you in Tandem',
          text: [
            'Hello,',
            '',
            'There is something new for you in Tandem. Sign in to see it:',
            '',
            link,
            '',
            'You can turn these e-mails off in Tandem, under Settings.',
          ].join('\n'),
        })),
      );
      return due.length;
    }),
};

export const familyDueJobs: readonly DueJob[] = [sendFamilyNews];
