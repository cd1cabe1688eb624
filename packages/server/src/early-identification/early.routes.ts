import type { FastifyInstance } from 'fastify';

export function earlyRoutes(app: FastifyInstance): void {
  void app;
}
