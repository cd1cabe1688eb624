/**
 * Builds the HTTP application from its dependencies. Tests build it with a test database, a
 * controllable clock and a real SMTP mailer pointed at a local server; main.ts with the real ones.
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifySchema } from 'fastify';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from './platform/deps';
import { registerErrorHandling, registerNotFound } from './http/errors';
import { registerWebApp } from './http/static';
import { registerAuthContext } from './http/context';
import { registerHandedDevice } from './http/handed-device';
import { registerTextSafety } from './http/text-safety';
import { databaseRateLimitStore } from './http/rate-limit-store';
import { authRoutes } from './auth/auth.routes';
import { schoolRoutes } from './schools/schools.routes';
import { staffRoutes } from './staff/staff.routes';
import { auditRoutes } from './audit/audit.routes';
import { importRoutes } from './pupils/import/import.routes';
import { sharingRoutes } from './levels/sharing.routes';
import { levelRoutes } from './levels/levels.routes';
import { pupilRoutes } from './pupils/pupils.routes';
import { chronologyRoutes } from './platform/chronology/chronology.routes';
import { concernRoutes } from './concerns/concerns.routes';
import { alertRoutes } from './platform/alerts.routes';
import { caseAccessRoutes } from './platform/case-access.routes';
import { myWorkRoutes } from './platform/my-work.routes';
import { fileRoutes } from './concerns/files.routes';
import { dutyRoutes } from './concerns/duty.routes';
import { planRoutes } from './plans/plans.routes';
import { interventionRoutes } from './interventions/interventions.routes';
import { questionnaireRoutes } from './interventions/questionnaires.routes';
import { referralRoutes } from './referrals/referrals.routes';
import { serviceRoutes } from './referrals/services.routes';
import { levelFamilyRoutes } from './levels/levels.family-routes';
import { questionnaireFamilyRoutes } from './interventions/questionnaires.family-routes';
import { familyRoutes } from './family/family.routes';
import { familyStaffRoutes } from './family/family-staff.routes';
import { checkinRoutes } from './family/checkins.routes';
import { documentRoutes } from './platform/documents.routes';
import { assessmentRoutes } from './improvement/assessments.routes';
import { actionRoutes } from './improvement/actions.routes';
import { resourceRoutes } from './resources/resources.routes';
import { staffSurveyRoutes } from './staff-survey/staff-survey.routes';
import { trainingRoutes } from './training/training.routes';
import { policyRoutes } from './policies/policies.routes';
import { reportRoutes } from './reports/reports.routes';
import { attendanceRoutes } from './attendance/attendance.routes';
import { missingRoutes } from './attendance/missing.routes';
import { provisionRoutes } from './provision/provision.routes';
import { subjectAccessRoutes } from './subject-access/subject-access.routes';
import { retentionRoutes } from './retention/retention.routes';
import { earlyRoutes } from './early-identification/early.routes';
import { transferRoutes } from './transfers/transfers.routes';
import { termDateRoutes } from './schools/term-dates.routes';
import { ssoRoutes } from './sso/sso.routes';
import { calendarRoutes } from './calendar/calendar.routes';

/** A route as registered: its method, URL pattern (e.g. GET /api/schools/:schoolId) and schemas. */
export interface RegisteredRoute {
  method: string;
  url: string;
  schema: FastifySchema | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Every route the app registered (without the HEAD twin of each GET), so a test can walk them
     * all and a route added later cannot be left out of the access checks.
     */
    registeredRoutes: readonly RegisteredRoute[];
  }
}

/** Largest JSON body accepted; CSV imports have their own, larger limit on their route. */
export const BODY_LIMIT = 256 * 1024;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function buildApp(deps: AppDeps, options: { logger?: boolean | object } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    trustProxy: deps.config.trustProxy,
  });
  app.decorate('deps', deps);
  const registeredRoutes: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', registeredRoutes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') registeredRoutes.push({ method, url: route.url, schema: route.schema });
    }
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  registerTextSafety(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: deps.config.secureCookies ? [] : null,
      },
    },
    hsts: deps.config.secureCookies,
    referrerPolicy: { policy: 'no-referrer' },
  });
  await app.register(cookie);
  await app.register(csrf, {
    cookieKey: 'tandem_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'strict', secure: deps.config.secureCookies },
    getToken: (req) => {
      const header = req.headers['x-csrf-token'];
      return typeof header === 'string' ? header : undefined;
    },
  });
  // Counts kept in the database, so that every app process on it shares them.
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(deps.database) });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tandem API',
        version: '0.1.0',
        description: 'Whole-school mental health, with parents, pupils and health services.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tandem_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });

  registerAuthContext(app);
  registerHandedDevice(app);
  // Every state-changing request must carry the CSRF token, signed in or not.
  app.addHook('onRequest', (request, reply, done) => {
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) {
      done();
      return;
    }
    app.csrfProtection(request, reply, done);
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/health',
    {
      config: { handedDevice: 'always' },
      schema: {
        tags: ['Service'],
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async () => {
      await deps.database.raw('select 1');
      return { status: 'ok' as const, database: deps.database.kind };
    },
  );
  r.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  authRoutes(app);
  schoolRoutes(app);
  staffRoutes(app);
  auditRoutes(app);
  importRoutes(app);
  sharingRoutes(app);
  levelRoutes(app);
  pupilRoutes(app);
  chronologyRoutes(app);
  concernRoutes(app);
  alertRoutes(app);
  caseAccessRoutes(app);
  myWorkRoutes(app);
  await app.register(fileRoutes);
  dutyRoutes(app);
  planRoutes(app);
  levelFamilyRoutes(app);
  questionnaireFamilyRoutes(app);
  familyRoutes(app);
  familyStaffRoutes(app);
  checkinRoutes(app);
  interventionRoutes(app);
  questionnaireRoutes(app);
  referralRoutes(app);
  serviceRoutes(app);
  await app.register(documentRoutes);
  assessmentRoutes(app);
  actionRoutes(app);
  resourceRoutes(app);
  staffSurveyRoutes(app);
  trainingRoutes(app);
  policyRoutes(app);
  reportRoutes(app);
  attendanceRoutes(app);
  missingRoutes(app);
  provisionRoutes(app);
  subjectAccessRoutes(app);
  retentionRoutes(app);
  earlyRoutes(app);
  transferRoutes(app);
  termDateRoutes(app);
  ssoRoutes(app);
  calendarRoutes(app);

  const dist = deps.config.webDistDir;
  const serveWebApp = Boolean(dist && fs.existsSync(path.join(dist, 'index.html')));
  if (dist && serveWebApp) {
    await registerWebApp(app, dist);
  }
  registerNotFound(app, serveWebApp);
  return app;
}
