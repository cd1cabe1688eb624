/**
 * The "older than this" cursor of a newest-first list (the concern queues, the alert list): the
 * last row's time and id, so a page never skips or repeats a row that shares its time.
 */
import { AppError } from '@tandem/core';

export interface PageCursor {
  /** The last row's time, ISO 8601. */
  at: string;
  id: string;
}

/** The cursor as an opaque, URL-safe string for `before=`. */
export function encodeCursor(c: PageCursor): string {
  return Buffer.from(JSON.stringify([c.at, c.id])).toString('base64url');
}

/** The cursor from `before=`; a tampered or stale one is a 400 with a message for people. */
export function decodeCursor(s: string): PageCursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(at))) return { at, id };
  } catch {
    // Not base64url JSON: refused below, like any other malformed cursor.
  }
  throw new AppError('bad_request', 'bad cursor', {
    userMessage: 'That page link is no longer valid. Please start again.',
  });
}
