import type { FastifyInstance } from 'fastify';

/** Filled in by the feature. */
export function attendanceRoutes(_app: FastifyInstance): void {}
