import {
  AppError,
  canInSchool,
  londonToday,
  type ServiceDetail,
  type ServiceInput,
  type ServiceList,
} from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import {
  inSchool,
  inTrust,
  readInSchool,
  type SchoolRequest,
  type SchoolWork,
  type TrustRequest,
} from '../../platform/gate';
import { trustIdOfSchool } from '../../platform/directory';
import { matches, serviceOf, type ServiceSearch } from '../services.mapping';
import {
  insertService,
  loadService,
  markChecked,
  servicesForSchool,
  servicesOfTrust,
  updateService,
  versionsOf,
  type ServiceRow,
} from '../services.queries';

async function trustOf(db: Parameters<typeof trustIdOfSchool>[0], schoolId: string): Promise<string> {
  const trustId = await trustIdOfSchool(db, schoolId);
  if (!trustId) throw new AppError('not_found', 'school has no trust');
  return trustId;
}

/** Whether the reader may change an entry: the school's own for its SMHL; shared ones for the trust. */
function mayEdit(at: SchoolRequest, row: ServiceRow): boolean {
  return row.schoolId === at.schoolId && canInSchool(at.actor, 'directory.manage', at.schoolId);
}

/** Search the directory by need, age, audience and words (any member of staff). */
export async function searchServices(deps: AppDeps, at: SchoolRequest, search: ServiceSearch): Promise<ServiceList> {
  return readInSchool(deps, at, 'pupil.readList', async ({ db, schoolId, now }) => {
    const rows = await servicesForSchool(db, await trustOf(db, schoolId), schoolId);
    const today = londonToday(now);
    return {
      services: rows.filter((r) => matches(r, search)).map((r) => serviceOf(r, { today, canEdit: mayEdit(at, r) })),
      canAdd: canInSchool(at.actor, 'directory.manage', schoolId),
    };
  });
}

/** One entry with its history of versions. */
export async function getService(deps: AppDeps, at: SchoolRequest, serviceId: string): Promise<ServiceDetail> {
  return readInSchool(deps, at, 'pupil.readList', async ({ db, schoolId, now }) => {
    const row = await loadService(db, await trustOf(db, schoolId), schoolId, serviceId);
    return {
      service: serviceOf(row, { today: londonToday(now), canEdit: mayEdit(at, row) }),
      history: (await versionsOf(db, serviceId)).map(({ v, by }) => ({
        version: v.version,
        status: v.status,
        name: v.details.name,
        changedByName: by,
        changedAt: v.changedAt.toISOString(),
      })),
    };
  });
}

/** The school's SMHL adds a local entry. */
export async function addSchoolService(deps: AppDeps, at: SchoolRequest, input: ServiceInput) {
  return inSchool(deps, at, 'directory.manage', async (s) => {
    const { status: _status, ...details } = input;
    const row = await insertService(s.tx, {
      trustId: s.trustId,
      schoolId: s.schoolId,
      scope: 'school',
      details,
      checkedOn: londonToday(s.now),
      by: s.actor.userId,
      at: s.now,
    });
    await s.audit({ action: 'service.added', detail: { scope: 'school' } }, { type: 'service', id: row.id });
    return { id: row.id };
  });
}

/** The school's SMHL changes or retires a local entry (a new version; the old ones are kept). */
export async function changeSchoolService(
  deps: AppDeps,
  at: SchoolRequest,
  serviceId: string,
  body: { details: ServiceInput; version: number },
) {
  return inSchool(deps, at, 'directory.manage', async (s) => {
    const row = await loadService(s.tx, s.trustId, s.schoolId, serviceId, true);
    if (row.schoolId !== s.schoolId) throw new AppError('forbidden', 'shared entries are the trust’s');
    return change(s, row, body);
  });
}

