/** The policy register over HTTP (filled in by the feature). */
import type { FastifyInstance } from 'fastify';

export function policyRoutes(app: FastifyInstance): void {
  void app;
}
