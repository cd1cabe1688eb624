/** The staff wellbeing survey over HTTP (filled in by the feature). */
import type { FastifyInstance } from 'fastify';

export function staffSurveyRoutes(app: FastifyInstance): void {
  void app;
}
