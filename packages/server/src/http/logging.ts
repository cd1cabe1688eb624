/**
 * Server log settings. Logs carry no pupil names or case text: cookies, tokens and bodies are never
 * logged, and URLs are logged without their query string (a search box may hold a pupil's name).
 */
import type { FastifyRequest } from 'fastify';

export function loggerOptions(level: string) {
  return {
    level,
    redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
    serializers: {
      req(request: FastifyRequest) {
        return { method: request.method, url: request.url.split('?')[0], ip: request.ip };
      },
    },
  };
}
