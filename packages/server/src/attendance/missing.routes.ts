import type { FastifyInstance } from 'fastify';

export function missingRoutes(app: FastifyInstance): void {
  void app;
}
