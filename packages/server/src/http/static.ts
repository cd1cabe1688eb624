/**
 * Serves the built web app. The build writes a brotli (.br) and a gzip (.gz) copy beside each
 * text file (packages/web/scripts/compress.ts), so nothing is compressed per request.
 */
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';

/** A year: the longest lifetime caches honour, for files whose names change whenever they do. */
export const HASHED_ASSET_CACHE = 'public, max-age=31536000, immutable';
/** index.html names this build's assets, so a browser must ask each time (cheap: ETag answers 304). */
export const PAGE_CACHE = 'no-cache';

/** Vite puts the content hash in every file name under assets/; public/ files keep their names. */
function cacheControlFor(dist: string, file: string): string {
  const relative = path.relative(dist, file).split(path.sep).join('/');
  if (relative.startsWith('assets/')) return HASHED_ASSET_CACHE;
  if (relative.startsWith('index.html')) return PAGE_CACHE;
  // The service worker names this build's files too (and a browser checks it for updates): ask each time.
  if (relative.startsWith('sw.js') || relative.startsWith('manifest.webmanifest')) return PAGE_CACHE;
  // Anything else in public/ (icons, robots.txt): keep, but check again after an hour.
  return 'public, max-age=3600';
}

export async function registerWebApp(app: FastifyInstance, dist: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: dist,
    prefix: '/',
    index: ['index.html'],
    wildcard: false,
    preCompressed: true,
    // send's own header is "max-age=0" for everything; setHeaders decides per file instead.
    cacheControl: false,
    setHeaders: (reply: FastifyReply, file: string) => {
      void reply.header('cache-control', cacheControlFor(dist, file));
    },
  });
}
