import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AppError,
  IMPORT_MAX_BYTES,
  IMPORT_TOO_LARGE_MESSAGE,
  importApplyResponse,
  importFileBody,
  importListResponse,
  importPreviewQuery,
  importPreviewResponse,
  importStatusResponse,
} from '@tandem/core';
import { noStore, requireActor } from '../../http/context';
import type { SchoolRequest } from '../../platform/gate';
import { applyImport } from './use-cases/apply-import';
import { getImport, listImports } from './use-cases/import-status';
import { previewImport } from './use-cases/preview-import';

const TAGS = ['Pupil import'];
const schoolParams = z.object({ schoolId: z.uuid() });
const importParams = schoolParams.extend({ importId: z.uuid() });

/** What browsers and MIS tools call a CSV file (Windows reports .csv files as an Excel type). */
const CSV_TYPES = ['text/csv', 'application/csv', 'application/vnd.ms-excel'];
/** A common transfer file (CTF) is XML. */
const XML_TYPES = ['application/xml', 'text/xml'];

/** Who is asking, in which school, from where. */
function schoolRequest(req: FastifyRequest & { params: { schoolId: string } }): SchoolRequest {
  return { actor: requireActor(req), schoolId: req.params.schoolId, ip: req.ip };
}

export function importRoutes(app: FastifyInstance): void {
  // Its own scope, so the CSV body parser, the 10 MB limit and the wording of its refusal apply to
  // these routes only; everything else keeps the small JSON limit.
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      [...CSV_TYPES, ...XML_TYPES],
      { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES },
      (_req, body, done) => {
        done(null, body);
      },
    );
    scope.setErrorHandler((err: FastifyError) => {
      // Thrown errors go on to the application's error handler, which writes the response.
      if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        throw new AppError('payload_too_large', 'import file too large', { userMessage: IMPORT_TOO_LARGE_MESSAGE });
      }
      throw err;
    });

    const r = scope.withTypeProvider<ZodTypeProvider>();
    const deps = app.deps;

    r.post(
      '/api/schools/:schoolId/imports',
      {
        bodyLimit: IMPORT_MAX_BYTES,
        schema: {
          tags: TAGS,
          summary:
            'Check an MIS export (CSV) or a common transfer file (XML) and preview what importing it would change',
          consumes: [...CSV_TYPES, ...XML_TYPES],
          params: schoolParams,
          querystring: importPreviewQuery,
          body: importFileBody,
          response: { 200: importPreviewResponse },
        },
      },
      async (req, reply) => {
        noStore(reply);
        return previewImport(
          deps,
          schoolRequest(req),
          {
            kind: req.query.kind,
            fileName: req.query.fileName,
            markLeavers: req.query.markLeavers === 'true',
            confirmOtherDestination: req.query.confirmOtherDestination === 'true',
          },
          req.body,
        );
      },
    );

    r.get(
      '/api/schools/:schoolId/imports',
      { schema: { tags: TAGS, params: schoolParams, response: { 200: importListResponse } } },
      async (req, reply) => {
        noStore(reply);
        return { imports: await listImports(deps, schoolRequest(req)) };
      },
    );

    r.get(
      '/api/schools/:schoolId/imports/:importId',
      { schema: { tags: TAGS, params: importParams, response: { 200: importStatusResponse } } },
      async (req, reply) => {
        noStore(reply);
        return getImport(deps, schoolRequest(req), req.params.importId);
      },
    );

    r.post(
      '/api/schools/:schoolId/imports/:importId/apply',
      {
        schema: {
          tags: TAGS,
          summary: 'Apply a checked import, all or nothing',
          params: importParams,
          body: z.strictObject({}).optional(),
          response: { 200: importApplyResponse },
        },
      },
      async (req) => applyImport(deps, schoolRequest(req), req.params.importId),
    );
  });
}
