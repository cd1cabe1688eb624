import type { FastifyInstance } from 'fastify';

/** Filled in by the feature. */
export function provisionRoutes(_app: FastifyInstance): void {}
