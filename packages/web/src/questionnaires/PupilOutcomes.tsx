/**
 * The pupil record's "Questionnaires and scores": before-and-after pairs for each intervention,
 * questionnaires still to answer (with "Continue"), those answered with their scores, and
 * "Start a questionnaire".
 */
import {
  QUESTIONNAIRE_STATUS_LABELS,
  RESPONDENT_LABELS,
  TIMEPOINT_LABELS,
  pupilOutcomesSchema,
  type PupilOutcomes as Outcomes,
} from '@tandem/core';
import { useResource } from '../api/useResource';
import { Loading, Tag } from '../components/Page';
import { Table } from '../components/Table';
import { LoadError } from '../errors/ErrorPages';
import { Link } from '../router/router';
import { pupilPage } from '../pupils/pupilsApi';
import { OutcomePairs } from './OutcomePairs';
import { dayOf, pupilOutcomesApi, questionnairePage, scoreInWords } from './questionnairesApi';
import { StartQuestionnaire } from './StartQuestionnaire';

type Row = Outcomes['questionnaires'][number];

export function PupilOutcomes({ schoolId, pupilId }: { schoolId: string; pupilId: string }) {
  const { resource, reload } = useResource(pupilOutcomesApi(schoolId, pupilId), pupilOutcomesSchema);
  return (
    <section aria-labelledby="pupil-outcomes-title">
      <h3 className="heading-m" id="pupil-outcomes-title">
        Questionnaires and scores
      </h3>
      {resource.status === 'loading' && <Loading what="Loading questionnaires" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && <OutcomesContent schoolId={schoolId} pupilId={pupilId} data={resource.data} />}
    </section>
  );
}

function OutcomesContent({ schoolId, pupilId, data }: { schoolId: string; pupilId: string; data: Outcomes }) {
  const open = data.questionnaires.filter((q) => q.status !== 'complete');
  const done = data.questionnaires
    .filter((q) => q.status === 'complete')
    .sort((a, b) => (b.completedAt ?? '').localeCompare(a.completedAt ?? ''));
  const start = data.canStart && data.measures.length > 0 && (
    <StartQuestionnaire schoolId={schoolId} pupilId={pupilId} measures={data.measures} />
  );
  if (data.questionnaires.length === 0) {
    return (
      <div className="empty-state">
        <p>No questionnaires have been asked yet.</p>
        <p>
          Questionnaires show whether things change for a pupil. A baseline is asked when a pupil starts an intervention
          and a follow-up when it ends{data.canStart ? '; you can also ask one now as a check' : ''}.
        </p>
        {start}
      </div>
    );
  }
  return (
    <>
      {data.pairs.length > 0 && (
        <>
          <h4 className="heading-s">Before and after</h4>
          <OutcomePairs pairs={data.pairs} />
        </>
      )}
      {open.length > 0 && (
        <>
          <h4 className="heading-s">To answer</h4>
          <ul className="list list--plain">
            {open.map((q) => (
              <li key={q.id}>
                <strong>{q.measureName}</strong>, {describe(q)}
                {q.dueOn !== null && `, due ${dayOf(q.dueOn)}`}.{' '}
                <Tag tone="blue">{QUESTIONNAIRE_STATUS_LABELS[q.status]}</Tag>{' '}
                <Link to={questionnairePage(schoolId, q.id)}>
                  {q.status === 'due' ? 'Start' : 'Continue'}
                  <span className="visually-hidden"> {q.measureName}</span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {done.length > 0 && (
        <>
          <h4 className="heading-s">Answered</h4>
          <Table
            caption="Questionnaires answered, newest first"
            captionHidden
            rows={done}
            rowKey={(q) => q.id}
            columns={[
              {
                key: 'measure',
                header: 'Name',
                label: 'Name',
                cell: (q) => <Link to={questionnairePage(schoolId, q.id)}>{q.measureName}</Link>,
              },
              {
                key: 'date',
                header: 'Date',
                label: 'Date',
                nowrap: true,
                cell: (q) => (q.completedAt === null ? '' : dayOf(q.completedAt)),
              },
              { key: 'what', header: 'When and who', label: 'When and who', cell: (q) => describe(q) },
              {
                key: 'scores',
                header: 'Scores',
                label: 'Scores',
                cell: (q) => (
                  <>
                    <Scores q={q} />
                    <Link to={`${pupilPage(schoolId, pupilId)}/level?score=${encodeURIComponent(q.id)}`}>
                      Use as evidence for a level change
                      <span className="visually-hidden">
                        : {q.measureName}
                        {q.completedAt === null ? '' : `, ${dayOf(q.completedAt)}`}
                      </span>
                    </Link>
                  </>
                ),
              },
            ]}
          />
        </>
      )}
      {start}
    </>
  );
}

/** "Before (baseline), Worry group, answered by the pupil". */
function describe(q: Row): string {
  const parts = [
    TIMEPOINT_LABELS[q.timepoint],
    q.interventionName,
    `answered by ${RESPONDENT_LABELS[q.respondent].toLowerCase()}`,
  ];
  return parts.filter((p): p is string => p !== null).join(', ');
}

function Scores({ q }: { q: Row }) {
  return (
    <>
      {q.riskRaised && (
        <p>
          <Tag tone="red">A safety question was answered</Tag>
        </p>
      )}
      <ul className="list list--plain">
        {(q.scores ?? []).map((s) => (
          <li key={s.id}>
            {s.label}: {scoreInWords(s)}
          </li>
        ))}
      </ul>
    </>
  );
}
