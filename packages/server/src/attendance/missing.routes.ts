import type { FastifyInstance } from 'fastify';

/** Filled in by the feature. */
export function missingRoutes(_app: FastifyInstance): void {}
