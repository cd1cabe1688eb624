import { describe, expect, it } from 'vitest';
import { loggableError } from './errors';

describe('what an error log may carry', () => {
  it('keeps the SQL of a failed query but never its parameters', () => {
    const err = new Error('Failed query: insert into pupils (given_name) values ($1)\nparams: Olivia');
    const logged = loggableError(err);
    expect(logged.message).toBe('Failed query: insert into pupils (given_name) values ($1)');
    expect(JSON.stringify(logged)).not.toContain('Olivia');
  });
});
