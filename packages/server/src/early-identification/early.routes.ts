import type { FastifyInstance } from 'fastify';

/** Filled in by the feature. */
export function earlyRoutes(_app: FastifyInstance): void {}
