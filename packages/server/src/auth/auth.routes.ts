import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AppError,
  forgotPasswordBody,
  mfaCodeBody,
  mfaEnrolmentResponse,
  okResponse,
  oneTimeLinkResponse,
  oneTimeTokenBody,
  recoveryCodesResponse,
  resetPasswordBody,
  sessionResponse,
  signInBody,
  handBackSchema,
} from '@tandem/core';
import { noStore, SESSION_COOKIE } from '../http/context';
import { checkOneTimeToken } from './use-cases/check-one-time-token';
import { confirmEnrolment } from './use-cases/confirm-enrolment';
import { describeSession } from './use-cases/describe-session';
import { requestPasswordReset } from './use-cases/request-password-reset';
import { resetPassword } from './use-cases/reset-password';
import { signIn } from './use-cases/sign-in';
import { signOut } from './use-cases/sign-out';
import { handBack } from './use-cases/hand-back';
import { startEnrolment } from './use-cases/start-enrolment';
import { verifySecondFactor } from './use-cases/verify-second-factor';

const TAGS = ['Sign-in'];
export function authRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  /**
   * Per network address, on the routes that check a one-time token or send e-mail (a flood guard:
   * tokens cannot be guessed). The count is kept in the database (http/rate-limit-store.ts), so
   * every app process shares it.
   */
  const SECRET_ROUTE_LIMIT = { rateLimit: { max: deps.config.signInRateLimitPerMinute, timeWindow: '1 minute' } };

  const setSessionCookie = (reply: FastifyReply, token: string) => {
    void reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.config.secureCookies,
      maxAge: deps.config.absoluteSessionHours * 3600,
    });
  };

  r.get(
    '/api/auth/csrf',
    { config: { handedDevice: 'always' }, schema: { tags: TAGS, response: { 200: z.object({ token: z.string() }) } } },
    async (_req, reply) => {
      noStore(reply);
      return { token: reply.generateCsrf() };
    },
  );

  r.get(
    '/api/auth/session',
    { config: { handedDevice: 'always' }, schema: { tags: TAGS, response: { 200: sessionResponse } } },
    async (req, reply) => {
      noStore(reply);
      return describeSession(deps, req.auth);
    },
  );

  // Sign-in and the second factor are limited per account and per network address in the database
  // (throttle.ts), not by the in-process limiter: several app processes share one database, and a
  // per-address limit alone would lock out a whole school behind one address.
  r.post(
    '/api/auth/sign-in',
    { schema: { tags: TAGS, body: signInBody, response: { 200: sessionResponse } } },
    async (req, reply) => {
      noStore(reply);
      const result = await signIn(deps, req.body.email, req.body.password, req.ip, req.body.code);
      setSessionCookie(reply, result.token);
      return describeSession(deps, result.auth);
    },
  );

  r.post(
    '/api/auth/mfa/verify',
    { schema: { tags: TAGS, body: mfaCodeBody, response: { 200: sessionResponse } } },
    async (req, reply) => {
      noStore(reply);
      if (!req.auth) throw new AppError('unauthenticated', 'no session');
      const token = await verifySecondFactor(deps, req.auth, req.body.code, req.ip);
      setSessionCookie(reply, token);
      return describeSession(deps, req.auth);
    },
  );

  r.post(
    '/api/auth/mfa/enrol/start',
    { schema: { tags: TAGS, body: z.strictObject({}).optional(), response: { 200: mfaEnrolmentResponse } } },
    async (req, reply) => {
      noStore(reply);
      if (!req.auth) throw new AppError('unauthenticated', 'no session');
      return startEnrolment(deps, req.auth, req.ip);
    },
  );

  r.post(
    '/api/auth/mfa/enrol/confirm',
    { config: SECRET_ROUTE_LIMIT, schema: { tags: TAGS, body: mfaCodeBody, response: { 200: recoveryCodesResponse } } },
    async (req, reply) => {
      noStore(reply);
      if (!req.auth) throw new AppError('unauthenticated', 'no session');
      const result = await confirmEnrolment(deps, req.auth, req.body.code, req.ip);
      setSessionCookie(reply, result.token);
      return { recoveryCodes: result.recoveryCodes };
    },
  );

  r.post(
    '/api/auth/sign-out',
    {
      config: { handedDevice: 'always' },
      schema: { tags: TAGS, body: z.strictObject({}).optional(), response: { 200: okResponse } },
    },
    async (req, reply) => {
      if (req.auth) await signOut(deps, req.auth, req.ip);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  r.post(
    '/api/auth/hand-back',
    {
      config: { ...SECRET_ROUTE_LIMIT, handedDevice: 'always' },
      schema: {
        tags: TAGS,
        summary: 'Take back a device handed to a pupil, with the staff member’s own password',
        body: handBackSchema,
        response: {
          200: z.object({
            ok: z.literal(true),
            schoolId: z.string().nullable(),
            questionnaireId: z.string().nullable(),
          }),
        },
      },
    },
    async (req, reply) => {
      noStore(reply);
      if (!req.auth?.mfaSatisfied) throw new AppError('unauthenticated', 'no session');
      return handBack(deps, req.auth, req.body.password, req.ip);
    },
  );

  r.post(
    '/api/auth/password/forgot',
    { config: SECRET_ROUTE_LIMIT, schema: { tags: TAGS, body: forgotPasswordBody, response: { 200: okResponse } } },
    async (req) => {
      await requestPasswordReset(deps, req.body.email, req.ip);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/auth/password/check-token',
    {
      config: SECRET_ROUTE_LIMIT,
      schema: {
        tags: TAGS,
        body: oneTimeTokenBody,
        response: { 200: oneTimeLinkResponse },
      },
    },
    async (req) => checkOneTimeToken(deps, req.body.token),
  );

  r.post(
    '/api/auth/password/reset',
    { config: SECRET_ROUTE_LIMIT, schema: { tags: TAGS, body: resetPasswordBody, response: { 200: okResponse } } },
    async (req) => {
      await resetPassword(deps, req.body.token, req.body.password, req.ip);
      return { ok: true as const };
    },
  );
}
