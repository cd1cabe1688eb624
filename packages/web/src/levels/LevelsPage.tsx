import {
  LEVEL_CODES,
  LEVEL_THRIVE,
  THRIVE_GROUPS,
  THRIVE_LABELS,
  type LevelDefinition,
  type ThriveGroup,
} from '@tandem/core';
import { schoolCan, useSchool } from '../auth/session';
import { formatDate } from '../components/dates';
import { LevelBadge } from '../components/LevelBadge';
import { FlashBanner, Loading, PageTitle } from '../components/Page';
import { Table } from '../components/Table';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { LevelWording } from '../pupils/LevelWording';
import { levelsPage, useLevelFramework } from '../pupils/pupilsApi';
import { Link, useFlash, useLocation } from '../router/router';
import { useEffect } from 'react';

const THRIVE_MEANING: Record<ThriveGroup, string> = {
  thriving: 'Prevention and promotion: the support every pupil has.',
  getting_advice: 'Mild or temporary difficulties: advice and signposting.',
  getting_help: 'Focused, goal-based help.',
  getting_more_help: 'Extensive, specialised help.',
  getting_risk_support: 'Risk management while help is not working, or is not being used.',
};

export function LevelsPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const allowed = schoolCan(school, 'pupil.readList');
  const flash = useFlash();
  const framework = useLevelFramework(allowed ? schoolId : null);
  const { hash } = useLocation();
  const ready = framework.resource.status === 'ready';
  // "Back to levels" from a level's pages returns to that level's card.
  useEffect(() => {
    if (!ready || flash !== null || !/^#level-mh[1-5]$/.test(hash)) return;
    const card = document.getElementById(hash.slice(1));
    card?.scrollIntoView({ block: 'start' });
    card?.focus({ preventScroll: true });
  }, [ready, flash, hash]);
  if (school === undefined || !allowed) return <NotFoundPage />;
  const canEdit = schoolCan(school, 'level.editFramework');
  const { resource } = framework;

  return (
    <>
      <FlashBanner flash={flash} />
      <PageTitle caption={school.name}>Levels</PageTitle>
      <p className="lead">
        Every pupil is either thriving or on one of five mental health levels. Each level says what school and home do,
        and what evidence moves a pupil up.
      </p>
      {canEdit && (
        <p>
          You can change the wording of each level to suit your school. The five levels and their THRIVE groups stay the
          same. Pupils&rsquo; records keep the wording that was in force when their level was set.
        </p>
      )}
      {resource.status === 'loading' && <Loading what="Loading the levels" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={framework.reload} />}
      {resource.status === 'ready' && (
        <>
          <nav aria-label="Levels on this page" className="contents-list">
            <h2 className="heading-s">Contents</h2>
            <ul className="list">
              {resource.data.levels.map((l) => (
                <li key={l.code}>
                  <a href={`#level-${l.code.toLowerCase()}`}>
                    {l.code}: {l.name}
                  </a>
                </li>
              ))}
              <li>
                <a href="#thrive">How the levels match the THRIVE groups</a>
              </li>
            </ul>
          </nav>
          <ul className="level-cards">
            {resource.data.levels.map((l) => (
              <LevelCard key={l.code} level={l} schoolId={school.id} canEdit={canEdit} />
            ))}
          </ul>
          <section aria-labelledby="thrive">
            <h2 className="heading-l" id="thrive">
              How the levels match the THRIVE groups
            </h2>
            <p>Reports group pupils by THRIVE group as well as by level.</p>
            <Table
              caption="Levels and THRIVE groups"
              captionHidden
              rows={THRIVE_GROUPS}
              rowKey={(g) => g}
              columns={[
                { key: 'group', header: 'THRIVE group', label: 'THRIVE group', cell: (g) => THRIVE_LABELS[g] },
                { key: 'meaning', header: 'What it means', label: 'What it means', cell: (g) => THRIVE_MEANING[g] },
                {
                  key: 'levels',
                  header: 'Levels',
                  label: 'Levels',
                  nowrap: true,
                  cell: (g) =>
                    g === 'thriving' ? 'No level' : LEVEL_CODES.filter((c) => LEVEL_THRIVE[c] === g).join(' and '),
                },
              ]}
            />
          </section>
        </>
      )}
    </>
  );
}

function LevelCard({ level, schoolId, canEdit }: { level: LevelDefinition; schoolId: string; canEdit: boolean }) {
  const base = `${levelsPage(schoolId)}/${level.code}`;
  const headingId = `level-${level.code.toLowerCase()}`;
  return (
    <li className={`level-card level-card--${level.code.toLowerCase()}`}>
      <section aria-labelledby={headingId}>
        <h2 className="level-card__title" id={headingId} tabIndex={-1}>
          <LevelBadge code={level.code} name={level.name} size="large" />
        </h2>
        <p className="level-card__thrive">
          <span className="secondary-text">THRIVE group:</span> <strong>{THRIVE_LABELS[level.thriveGroup]}</strong>
        </p>
        <LevelWording def={level} />
        <p className="level-card__meta secondary-text">
          Version {level.version}
          {level.version > 1 &&
            `, changed on ${formatDate(level.createdAt)}${level.createdByName !== null ? ` by ${level.createdByName}` : ''}`}
          .
        </p>
        <ul className="level-card__actions">
          {canEdit && (
            <li>
              <Link to={`${base}/edit`} className="button button--secondary button--small">
                Change the wording<span className="visually-hidden"> of {level.code}</span>
              </Link>
            </li>
          )}
          <li>
            {level.version > 1 ? (
              <Link to={`${base}/versions`}>
                Earlier wordings<span className="visually-hidden"> of {level.code}</span>
              </Link>
            ) : (
              <span className="secondary-text">No earlier wordings</span>
            )}
          </li>
        </ul>
      </section>
    </li>
  );
}
