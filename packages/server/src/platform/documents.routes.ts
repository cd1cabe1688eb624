/**
 * Whole-school documents over HTTP, as an encapsulated plugin: the raw-body parsers for uploads
 * apply to these routes only, and every other route keeps its small JSON limit.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, DOCUMENT_UPLOAD_TYPES, MAX_DOCUMENT_BYTES, documentSchema, uploadDocumentQuery } from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import { attachmentDisposition } from '../http/file-names';
import {
  DOCUMENT_TOO_LARGE,
  downloadSchoolDocument,
  downloadTrustDocument,
  uploadSchoolDocument,
  uploadTrustDocument,
} from './documents';

const TAGS = ['Whole-school documents'];
const schoolParams = z.object({ schoolId: z.uuid() });
const trustParams = z.object({ trustId: z.uuid() });

function fileBody(body: unknown): Buffer {
  if (!Buffer.isBuffer(body)) {
    throw new AppError('bad_request', 'upload is not a file', { userMessage: 'Please choose a file to upload.' });
  }
  return body;
}

const uploadOptions = {
  bodyLimit: MAX_DOCUMENT_BYTES,
  // Refuse an announced oversize upload before reading it, with a message that says the limit.
  onRequest: async (req: FastifyRequest) => {
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > MAX_DOCUMENT_BYTES) throw DOCUMENT_TOO_LARGE;
  },
};

function sendFile(reply: FastifyReply, file: { fileName: string; contentType: string; data: Buffer }) {
  noStore(reply);
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', attachmentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('content-length', file.data.length)
    .send(file.data);
}

export async function documentRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  app.addContentTypeParser(
    [...DOCUMENT_UPLOAD_TYPES],
    { parseAs: 'buffer', bodyLimit: MAX_DOCUMENT_BYTES },
    (_req, body, done) => {
      done(null, body);
    },
  );

  r.post(
    '/api/schools/:schoolId/documents',
    {
      ...uploadOptions,
      schema: {
        tags: TAGS,
        summary:
          'Upload a whole-school document (the raw file as the body): PDF, Word, Excel, PowerPoint or an image, up to 10 MB',
        params: schoolParams,
        querystring: uploadDocumentQuery,
        consumes: [...DOCUMENT_UPLOAD_TYPES],
        response: { 201: documentSchema },
      },
    },
    async (req, reply) => {
      const who = { actor: requireActor(req), schoolId: req.params.schoolId, ip: req.ip };
      const doc = await uploadSchoolDocument(deps, who, req.query.fileName, fileBody(req.body));
      return reply.status(201).send(doc);
    },
  );

  r.post(
    '/api/trusts/:trustId/documents',
    {
      ...uploadOptions,
      schema: {
        tags: TAGS,
        summary: "Upload a document for the trust's shared resource library",
        params: trustParams,
        querystring: uploadDocumentQuery,
        consumes: [...DOCUMENT_UPLOAD_TYPES],
        response: { 201: documentSchema },
      },
    },
    async (req, reply) => {
      const who = { actor: requireActor(req), trustId: req.params.trustId, ip: req.ip };
      const doc = await uploadTrustDocument(deps, who, req.query.fileName, fileBody(req.body));
      return reply.status(201).send(doc);
    },
  );

  r.get(
    '/api/schools/:schoolId/documents/:documentId',
    {
      schema: {
        tags: TAGS,
        summary: "Download a school's document, or its trust's shared one (audited)",
        params: schoolParams.extend({ documentId: z.uuid() }),
        produces: ['application/octet-stream'],
      },
    },
    async (req, reply) => {
      const who = { actor: requireActor(req), schoolId: req.params.schoolId, ip: req.ip };
      return sendFile(reply, await downloadSchoolDocument(deps, who, req.params.documentId));
    },
  );

  r.get(
    '/api/trusts/:trustId/documents/:documentId',
    {
      schema: {
        tags: TAGS,
        summary: "Download a document of the trust's shared library (audited)",
        params: trustParams.extend({ documentId: z.uuid() }),
        produces: ['application/octet-stream'],
      },
    },
    async (req, reply) => {
      const who = { actor: requireActor(req), trustId: req.params.trustId, ip: req.ip };
      return sendFile(reply, await downloadTrustDocument(deps, who, req.params.documentId));
    },
  );
}
