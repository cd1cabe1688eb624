/** The action plan over HTTP (filled in by the feature). */
import type { FastifyInstance } from 'fastify';

export function actionRoutes(app: FastifyInstance): void {
  void app;
}