/** A new version of an entry; a change made meanwhile (another version) is refused, not overwritten. */
async function change(
  w: Pick<SchoolWork, 'tx' | 'actor' | 'now' | 'audit'>,
  row: ServiceRow,
  body: { details: ServiceInput; version: number },
) {
  if (row.version !== body.version) {
    throw new AppError('conflict', 'stale service', {
      userMessage: 'Someone changed this entry while you were editing. Load it again to see their change.',
    });
  }
  const { status, ...details } = body.details;
  const version = await updateService(w.tx, row, {
    details,
    status,
    checkedOn: londonToday(w.now),
    by: w.actor.userId,
    at: w.now,
  });
  await w.audit({ action: 'service.changed', detail: { version, status } }, { type: 'service', id: row.id });
  return { id: row.id, version };
}

/** The trust changes or retires a shared entry. */
export async function changeTrustService(
  deps: AppDeps,
  at: TrustRequest,
  serviceId: string,
  body: { details: ServiceInput; version: number },
) {
  return inTrust(deps, at, 'trust.manageSchools', async (t) => {
    const row = await loadService(t.tx, t.trustId, null, serviceId, true);
    return change(t, row, body);
  });
}

/** The school's SMHL records that a local entry was checked and is still right. */
export async function checkService(deps: AppDeps, at: SchoolRequest, serviceId: string) {
  return inSchool(deps, at, 'directory.manage', async (s) => {
    const row = await loadService(s.tx, s.trustId, s.schoolId, serviceId, true);
    if (row.schoolId !== s.schoolId) throw new AppError('forbidden', 'shared entries are the trust’s');
    await markChecked(s.tx, serviceId, londonToday(s.now));
    await s.audit({ action: 'service.checked', detail: {} }, { type: 'service', id: serviceId });
    return { ok: true as const };
  });
}

/** The trust adds a shared entry, seen by all its schools. */
export async function addTrustService(deps: AppDeps, at: TrustRequest, input: ServiceInput) {
  return inTrust(deps, at, 'trust.manageSchools', async (t) => {
    const { status: _status, ...details } = input;
    const row = await insertService(t.tx, {
      trustId: t.trustId,
      schoolId: null,
      scope: 'trust',
      details,
      checkedOn: londonToday(t.now),
      by: t.actor.userId,
      at: t.now,
    });
    await t.audit({ action: 'service.added', detail: { scope: 'trust' } }, { type: 'service', id: row.id });
    return { id: row.id };
  });
}

/**
 * The trust's own entries (national and shared), for its administrator: the list, then one entry
 * with its history. Reading the directory is not audited (it holds no pupil).
 */
export async function trustServices(deps: AppDeps, at: TrustRequest): Promise<ServiceList> {
  return inTrust(deps, at, 'trust.manageSchools', async (t) => {
    const today = londonToday(t.now);
    return {
      services: (await servicesOfTrust(t.tx, t.trustId)).map((r) =>
        serviceOf(r, { today, canEdit: r.scope === 'trust' }),
      ),
      canAdd: true,
    };
  });
}

export async function trustService(deps: AppDeps, at: TrustRequest, serviceId: string): Promise<ServiceDetail> {
  return inTrust(deps, at, 'trust.manageSchools', async (t) => {
    const row = await loadService(t.tx, t.trustId, null, serviceId);
    return {
      service: serviceOf(row, { today: londonToday(t.now), canEdit: row.scope === 'trust' }),
      history: (await versionsOf(t.tx, serviceId)).map(({ v, by }) => ({
        version: v.version,
        status: v.status,
        name: v.details.name,
        changedByName: by,
        changedAt: v.changedAt.toISOString(),
      })),
    };
  });
}

/** The trust records that a shared entry was checked and is still right. */
export async function checkTrustService(deps: AppDeps, at: TrustRequest, serviceId: string) {
  return inTrust(deps, at, 'trust.manageSchools', async (t) => {
    const row = await loadService(t.tx, t.trustId, null, serviceId, true);
    if (row.scope !== 'trust') throw new AppError('forbidden', 'national entries are not the trust’s to check');
    await markChecked(t.tx, serviceId, londonToday(t.now));
    await t.audit({ action: 'service.checked', detail: {} }, { type: 'service', id: serviceId });
    return { ok: true as const };
  });
}
