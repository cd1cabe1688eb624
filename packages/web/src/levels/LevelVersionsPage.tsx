import { isLevelCode, levelDefinitionSchema } from '@tandem/core';
import { z } from 'zod';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool } from '../auth/session';
import { formatDate } from '../components/dates';
import { BackLink, Loading, PageTitle, Tag } from '../components/Page';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { LevelWording } from '../pupils/LevelWording';
import { levelsApi, levelsPage } from '../pupils/pupilsApi';

const versionsResponse = z.object({ versions: z.array(levelDefinitionSchema) });

export function LevelVersionsPage({ schoolId, code }: { schoolId: string; code: string }) {
  const school = useSchool(schoolId);
  const allowed = schoolCan(school, 'pupil.readList') && isLevelCode(code);
  const { resource, reload } = useResource(
    allowed ? `${levelsApi(schoolId)}/${code}/versions` : null,
    versionsResponse,
  );
  if (school === undefined || !allowed) return <NotFoundPage />;
  const versions = resource.status === 'ready' ? [...resource.data.versions].sort((a, b) => b.version - a.version) : [];
  const newest = versions[0]?.version;
  return (
    <>
      <BackLink to={`${levelsPage(school.id)}#level-${code.toLowerCase()}`}>Back to levels</BackLink>
      <PageTitle caption={school.name}>Earlier wordings of {code}</PageTitle>
      <p>Every wording your school has used for {code}, newest first. Nothing is ever deleted.</p>
      {resource.status === 'loading' && <Loading what="Loading the wordings" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {versions.map((v) => (
        <section key={v.id} className="version" aria-labelledby={`version-${String(v.version)}`}>
          <h2 className="heading-m" id={`version-${String(v.version)}`}>
            Version {v.version}: {v.name} {v.version === newest && <Tag tone="green">In use now</Tag>}
          </h2>
          <p className="secondary-text">
            {v.version === 1 ? 'The first wording, from' : 'Saved on'} {formatDate(v.createdAt)}
            {v.createdByName !== null && ` by ${v.createdByName}`}.
          </p>
          <details className="details">
            <summary className="details__summary">
              <span className="details__summary-text">Show version {v.version} in full</span>
            </summary>
            <div className="details__text">
              <LevelWording def={v} headingLevel={4} />
            </div>
          </details>
        </section>
      ))}
    </>
  );
}
