/**
 * Single sign-on over HTTP: the school's connection for its administrators, and the sign-in's two
 * legs for staff who are not signed in yet (start, then the identity provider's return).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  SSO_ATTEMPT_MINUTES,
  SSO_PROVIDERS,
  ssoCheckResponse,
  ssoConnectionBody,
  ssoConnectionSchema,
  ssoConnectionsResponse,
  ssoStartQuery,
  type SsoStartQuery,
} from '@tandem/core';
import { noStore, requireActor, SESSION_COOKIE } from '../http/context';
import type { SchoolRequest } from '../platform/gate';
import { checkConnection } from './use-cases/check-connection';
import { finishSignIn } from './use-cases/finish-sign-in';
import { readConnections } from './use-cases/read-connections';
import { saveConnection } from './use-cases/save-connection';
import { startSignIn } from './use-cases/start-sign-in';

/** The cookie holding the starting browser's value for a sign-in in progress. */
const SSO_BROWSER_COOKIE = 'tandem_sso';

const TAGS = ['Single sign-on'];
const schoolParams = z.object({ schoolId: z.uuid() });
const providerParams = schoolParams.extend({ provider: z.enum(SSO_PROVIDERS) });

function at(req: FastifyRequest & { params: { schoolId: string } }): SchoolRequest {
  return { actor: requireActor(req), schoolId: req.params.schoolId, ip: req.ip };
}

export function ssoRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  const S = '/api/schools/:schoolId/sso';
  const LIMIT = { rateLimit: { max: deps.config.signInRateLimitPerMinute, timeWindow: '1 minute' } };

  r.get(
    S,
    {
      schema: {
        tags: TAGS,
        summary: 'The school’s single sign-on connections (never the client secret)',
        params: schoolParams,
        response: { 200: ssoConnectionsResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return readConnections(deps, at(req));
    },
  );
  r.put(
    `${S}/:provider`,
    {
      schema: {
        tags: TAGS,
        summary: 'Connect (or change) the school’s Microsoft or Google tenant',
        params: providerParams,
        body: ssoConnectionBody,
        response: { 200: ssoConnectionSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return saveConnection(deps, at(req), req.params.provider, req.body);
    },
  );
  r.post(
    `${S}/:provider/check`,
    {
      config: LIMIT,
      schema: {
        tags: TAGS,
        summary: 'Check the saved connection reaches the identity provider',
        params: providerParams,
        body: z.strictObject({}).optional(),
        response: { 200: ssoCheckResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return checkConnection(deps, at(req), req.params.provider);
    },
  );

  // Starting and finishing a sign-in: for people not signed in. The sign-in throttle (per account
  // and per address, in the database) counts refusals; the flood guard limits the rest.
  // The browser that starts a sign-in keeps a random value in a cookie for the attempt's life; the
  // callback is accepted only with it (so a sign-in link cannot sign someone else in).
  const start = async (query: SsoStartQuery, reply: FastifyReply) => {
    const { url, browserToken } = await startSignIn(deps, query);
    void reply.setCookie(SSO_BROWSER_COOKIE, browserToken, {
      path: '/api/auth/sso',
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.config.secureCookies,
      maxAge: SSO_ATTEMPT_MINUTES * 60,
    });
    return url.href;
  };
  r.get(
    '/api/auth/sso/start',
    {
      config: LIMIT,
      schema: { tags: TAGS, summary: 'Go to the identity provider (a browser’s link)', querystring: ssoStartQuery },
    },
    async (req, reply) => {
      noStore(reply);
      try {
        return await reply.redirect(await start(req.query, reply), 303);
      } catch (error) {
        const e = error as { code?: string; message?: string };
        const code =
          e.code === 'account_locked'
            ? 'locked'
            : e.message === 'sso discovery failed'
              ? 'idp_error'
              : 'domain_not_connected';
        return reply.redirect(`/sign-in?sso=${code}&provider=${req.query.provider}`, 303);
      }
    },
  );
  r.post(
    '/api/auth/sso/start',
    {
      config: LIMIT,
      schema: {
        tags: TAGS,
        summary: 'Where to send the browser to sign in with the school’s identity provider',
        body: ssoStartQuery,
        response: { 200: z.object({ url: z.string() }) },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return { url: await start(req.body, reply) };
    },
  );
  r.get(
    '/api/auth/sso/callback',
    {
      config: LIMIT,
      schema: {
        tags: TAGS,
        summary: 'Where the identity provider sends the person back',
        querystring: z.record(z.string().max(100), z.string().max(4000)),
      },
    },
    async (req, reply: FastifyReply) => {
      noStore(reply);
      const result = await finishSignIn(
        deps,
        req.query as Record<string, string>,
        req.cookies[SSO_BROWSER_COOKIE] ?? '',
        req.ip,
      );
      void reply.clearCookie(SSO_BROWSER_COOKIE, { path: '/api/auth/sso' });
      if ('refused' in result) return reply.redirect(`/sign-in?sso=${result.refused}`, 303);
      const { token, auth } = result.session;
      void reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.config.secureCookies,
        maxAge: deps.config.absoluteSessionHours * 3600,
      });
      const next = auth.mfaSatisfied ? '/' : auth.totpEnabled ? '/sign-in/two-factor' : '/set-up-two-factor';
      return reply.redirect(next, 303);
    },
  );
}
