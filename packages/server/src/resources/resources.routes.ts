/** The resource library over HTTP (filled in by the feature). */
import type { FastifyInstance } from 'fastify';

export function resourceRoutes(app: FastifyInstance): void {
  void app;
}
