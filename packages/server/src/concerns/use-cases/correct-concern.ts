import { AppError, type ConcernCorrectionField, type correctConcernBody } from '@tandem/core';
import type { z } from 'zod';
import type { AppDeps } from '../../platform/deps';
import type { SchoolRequest, SchoolWork } from '../../platform/gate';
import {
  addConcernPupils,
  concernPupilIds,
  countPupilsInSchool,
  insertCorrection,
  removeConcernPupils,
  updateConcern,
  type ConcernRow,
} from '../concerns.queries';
import { auditConcern, workOn } from '../work-on';

type Body = z.infer<typeof correctConcernBody>;

/** Change a concern's category, date or pupils: each change is kept with the old value and the reason. */
export async function correctConcern(deps: AppDeps, who: SchoolRequest, concernId: string, body: Body) {
  await workOn(
    deps,
    who,
    concernId,
    async (s, c) => {
      const fields = await applyCorrections(s, c, body);
      if (fields.length === 0)
        throw new AppError('validation', 'nothing to correct', {
          userMessage: 'Nothing has changed, so there is nothing to save.',
        });
      await auditConcern(s, c.id, { action: 'concern.corrected', detail: { fields } });
    },
    { allowClosed: true },
  );
}

/** Make each change asked for that differs from what is stored; the names of the fields changed. */
async function applyCorrections(s: SchoolWork, c: ConcernRow, body: Body): Promise<ConcernCorrectionField[]> {
  const { tx, schoolId, now } = s;
  const fields: ConcernCorrectionField[] = [];
  const record = async (field: ConcernCorrectionField, from: unknown, to: unknown) => {
    fields.push(field);
    await insertCorrection(tx, {
      schoolId,
      concernId: c.id,
      field,
      fromValue: from,
      toValue: to,
      reason: body.reason,
      changedBy: s.actor.userId,
      changedAt: now,
    });
  };
  if (body.category && body.category !== c.category) {
    if (c.restricted && body.category !== 'safeguarding') {
      throw new AppError('validation', 'restricted stays safeguarding', {
        fields: [{ path: 'category', message: 'A concern in the safeguarding record stays a safeguarding concern' }],
      });
    }
    await record('category', c.category, body.category);
    await updateConcern(tx, c.id, { category: body.category, updatedAt: now });
  }
  if (body.occurredAt && new Date(body.occurredAt).getTime() !== c.occurredAt.getTime()) {
    await record('occurredAt', c.occurredAt.toISOString(), new Date(body.occurredAt).toISOString());
    await updateConcern(tx, c.id, { occurredAt: new Date(body.occurredAt), updatedAt: now });
  }
  if (body.pupilIds) {
    const wanted = [...new Set(body.pupilIds)].sort();
    const current = (await concernPupilIds(tx, c.id)).sort();
    if (wanted.join() !== current.join()) {
      if ((await countPupilsInSchool(tx, schoolId, wanted)) !== wanted.length) {
        throw new AppError('validation', 'pupil not in school', {
          fields: [{ path: 'pupilIds', message: 'Choose pupils from this school' }],
        });
      }
      await record('pupils', current, wanted);
      await removeConcernPupils(tx, c.id);
      await addConcernPupils(tx, schoolId, c.id, wanted);
    }
  }
  return fields;
}
