/** Telling the import's own failures apart, and keeping pupils' data out of the log when it fails. */
import { AppError } from '@tandem/core';

/** The error and its causes (Drizzle wraps the driver's error). */
function errorChain(err: unknown): object[] {
  const chain: object[] = [];
  let e: unknown = err;
  while (chain.length < 5 && typeof e === 'object' && e !== null) {
    chain.push(e);
    e = 'cause' in e ? e.cause : undefined;
  }
  return chain;
}

/** Whether a write failed on a unique index: someone else wrote the same records meanwhile. */
export function isUniqueViolation(err: unknown): boolean {
  return errorChain(err).some((e) => 'code' in e && e.code === '23505');
}

/**
 * An unexpected failure, described by its codes only. Database and driver messages quote the
 * statement's parameters, which here are pupils' names and dates of birth: they must not reach the
 * log. Errors meant for the user pass through unchanged.
 */
export function withoutRowData(err: unknown, what: string): unknown {
  if (err instanceof AppError) return err;
  const facts = errorChain(err).flatMap((e) => [
    ...('name' in e && typeof e.name === 'string' ? [e.name] : []),
    ...('code' in e && typeof e.code === 'string' ? [`code ${e.code}`] : []),
    ...('constraint' in e && typeof e.constraint === 'string' ? [`constraint ${e.constraint}`] : []),
  ]);
  return new Error(`${what} failed (${facts.join(', ')})`);
}
