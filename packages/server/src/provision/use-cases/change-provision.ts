/** The SMHL or DSL changes education elsewhere (provider, days, contacts, dates), or ends it. */
import { eq } from 'drizzle-orm';
import { provisionProblems, type ChangeProvisionBody, type EndProvisionBody } from '@tandem/core';
import { alternativeProvisions } from '@tandem/core/schema';
import { requireCaseAccess } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { lockProvision } from '../provision.queries';
import { refuse, requireRevision } from '../provision.rules';

const COMPARED = [
  'kind',
  'provider',
  'contactName',
  'contactPhone',
  'contactEmail',
  'attendanceReporting',
  'schoolContact',
  'startOn',
  'endOn',
] as const;

export async function changeProvision(
  deps: AppDeps,
  at: SchoolRequest,
  provisionId: string,
  body: ChangeProvisionBody,
): Promise<{ id: string; revision: number }> {
  return inSchool(deps, at, 'provision.manage', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const row = await lockProvision(tx, schoolId, provisionId);
    await requireCaseAccess(tx, actor, schoolId, row.pupilId);
    requireRevision(row, body.revision, 'record of education elsewhere');
    refuse(provisionProblems(body));
    const { revision: _r, ...fields } = body;
    const days = [...new Set(body.days)];
    const changed: string[] = COMPARED.filter((k) => row[k] !== body[k]);
    if (days.join() !== row.days.join()) changed.push('days');
    const revision = row.revision + 1;
    await tx
      .update(alternativeProvisions)
      .set({ ...fields, days, revision, updatedAt: now })
      .where(eq(alternativeProvisions.id, row.id));
    await s.audit(
      { action: 'provision.changed', detail: { fields: changed } },
      { type: 'alternative_provision', id: row.id },
    );
    return { id: row.id, revision };
  });
}

export async function endProvision(
  deps: AppDeps,
  at: SchoolRequest,
  provisionId: string,
  body: EndProvisionBody,
): Promise<{ id: string; revision: number }> {
  return inSchool(deps, at, 'provision.manage', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const row = await lockProvision(tx, schoolId, provisionId);
    await requireCaseAccess(tx, actor, schoolId, row.pupilId);
    requireRevision(row, body.revision, 'record of education elsewhere');
    refuse(provisionProblems({ startOn: row.startOn, endOn: body.endOn }));
    const revision = row.revision + 1;
    await tx
      .update(alternativeProvisions)
      .set({ endOn: body.endOn, revision, updatedAt: now })
      .where(eq(alternativeProvisions.id, row.id));
    await s.audit(
      { action: 'provision.ended', detail: { endOn: body.endOn } },
      { type: 'alternative_provision', id: row.id },
    );
    return { id: row.id, revision };
  });
}
