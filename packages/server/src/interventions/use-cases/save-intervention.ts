import { AppError, SCHOOL_STAFF_ROLES, type ChangeInterventionBody, type InterventionInput } from '@tandem/core';
import { interventions } from '@tandem/core/schema';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../platform/deps';
import { holdersOf } from '../../platform/directory';
import { inSchool, type SchoolRequest, type SchoolWork } from '../../platform/gate';
import { loadIntervention, setStaff } from '../interventions.queries';
import { requireMeasure } from '../measures';

/** The named staff must be staff of this school; the measure one the school may use. */
async function checkInput(s: SchoolWork, body: InterventionInput): Promise<void> {
  const staff = new Set((await holdersOf(s.tx, s.schoolId, SCHOOL_STAFF_ROLES)).map((p) => p.id));
  if (!body.staffUserIds.every((id) => staff.has(id))) {
    throw new AppError('validation', 'staff not in school', {
      fields: [{ path: 'staffUserIds', message: 'Choose staff of this school from the list' }],
    });
  }
  if (body.measureKey !== null) await requireMeasure(s.tx, s.schoolId, body.measureKey);
}

function columns(body: InterventionInput) {
  return {
    name: body.name,
    description: body.description,
    format: body.format,
    places: body.places,
    sessionCount: body.sessionCount,
    sessionMinutes: body.sessionMinutes,
    sessionDay: body.sessionDay,
    suitsLevels: body.suitsLevels,
    measureKey: body.measureKey,
    status: body.status,
  };
}

/** Add an intervention to the catalogue (the SMHL). */
export async function addIntervention(deps: AppDeps, at: SchoolRequest, body: InterventionInput) {
  return inSchool(deps, at, 'intervention.manage', async (s) => {
    await checkInput(s, body);
    const [row] = await s.tx
      .insert(interventions)
      .values({ ...columns(body), schoolId: s.schoolId, createdBy: s.actor.userId, createdAt: s.now, updatedAt: s.now })
      .returning({ id: interventions.id });
    await setStaff(s.tx, s.schoolId, row!.id, body.staffUserIds);
    await s.audit(
      { action: 'intervention.added', detail: { places: body.places } },
      { type: 'intervention', id: row!.id },
    );
    return { id: row!.id };
  });
}

/** Change an intervention; a change made meanwhile (another version) is refused, not overwritten. */
export async function changeIntervention(
  deps: AppDeps,
  at: SchoolRequest,
  interventionId: string,
  body: ChangeInterventionBody,
) {
  return inSchool(deps, at, 'intervention.manage', async (s) => {
    const current = await loadIntervention(s.tx, s.schoolId, interventionId, true);
    if (current.version !== body.version) {
      throw new AppError('conflict', 'stale intervention', {
        userMessage: 'Someone changed this intervention while you were editing. Load it again to see their change.',
      });
    }
    await checkInput(s, body);
    const next = columns(body);
    const fields = (Object.keys(next) as (keyof typeof next)[]).filter(
      (k) => JSON.stringify(next[k]) !== JSON.stringify(current[k]),
    );
    await s.tx
      .update(interventions)
      .set({ ...next, version: current.version + 1, updatedAt: s.now })
      .where(eq(interventions.id, interventionId));
    await setStaff(s.tx, s.schoolId, interventionId, body.staffUserIds);
    await s.audit(
      { action: 'intervention.changed', detail: { fields: [...fields, 'staff'], version: current.version + 1 } },
      { type: 'intervention', id: interventionId },
    );
    return { id: interventionId };
  });
}
