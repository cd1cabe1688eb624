/**
 * Reduced timetables, education elsewhere and safeguarding visits over HTTP: the school's list
 * (head, SMHL, DSL team), a pupil's provision (case roles in scope), and the changes (SMHL and DSL
 * team; a visit by any case role in scope). Each route parses, calls one use case, and answers.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changeProvisionBody,
  changeTimetableBody,
  endProvisionBody,
  endTimetableBody,
  extendTimetableBody,
  provisionChangedResponse,
  provisionListResponse,
  pupilProvisionResponse,
  recordProvisionBody,
  recordTimetableBody,
  recordVisitBody,
  scheduleVisitsBody,
  timetableReviewBody,
} from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import type { SchoolRequest } from '../platform/gate';
import { changeProvision, endProvision } from './use-cases/change-provision';
import { changeTimetable } from './use-cases/change-timetable';
import { endTimetable } from './use-cases/end-timetable';
import { extendTimetable } from './use-cases/extend-timetable';
import { listProvision } from './use-cases/list-provision';
import { readPupilProvision } from './use-cases/read-provision';
import { recordProvision } from './use-cases/record-provision';
import { recordTimetable } from './use-cases/record-timetable';
import { recordVisit } from './use-cases/record-visit';
import { reviewTimetable } from './use-cases/review-timetable';
import { scheduleVisits, stopVisits } from './use-cases/schedule-visits';

const TAGS = ['Reduced timetables and education elsewhere'];
const schoolParams = z.object({ schoolId: z.uuid() });
const pupilParams = schoolParams.extend({ pupilId: z.uuid() });
const timetableParams = schoolParams.extend({ timetableId: z.uuid() });
const provisionParams = schoolParams.extend({ provisionId: z.uuid() });
const scheduleParams = schoolParams.extend({ scheduleId: z.uuid() });
const created = z.object({ id: z.uuid() });
const ok = z.object({ ok: z.literal(true) });

function at(req: FastifyRequest & { params: { schoolId: string } }): SchoolRequest {
  return { actor: requireActor(req), schoolId: req.params.schoolId, ip: req.ip };
}

export function provisionRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  const S = '/api/schools/:schoolId';
  const T = `${S}/timetables/:timetableId`;
  const E = `${S}/education-elsewhere/:provisionId`;

  r.get(
    `${S}/provision`,
    {
      schema: {
        tags: TAGS,
        summary: 'Every pupil on a reduced timetable or taught elsewhere, with how long (head, SMHL, DSL team)',
        params: schoolParams,
        response: { 200: provisionListResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return listProvision(deps, at(req));
    },
  );

  r.get(
    `${S}/pupils/:pupilId/provision`,
    {
      schema: {
        tags: TAGS,
        summary: 'A pupil’s reduced timetables, education elsewhere and safeguarding visits (case roles)',
        params: pupilParams,
        response: { 200: pupilProvisionResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return readPupilProvision(deps, at(req), req.params.pupilId);
    },
  );

  r.post(
    `${S}/pupils/:pupilId/timetables`,
    {
      schema: {
        tags: TAGS,
        summary: 'Record a reduced timetable agreed with parents (SMHL, DSL team)',
        params: pupilParams,
        body: recordTimetableBody,
        response: { 201: provisionChangedResponse },
      },
    },
    async (req, reply) => reply.status(201).send(await recordTimetable(deps, at(req), req.params.pupilId, req.body)),
  );

  r.put(
    T,
    {
      schema: {
        tags: TAGS,
        summary: 'Change a running reduced timetable (SMHL, DSL team)',
        params: timetableParams,
        body: changeTimetableBody,
        response: { 200: provisionChangedResponse },
      },
    },
    async (req) => changeTimetable(deps, at(req), req.params.timetableId, req.body),
  );

  r.post(
    `${T}/reviews`,
    {
      schema: {
        tags: TAGS,
        summary: 'Record a review of a reduced timetable held, and book the next (SMHL, DSL team)',
        params: timetableParams,
        body: timetableReviewBody,
        response: { 200: provisionChangedResponse },
      },
    },
    async (req) => reviewTimetable(deps, at(req), req.params.timetableId, req.body),
  );

  r.post(
    `${T}/extend`,
    {
      schema: {
        tags: TAGS,
        summary: 'Extend a reduced timetable to a later end date (SMHL, DSL team)',
        params: timetableParams,
        body: extendTimetableBody,
        response: { 200: provisionChangedResponse },
      },
    },
    async (req) => extendTimetable(deps, at(req), req.params.timetableId, req.body),
  );

  r.post(
    `${T}/end`,
    {
      schema: {
        tags: TAGS,
        summary: 'End a reduced timetable (SMHL, DSL team)',
        params: timetableParams,
        body: endTimetableBody,
        response: { 200: provisionChangedResponse },
      },
    },
    async (req) => endTimetable(deps, at(req), req.params.timetableId, req.body),
  );

  r.post(
    `${S}/pupils/:pupilId/education-elsewhere`,
    {
      schema: {
        tags: TAGS,
        summary: 'Record where a pupil is taught elsewhere (SMHL, DSL team)',
        params: pupilParams,
        body: recordProvisionBody,
        response: { 201: provisionChangedResponse },
      },
    },
    async (req, reply) => reply.status(201).send(await recordProvision(deps, at(req), req.params.pupilId, req.body)),
  );

  r.put(
    E,
    {
      schema: {
        tags: TAGS,
        summary: 'Change education elsewhere (SMHL, DSL team)',
        params: provisionParams,
        body: changeProvisionBody,
        response: { 200: provisionChangedResponse },
      },
    },
    async (req) => changeProvision(deps, at(req), req.params.provisionId, req.body),
  );

  r.post(
    `${E}/end`,
    {
      schema: {
        tags: TAGS,
        summary: 'End education elsewhere (SMHL, DSL team)',
        params: provisionParams,
        body: endProvisionBody,
        response: { 200: provisionChangedResponse },
      },
    },
    async (req) => endProvision(deps, at(req), req.params.provisionId, req.body),
  );

  r.post(
    `${S}/pupils/:pupilId/visit-schedules`,
    {
      schema: {
        tags: TAGS,
        summary: 'Schedule safeguarding visits or calls at a set frequency (SMHL, DSL team)',
        params: pupilParams,
        body: scheduleVisitsBody,
        response: { 201: created },
      },
    },
    async (req, reply) => reply.status(201).send(await scheduleVisits(deps, at(req), req.params.pupilId, req.body)),
  );

  r.post(
    `${S}/visit-schedules/:scheduleId/end`,
    {
      schema: {
        tags: TAGS,
        summary: 'Stop scheduled safeguarding visits or calls (SMHL, DSL team)',
        params: scheduleParams,
        response: { 200: ok },
      },
    },
    async (req) => stopVisits(deps, at(req), req.params.scheduleId),
  );

  r.post(
    `${S}/pupils/:pupilId/visits`,
    {
      schema: {
        tags: TAGS,
        summary: 'Record a safeguarding visit or call (case roles)',
        params: pupilParams,
        body: recordVisitBody,
        response: { 201: created },
      },
    },
    async (req, reply) => reply.status(201).send(await recordVisit(deps, at(req), req.params.pupilId, req.body)),
  );
}
