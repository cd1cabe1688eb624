/** The training record over HTTP (filled in by the feature). */
import type { FastifyInstance } from 'fastify';

export function trainingRoutes(app: FastifyInstance): void {
  void app;
}
