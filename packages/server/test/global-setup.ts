import type { TestProject } from 'vitest/node';
import { adminQuery, buildPgliteTemplate, buildPostgresTemplate, removePgliteTemplate } from './template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const name = await buildPostgresTemplate(databaseUrl);
    project.provide('pgTemplate', name);
    project.provide('pgliteTemplate', '');
    return async () => {
      await adminQuery(databaseUrl, `drop database if exists ${name}`);
    };
  }
  project.provide('pgTemplate', '');
  project.provide('pgliteTemplate', await buildPgliteTemplate());
  return () => {
    removePgliteTemplate();
  };
}
