import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AppError,
  CONCERN_FILE_UPLOAD_TYPES,
  MAX_CONCERN_FILE_BYTES,
  concernFileSchema,
  uploadConcernFileQuery,
} from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import { attachmentDisposition } from '../http/file-names';
import { TOO_LARGE, addConcernFile, getConcernFile } from './files.service';

const TAGS = ['Concerns'];
const concernParams = z.object({ schoolId: z.uuid(), concernId: z.uuid() });

/** Who is asking, in which school: what the gate needs. */
const who = (req: FastifyRequest & { params: { schoolId: string } }) => ({
  actor: requireActor(req),
  schoolId: req.params.schoolId,
  ip: req.ip,
});

/**
 * Attachments, as an encapsulated plugin: the raw-body parsers for file uploads apply to these
 * routes only, and every other route keeps its small JSON limit.
 */
export async function fileRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  app.addContentTypeParser(
    [...CONCERN_FILE_UPLOAD_TYPES],
    { parseAs: 'buffer', bodyLimit: MAX_CONCERN_FILE_BYTES },
    (_req, body, done) => {
      done(null, body);
    },
  );

  r.post(
    '/api/schools/:schoolId/concerns/:concernId/files',
    {
      bodyLimit: MAX_CONCERN_FILE_BYTES,
      // Refuse an announced oversize upload before reading it, with a message that says the limit.
      onRequest: async (req) => {
        const length = Number(req.headers['content-length'] ?? 0);
        if (length > MAX_CONCERN_FILE_BYTES) throw TOO_LARGE;
      },
      schema: {
        tags: TAGS,
        summary: 'Attach a file (the raw file as the body): PNG, JPEG, WebP, HEIC/HEIF or PDF, up to 5 MB',
        params: concernParams,
        querystring: uploadConcernFileQuery,
        consumes: [...CONCERN_FILE_UPLOAD_TYPES],
        response: { 201: concernFileSchema },
      },
    },
    async (req, reply) => {
      const body: unknown = req.body;
      if (!Buffer.isBuffer(body)) {
        throw new AppError('bad_request', 'upload is not a file', {
          userMessage: 'Please choose a file to upload.',
        });
      }
      const file = await addConcernFile(deps, who(req), req.params.concernId, req.query.fileName, body);
      return reply.status(201).send(file);
    },
  );

  r.get(
    '/api/schools/:schoolId/concerns/:concernId/files/:fileId',
    {
      schema: {
        tags: TAGS,
        summary: 'Download a file attached to a concern (audited)',
        params: concernParams.extend({ fileId: z.uuid() }),
        produces: ['application/octet-stream'],
      },
    },
    async (req, reply) => {
      const file = await getConcernFile(deps, who(req), req.params.concernId, req.params.fileId);
      noStore(reply);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', attachmentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('content-length', file.data.length)
        .send(file.data);
    },
  );
}
