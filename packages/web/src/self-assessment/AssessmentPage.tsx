/**
 * One self-assessment: its areas as sections with a contents list, each statement rated with
 * evidence and saved on its own; the previous assessment's ratings beside; the lead confirms it
 * once every statement is rated, after which it reads as it stands.
 */
import { useState } from 'react';
import { z } from 'zod';
import {
  areaRating,
  assessmentDetailSchema,
  evidenceRecordsSchema,
  FRAMEWORK_LABELS,
  ratedProgress,
  ratingCounts,
  type AssessmentDetail,
  type StatementRating,
} from '@tandem/core';
import { apiPost } from '../api/client';
import { useResource } from '../api/useResource';
import { useSchool } from '../auth/session';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { formatDate, formatIsoDay } from '../components/dates';
import { Button } from '../components/Form';
import { BackLink, FlashBanner, Loading, PageTitle, Tag } from '../components/Page';
import { useAction } from '../components/useAction';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { Link, useFlash } from '../router/router';
import { AreaSection, areaAnchor } from './AreaSection';
import {
  assessmentPage,
  confirmApi,
  evidenceRecordsApi,
  readsAssessments,
  ratingWords,
  assessmentApi,
  selfAssessmentPage,
} from './selfAssessmentApi';
import './self-assessment.css';

const ok = z.object({ ok: z.literal(true) });

/** The detail with one statement replaced, and its area's figures worked out again. */
function withStatement(d: AssessmentDetail, saved: StatementRating): AssessmentDetail {
  const areas = d.areas.map((a) => {
    if (!a.statements.some((s) => s.key === saved.key)) return a;
    const statements = a.statements.map((s) => (s.key === saved.key ? saved : s));
    const ratings = statements.map((s) => s.rating);
    return { ...a, statements, rating: areaRating(ratings), counts: ratingCounts(ratings) };
  });
  const rated = areas.flatMap((a) => a.statements).filter((s) => s.rating !== null).length;
  return { ...d, areas, assessment: { ...d.assessment, rated } };
}

export function AssessmentPage({ schoolId, assessmentId }: { schoolId: string; assessmentId: string }) {
  const school = useSchool(schoolId);
  const allowed = readsAssessments(school);
  const flash = useFlash();
  const { resource, reload, setData } = useResource(
    allowed ? assessmentApi(schoolId, assessmentId) : null,
    assessmentDetailSchema,
  );
  const editable = resource.status === 'ready' && resource.data.mayEdit;
  const records = useResource(editable ? evidenceRecordsApi(schoolId) : null, evidenceRecordsSchema).resource;
  if (school === undefined || !allowed) return <NotFoundPage />;
  return (
    <div className="self-assessment">
      <BackLink to={selfAssessmentPage(school.id)}>Back to self-assessments</BackLink>
      <FlashBanner flash={flash} />
      {resource.status === 'loading' && <Loading what="Loading the self-assessment" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && (
        <Assessment
          schoolId={school.id}
          caption={school.name}
          detail={resource.data}
          records={records.status === 'ready' ? records.data : null}
          onSaved={(s) => {
            setData(withStatement(resource.data, s));
          }}
          onConfirmed={reload}
        />
      )}
    </div>
  );
}

function Assessment({
  schoolId,
  caption,
  detail,
  records,
  onSaved,
  onConfirmed,
}: {
  schoolId: string;
  caption: string;
  detail: AssessmentDetail;
  records: z.infer<typeof evidenceRecordsSchema> | null;
  onSaved: (s: StatementRating) => void;
  onConfirmed: () => void;
}) {
  const a = detail.assessment;
  return (
    <>
      <PageTitle caption={caption}>Self-assessment {a.periodLabel}</PageTitle>
      <p className="lead">{FRAMEWORK_LABELS[a.framework]}</p>
      <p>
        <Tag tone={a.status === 'draft' ? 'blue' : 'green'}>{a.status === 'draft' ? 'Draft' : 'Confirmed'}</Tag>{' '}
        {ratedProgress(a.rated, a.total)}
      </p>
      <p className="secondary-text">
        Started by {a.startedBy} on {formatIsoDay(a.startedOn)}
        {a.confirmed !== null && `; confirmed by ${a.confirmed.name} on ${formatDate(a.confirmed.at)}`}.
        {detail.previous !== null && (
          <>
            {' '}
            Ratings from <Link to={assessmentPage(schoolId, detail.previous.id)}>
              {detail.previous.periodLabel}
            </Link>{' '}
            show as &ldquo;last time&rdquo;.
          </>
        )}
      </p>
      {detail.mayEdit && (
        <p>
          Each statement saves when you move on from it, or when you press its Save button. Rate it on the scale and say
          what shows it.
        </p>
      )}
      <nav className="sa-contents" aria-labelledby="sa-contents-title">
        <h2 className="heading-s" id="sa-contents-title">
          Areas
        </h2>
        <ol className="list">
          {detail.areas.map((area) => (
            <li key={area.key}>
              <a href={`#${areaAnchor(area.key)}`}>{area.title}</a>{' '}
              <span className="secondary-text">
                ({ratingWords(area.rating)};{' '}
                {area.counts.unrated === 0 ? 'all rated' : `${String(area.counts.unrated)} not rated`})
              </span>
            </li>
          ))}
        </ol>
      </nav>
      {detail.areas.map((area) => (
        <AreaSection
          key={area.key}
          schoolId={schoolId}
          assessmentId={a.id}
          area={area}
          editable={detail.mayEdit}
          records={records}
          onSaved={onSaved}
        />
      ))}
      {detail.mayLead && a.status === 'draft' && (
        <ConfirmSection schoolId={schoolId} detail={detail} onConfirmed={onConfirmed} />
      )}
    </>
  );
}

function ConfirmSection({
  schoolId,
  detail,
  onConfirmed,
}: {
  schoolId: string;
  detail: AssessmentDetail;
  onConfirmed: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const action = useAction();
  const a = detail.assessment;
  const left = a.total - a.rated;
  const confirm = async () => {
    const done = await action.run(async () => {
      await apiPost(confirmApi(schoolId, a.id), {}, ok);
    });
    setAsking(false);
    if (done) onConfirmed();
  };
  return (
    <section className="sa-section sa-confirm" aria-labelledby="sa-confirm-title">
      <h2 className="heading-m" id="sa-confirm-title">
        Confirm the self-assessment
      </h2>
      <p>
        {left === 0
          ? 'Every statement is rated. Once confirmed, it can no longer be changed, and it becomes the one next year’s is compared with.'
          : `${String(left)} ${left === 1 ? 'statement is' : 'statements are'} not rated yet. Every statement must be rated before you confirm.`}
      </p>
      {action.problem !== null && (
        <p className="error-text" role="alert">
          {action.problem}
        </p>
      )}
      <Button
        onClick={() => {
          setAsking(true);
        }}
      >
        Confirm the self-assessment
      </Button>
      <ConfirmDialog
        open={asking}
        title="Confirm this self-assessment?"
        confirmText="Confirm it"
        busy={action.busy}
        onConfirm={() => void confirm()}
        onCancel={() => {
          setAsking(false);
        }}
      >
        <p>Nobody can change its ratings or evidence after this.</p>
      </ConfirmDialog>
    </section>
  );
}
