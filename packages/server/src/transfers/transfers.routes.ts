/**
 * Transfers over HTTP: the school's list and one transfer (records.transfer), each part's steps
 * (the child-protection part for the DSL team only), opening and importing a package received from
 * another school, a received file, and the two public, session-less, rate-limited routes another
 * Tandem installation calls (collect a package with its code; confirm receipt).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changeDestinationBody,
  fetchPackageBody,
  importedResponse,
  importPackageBody,
  markTransferSentBody,
  okResponse,
  openPackageBody,
  packagePreviewResponse,
  preparedPackageResponse,
  receiptBody,
  receivedFileResponse,
  recordReceiptBody,
  TRANSFER_FILES,
  transferListResponse,
  transferResponse,
} from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import type { SchoolRequest } from '../platform/gate';
import { changeDestination, listTransfers, readTransfer } from './use-cases/read-transfers';
import {
  downloadPackage,
  markSent,
  preparePackage,
  printPart,
  recordNoneHeld,
  recordReceipt,
} from './use-cases/send-part';
import { importPackage, openPackage, readReceivedFile } from './use-cases/receive-package';
import { fetchPackage, receiveReceipt } from './use-cases/public-exchange';

const TAGS = ['Transfers to the next school'];
const schoolParams = z.object({ schoolId: z.uuid() });
const transferParams = schoolParams.extend({ transferId: z.uuid() });
const partParams = schoolParams.extend({ partId: z.uuid() });

function at(req: FastifyRequest & { params: { schoolId: string } }): SchoolRequest {
  return { actor: requireActor(req), schoolId: req.params.schoolId, ip: req.ip };
}

export function transferRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  const S = '/api/schools/:schoolId';
  const P = `${S}/transfer-parts/:partId`;
  const limit = { rateLimit: { max: deps.config.signInRateLimitPerMinute, timeWindow: '1 minute' } };

  r.get(
    `${S}/transfers`,
    {
      schema: {
        tags: TAGS,
        summary: 'Leavers’ files to send and files received (SMHL, DSL team)',
        params: schoolParams,
        response: { 200: transferListResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return listTransfers(deps, at(req));
    },
  );
  r.get(
    `${S}/transfers/:transferId`,
    {
      schema: {
        tags: TAGS,
        summary: 'One leaver’s transfer',
        params: transferParams,
        response: { 200: transferResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return readTransfer(deps, at(req), req.params.transferId);
    },
  );
  r.put(
    `${S}/transfers/:transferId/destination`,
    {
      schema: {
        tags: TAGS,
        summary: 'Record the next school (name, URN, whether it uses Tandem)',
        params: transferParams,
        body: changeDestinationBody,
        response: { 200: okResponse },
      },
    },
    async (req) => {
      await changeDestination(deps, at(req), req.params.transferId, req.body);
      return { ok: true as const };
    },
  );
  r.post(
    `${P}/package`,
    {
      schema: {
        tags: TAGS,
        summary: 'Prepare the encrypted package; the one-time code is shown once',
        params: partParams,
        response: { 200: preparedPackageResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return preparePackage(deps, at(req), req.params.partId);
    },
  );
  r.get(
    `${P}/package.age`,
    {
      schema: {
        tags: TAGS,
        summary: 'Download the encrypted package to send by the school’s secure means',
        params: partParams,
      },
    },
    async (req, reply) => {
      const { bytes, filename } = await downloadPackage(deps, at(req), req.params.partId);
      noStore(reply);
      return reply
        .header('content-type', 'application/octet-stream')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(bytes);
    },
  );
  r.get(
    `${P}/file.pdf`,
    { schema: { tags: TAGS, summary: 'The file as PDF, for a school without Tandem', params: partParams } },
    async (req, reply) => {
      const pdf = await printPart(deps, at(req), req.params.partId);
      noStore(reply);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', 'inline; filename="transfer-file.pdf"')
        .send(pdf);
    },
  );
  r.post(
    `${P}/sent`,
    {
      schema: {
        tags: TAGS,
        summary: 'Record the file as sent, and how',
        params: partParams,
        body: markTransferSentBody,
        response: { 200: okResponse },
      },
    },
    async (req) => {
      await markSent(deps, at(req), req.params.partId, req.body);
      return { ok: true as const };
    },
  );
  r.post(
    `${P}/receipt`,
    {
      schema: {
        tags: TAGS,
        summary: 'Record the next school’s confirmation of receipt',
        params: partParams,
        body: recordReceiptBody,
        response: { 200: okResponse },
      },
    },
    async (req) => {
      await recordReceipt(deps, at(req), req.params.partId, req.body);
      return { ok: true as const };
    },
  );
  r.post(
    `${P}/none-held`,
    {
      schema: {
        tags: TAGS,
        summary: 'Record that no child-protection file is held (DSL team)',
        params: partParams,
        response: { 200: okResponse },
      },
    },
    async (req) => {
      await recordNoneHeld(deps, at(req), req.params.partId);
      return { ok: true as const };
    },
  );
  r.post(
    `${S}/received-packages/open`,
    {
      bodyLimit: 30 * 1024 * 1024,
      schema: {
        tags: TAGS,
        summary: 'Open a package from another school (upload or collect, with its code)',
        params: schoolParams,
        body: openPackageBody,
        response: { 200: packagePreviewResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return openPackage(deps, at(req), req.body);
    },
  );
  r.post(
    `${S}/received-packages/import`,
    {
      schema: {
        tags: TAGS,
        summary: 'Import an opened package into a pupil’s record',
        params: schoolParams,
        body: importPackageBody,
        response: { 200: importedResponse },
      },
    },
    async (req) => importPackage(deps, at(req), req.body),
  );
  r.get(
    `${S}/received-files/:receivedId`,
    {
      schema: {
        tags: TAGS,
        summary: 'A file received from a pupil’s last school',
        params: schoolParams.extend({ receivedId: z.uuid() }),
        response: { 200: receivedFileResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return readReceivedFile(deps, at(req), req.params.receivedId);
    },
  );

  // Between installations: no session; each answer reveals nothing without the code or token.
  r.post(
    '/api/transfers/fetch',
    {
      config: limit,
      schema: {
        tags: TAGS,
        summary: 'Another Tandem collects a package with its one-time code (answered once)',
        security: [],
        body: fetchPackageBody.extend({
          accepts: z.array(z.enum(TRANSFER_FILES)).min(1).default(['wellbeing']),
          receivingUrn: z.string().max(10).nullable().default(null),
        }),
      },
    },
    async (req, reply) => {
      const bytes = await fetchPackage(deps, req.body);
      noStore(reply);
      return reply.header('content-type', 'application/octet-stream').send(bytes);
    },
  );
  r.post(
    '/api/transfers/receipt',
    {
      config: limit,
      schema: {
        tags: TAGS,
        summary: 'Another Tandem confirms receipt of a file',
        security: [],
        body: receiptBody,
        response: { 200: okResponse },
      },
    },
    async (req) => {
      await receiveReceipt(deps, req.body);
      return { ok: true as const };
    },
  );
}
