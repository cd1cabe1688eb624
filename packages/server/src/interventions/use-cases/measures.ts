import { randomUUID } from 'node:crypto';
import {
  AppError,
  canInSchool,
  customMeasureDefinition,
  customMeasureDraftSchema,
  type CustomMeasureDraft,
  type MeasureList,
  type Questionnaire,
} from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool, readInSchool, type SchoolRequest } from '../../platform/gate';
import { CUSTOM_PREFIX, customMeasureId, findMeasure, latestCustomVersion, measuresOfSchool } from '../measures';
import { insertCustomMeasure, retireCustomVersions } from '../questionnaires.queries';

/** The measures the school may use, with their licences (any staff). */
export async function listMeasures(deps: AppDeps, at: SchoolRequest): Promise<MeasureList> {
  return readInSchool(deps, at, 'pupil.readList', async ({ db, schoolId, actor }) => ({
    measures: (await measuresOfSchool(db, schoolId)).map((m) => ({
      key: m.key,
      version: m.version,
      name: m.name,
      shortName: m.shortName,
      ages: m.ages,
      builtIn: !m.key.startsWith(CUSTOM_PREFIX),
      licenceName: m.licence.name,
      licenceNote: m.licence.note,
      itemTextShipped: m.licence.itemTextShipped,
      reliableChange: m.scores.some((x) => x.reliableChange !== null),
      source: m.source,
    })),
    canManage: canInSchool(actor, 'intervention.manage', schoolId),
  }));
}

/** One measure in full (items, scoring, licence), for a preview or the builder. */
export async function getMeasure(deps: AppDeps, at: SchoolRequest, key: string) {
  return readInSchool(deps, at, 'pupil.readList', async ({ db, schoolId }) => {
    const m = await findMeasure(db, schoolId, key);
    if (!m) throw new AppError('not_found', 'measure not found');
    // The same shape as the API's schema; core keeps its arrays read-only.
    return m as unknown as Questionnaire['measure'];
  });
}

/**
 * The draft's cross-field rules (ids, bands within the score, thresholds), checked once the lead's
 * permission is known, so a refusal names the field as the form shows it.
 */
function checkDraft(body: unknown): CustomMeasureDraft {
  const parsed = customMeasureDraftSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new AppError('validation', 'custom measure draft refused', {
    fields: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  });
}

/** The SMHL adds the school's own questionnaire (version 1). */
export async function addMeasure(deps: AppDeps, at: SchoolRequest, body: unknown) {
  return inSchool(deps, at, 'intervention.manage', async (s) => {
    const draft = checkDraft(body);
    const measureId = randomUUID();
    const key = `${CUSTOM_PREFIX}${measureId}`;
    await insertCustomMeasure(s.tx, {
      schoolId: s.schoolId,
      measureId,
      version: 1,
      definition: customMeasureDefinition(draft, key, 1),
      status: 'in_use',
      createdBy: s.actor.userId,
      createdAt: s.now,
    });
    await s.audit({ action: 'measure.added', detail: { measureId, version: 1 } }, { type: 'measure', id: measureId });
    return { key };
  });
}

/**
 * A change to the school's own questionnaire is a new version: the earlier versions are kept (and
 * retired), so scores already given stay on the version they were given on.
 */
export async function reviseMeasure(deps: AppDeps, at: SchoolRequest, measureKey: string, body: unknown) {
  return inSchool(deps, at, 'intervention.manage', async (s) => {
    const measureId = customMeasureId(measureKey);
    if (!measureId) throw new AppError('not_found', 'not a school measure');
    const draft = checkDraft(body);
    const latest = await latestCustomVersion(s.tx, s.schoolId, measureId);
    const version = latest.version + 1;
    const key = `${CUSTOM_PREFIX}${measureId}`;
    await retireCustomVersions(s.tx, s.schoolId, measureId);
    await insertCustomMeasure(s.tx, {
      schoolId: s.schoolId,
      measureId,
      version,
      definition: customMeasureDefinition(draft, key, version),
      status: 'in_use',
      createdBy: s.actor.userId,
      createdAt: s.now,
    });
    await s.audit({ action: 'measure.revised', detail: { measureId, version } }, { type: 'measure', id: measureId });
    return { key, version };
  });
}
