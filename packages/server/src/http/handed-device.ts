/**
 * While a device is handed to a pupil to answer a questionnaire (platform/device-lock.ts), the
 * session answers only that questionnaire and the few routes the answering screen needs: every other
 * API request is refused with 403 "handed_to_pupil", so a pupil cannot wander into the record even
 * by typing an address. Routes opt in with `config: { handedDevice: 'questionnaire' | 'always' }`.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '@tandem/core';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** 'questionnaire': allowed for the handed questionnaire only; 'always': allowed while handed. */
    handedDevice?: 'questionnaire' | 'always';
  }
}

export function registerHandedDevice(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    const handed = request.auth?.handedTo;
    if (!handed || !request.url.startsWith('/api/')) return;
    const allow = request.routeOptions.config.handedDevice;
    if (allow === 'always') return;
    const params = (request.params ?? {}) as Record<string, string | undefined>;
    if (
      allow === 'questionnaire' &&
      params.questionnaireId === handed.questionnaireId &&
      params.schoolId === handed.schoolId
    ) {
      return;
    }
    throw new AppError('handed_to_pupil', 'device handed to a pupil');
  });
}
