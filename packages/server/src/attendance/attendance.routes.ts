/**
 * Attendance: importing the MIS's weekly totals and session marks (check, then apply all or
 * nothing, or discard), and a pupil's attendance over time (screen and CSV).
 */
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AppError,
  attendanceImportListResponse,
  attendanceImportQuery,
  attendanceImportResponse,
  IMPORT_MAX_BYTES,
  IMPORT_TOO_LARGE_MESSAGE,
  importFileBody,
  pupilAttendanceQuery,
  pupilAttendanceResponse,
} from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import type { SchoolRequest } from '../platform/gate';
import { applyAttendanceImport } from './use-cases/apply-attendance-import';
import { discardAttendanceImport } from './use-cases/discard-attendance-import';
import { exportPupilAttendance } from './use-cases/export-pupil-attendance';
import { previewAttendanceImport } from './use-cases/preview-attendance-import';
import { readAttendanceImports } from './use-cases/read-attendance-imports';
import { readPupilAttendance } from './use-cases/read-pupil-attendance';

const TAGS = ['Attendance'];
const schoolParams = z.object({ schoolId: z.uuid() });
const importParams = schoolParams.extend({ importId: z.uuid() });
const pupilParams = schoolParams.extend({ pupilId: z.uuid() });
const S = '/api/schools/:schoolId';

/** What browsers and MIS tools call a CSV file (Windows reports .csv files as an Excel type). */
const CSV_TYPES = ['text/csv', 'application/csv', 'application/vnd.ms-excel'];

function at(req: FastifyRequest & { params: { schoolId: string } }): SchoolRequest {
  return { actor: requireActor(req), schoolId: req.params.schoolId, ip: req.ip };
}

export function attendanceRoutes(app: FastifyInstance): void {
  const deps = app.deps;
  // The upload in its own scope, so the CSV parser and the 10 MB limit apply to it alone.
  void app.register(async (scope) => {
    scope.addContentTypeParser(CSV_TYPES, { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES }, (_req, body, done) => {
      done(null, body);
    });
    scope.setErrorHandler((err: FastifyError) => {
      if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        throw new AppError('payload_too_large', 'attendance file too large', { userMessage: IMPORT_TOO_LARGE_MESSAGE });
      }
      throw err;
    });
    scope.withTypeProvider<ZodTypeProvider>().post(
      `${S}/attendance/imports`,
      {
        bodyLimit: IMPORT_MAX_BYTES,
        schema: {
          tags: TAGS,
          summary: 'Check an attendance export from the MIS and preview it',
          consumes: CSV_TYPES,
          params: schoolParams,
          querystring: attendanceImportQuery,
          body: importFileBody,
          response: { 200: attendanceImportResponse },
        },
      },
      async (req, reply) => {
        noStore(reply);
        return previewAttendanceImport(deps, at(req), req.query, req.body);
      },
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    `${S}/attendance/imports`,
    { schema: { tags: TAGS, params: schoolParams, response: { 200: attendanceImportListResponse } } },
    async (req, reply) => {
      noStore(reply);
      return { imports: await readAttendanceImports(deps, at(req)) };
    },
  );

  r.get(
    `${S}/attendance/imports/:importId`,
    { schema: { tags: TAGS, params: importParams, response: { 200: attendanceImportResponse } } },
    async (req, reply) => {
      noStore(reply);
      const [imp] = await readAttendanceImports(deps, at(req), req.params.importId);
      if (!imp) throw new AppError('not_found', 'attendance import not found');
      return imp;
    },
  );

  r.post(
    `${S}/attendance/imports/:importId/apply`,
    {
      schema: {
        tags: TAGS,
        summary: 'Apply a checked attendance file, all or nothing',
        params: importParams,
        body: z.strictObject({}).optional(),
        response: { 200: attendanceImportResponse },
      },
    },
    async (req) => applyAttendanceImport(deps, at(req), req.params.importId),
  );

  r.post(
    `${S}/attendance/imports/:importId/discard`,
    {
      schema: {
        tags: TAGS,
        summary: 'Discard a checked attendance file without importing it',
        params: importParams,
        body: z.strictObject({}).optional(),
        response: { 200: attendanceImportResponse },
      },
    },
    async (req) => discardAttendanceImport(deps, at(req), req.params.importId),
  );

  r.get(
    `${S}/pupils/:pupilId/attendance`,
    {
      schema: {
        tags: TAGS,
        summary: "A pupil's attendance over time (audited)",
        params: pupilParams,
        querystring: pupilAttendanceQuery,
        response: { 200: pupilAttendanceResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return readPupilAttendance(deps, at(req), req.params.pupilId, req.query.before);
    },
  );

  r.get(
    `${S}/pupils/:pupilId/attendance.csv`,
    {
      schema: {
        tags: TAGS,
        summary: "A pupil's weekly attendance as CSV (audited)",
        params: pupilParams,
        produces: ['text/csv'],
      },
    },
    async (req, reply) => {
      const csv = await exportPupilAttendance(deps, at(req), req.params.pupilId);
      noStore(reply);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="attendance.csv"')
        .send(csv);
    },
  );
}
