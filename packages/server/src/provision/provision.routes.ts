import type { FastifyInstance } from 'fastify';

export function provisionRoutes(app: FastifyInstance): void {
  void app;
}
