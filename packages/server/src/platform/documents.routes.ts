/** Whole-school documents over HTTP. */
import type { FastifyInstance } from 'fastify';

export async function documentRoutes(app: FastifyInstance): Promise<void> {
  void app;
}
