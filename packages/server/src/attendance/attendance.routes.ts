import type { FastifyInstance } from 'fastify';

export function attendanceRoutes(app: FastifyInstance): void {
  void app;
}
