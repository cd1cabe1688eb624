/**
 * Server log settings. Logs carry no pupil names or case text: cookies, tokens and bodies are never
 * logged, and URLs are logged without their query string (a search box may hold a pupil's name)
 * and without a secret that is part of the path (a calendar feed's address).
 */
import type { FastifyRequest } from 'fastify';

/** A URL as the log shows it: no query string, no secret path segment. */
export function loggedUrl(url: string): string {
  return (url.split('?')[0] ?? '').replace(/^\/calendar\/[^/]+$/, '/calendar/[secret]');
}

export function loggerOptions(level: string) {
  return {
    level,
    redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
    serializers: {
      req(request: FastifyRequest) {
        return { method: request.method, url: loggedUrl(request.url), ip: request.ip };
      },
    },
  };
}
