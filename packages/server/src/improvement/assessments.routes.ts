/** The self-assessment over HTTP (filled in by the feature). */
import type { FastifyInstance } from 'fastify';

export function assessmentRoutes(app: FastifyInstance): void {
  void app;
}
