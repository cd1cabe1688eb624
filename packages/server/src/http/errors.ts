/**
 * The one place where errors become HTTP responses. Clients get a status, a code and a message
 * written for people; never a stack trace or an internal message.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorBody, type FieldIssue } from '@tandem/core';

function body(error: AppError): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.userMessage,
      ...(error.fields.length > 0 ? { fields: [...error.fields] } : {}),
    },
  };
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    let appError: AppError;
    if (err instanceof AppError) {
      appError = err;
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      const fields: FieldIssue[] = err.validation.map((v) => {
        const where = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
        const params = v.params as { issue?: { code?: string; keys?: string[] } };
        const keys = params.issue?.code === 'unrecognized_keys' ? params.issue.keys : undefined;
        return {
          path: keys?.length ? keys.join(',') : where,
          message: keys?.length ? `Unexpected field: ${keys.join(', ')}` : (v.message ?? 'This answer is not valid'),
        };
      });
      appError = new AppError('validation', 'request validation failed', { fields });
    } else if (isResponseSerializationError(err)) {
      request.log.error(
        { err: { message: err.message, code: 'response_serialization' } },
        'response did not match its schema',
      );
      appError = new AppError('internal', 'response serialisation failed');
    } else if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      appError = new AppError('payload_too_large', err.message);
    } else if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      appError = new AppError('bad_request', err.message, {
        userMessage: 'We could not read that request. Please try again.',
      });
    } else if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      appError = new AppError('bad_request', err.message, {
        userMessage: 'That kind of content cannot be sent here.',
      });
    } else if (err.code === 'FST_CSRF_INVALID_TOKEN' || err.code === 'FST_CSRF_MISSING_SECRET') {
      appError = new AppError('forbidden', 'csrf token invalid', {
        userMessage: 'This page had expired. Please try again.',
      });
    } else if (err.statusCode === 429) {
      appError = new AppError('rate_limited', 'rate limited');
    } else if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      appError = new AppError('bad_request', err.message);
    } else {
      // Log what helps fix the fault, never data: no request bodies, no query parameters.
      request.log.error({ err: loggableError(err) }, 'unhandled error');
      appError = new AppError('internal', 'unhandled error');
    }
    void reply.status(appError.status).send(body(appError));
  });
}

/** The 404 for an unknown address: JSON for the API; the web app's page for anything else. */
export function registerNotFound(app: FastifyInstance, serveWebApp: boolean): void {
  app.setNotFoundHandler((request, reply) => {
    if (serveWebApp && request.method === 'GET' && !request.url.startsWith('/api/')) {
      void reply.header('cache-control', 'no-cache').sendFile('index.html');
      return;
    }
    void reply.status(404).send(body(new AppError('not_found', `no route ${request.method}`)));
  });
}

/**
 * An error as it may be logged. Database errors carry the query's parameters in their message (a
 * pupil's name, a concern's text), so only the SQL text is kept; stack frames are kept without the
 * message line.
 */
export function loggableError(err: unknown): { name: string; code?: string; message: string; frames: string[] } {
  const e = err instanceof Error ? err : new Error(String(err));
  const code = (e as { code?: unknown }).code;
  const raw = e.message;
  const message = raw.startsWith('Failed query:') ? (raw.split('\nparams:')[0] ?? 'Failed query') : raw.slice(0, 300);
  const frames = (e.stack ?? '')
    .split('\n')
    .filter((l) => l.trimStart().startsWith('at '))
    .slice(0, 15);
  return { name: e.name, ...(typeof code === 'string' ? { code } : {}), message, frames };
}
