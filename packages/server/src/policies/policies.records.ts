/**
 * Policies a self-assessment may cite as evidence: each policy's current version, in words any
 * member of staff may read, e.g. "Mental health and wellbeing policy, version 3 (approved
 * 1 September 2026)", linking to the policy's page.
 */
import { and, asc, eq } from 'drizzle-orm';
import { policies, policyVersions } from '@tandem/core/schema';
import { longCalendarDate } from '../platform/dates';
import type { SchoolRecordSource } from '../platform/registries';

export const policyRecords: SchoolRecordSource = {
  kind: 'policy',
  heading: 'Policy register',
  async list(db, { schoolId }) {
    const rows = await db
      .select({
        id: policies.id,
        title: policies.title,
        version: policies.currentVersion,
        approvedOn: policyVersions.approvedOn,
      })
      .from(policies)
      .innerJoin(
        policyVersions,
        and(eq(policyVersions.policyId, policies.id), eq(policyVersions.version, policies.currentVersion)),
      )
      .where(eq(policies.schoolId, schoolId))
      .orderBy(asc(policies.title));
    return rows.map((p) => ({
      kind: 'policy',
      id: p.id,
      label: `${p.title}, version ${String(p.version)} (approved ${longCalendarDate(new Date(`${p.approvedOn}T00:00:00Z`))})`,
      href: `/schools/${schoolId}/whole-school/policies/${p.id}`,
    }));
  },
};
