/**
 * A closed survey's results for the head or SMHL: how many answered in each group, the share
 * agreeing and the mean for each statement, each group against the rest of the staff, and the
 * change since the previous survey. Figures for groups under five come back from the server only as
 * "fewer than 5 responses". Free text is fetched only after the viewer confirms.
 */
import {
  FREE_TEXT_QUESTION,
  STAFF_GROUP_LABELS,
  freeTextSchema,
  surveyResultsSchema,
  type FreeTextAnswers,
  type SurveyResults,
} from '@tandem/core';
import { useState } from 'react';
import { apiGetFile, apiPost } from '../api/client';
import { useResource } from '../api/useResource';
import { DownloadButton } from '../components/DownloadButton';
import { Button, Checkboxes } from '../components/Form';
import { Loading, Panel } from '../components/Page';
import { Table } from '../components/Table';
import { useAction } from '../components/useAction';
import { LoadError } from '../errors/ErrorPages';
import { SurveyChart } from './SurveyChart';
import { agreeWords, countWords, meanWords, pointsWords, surveyApi } from './surveyApi';

type Statement = SurveyResults['statements'][number];

export function SurveyResultsView({ schoolId, surveyId }: { schoolId: string; surveyId: string }) {
  const api = surveyApi(schoolId, surveyId);
  const { resource, reload } = useResource(`${api}/results`, surveyResultsSchema);
  if (resource.status === 'loading') return <Loading what="Loading the results" />;
  if (resource.status === 'error') return <LoadError error={resource.error} onRetry={reload} />;
  const r = resource.data;
  const groups = r.participation.groups.map((g) => g.group);
  return (
    <section aria-labelledby="results-title" className="survey__results">
      <h2 className="heading-l" id="results-title">
        Results
      </h2>
      <p>
        Figures are shown only for groups where at least {r.minGroupSize} people answered. Where a smaller group could
        be worked out from the others, another group is hidden too.
      </p>
      <Table
        caption="Who answered"
        rowKey={(row) => row.key}
        rows={[
          ...r.participation.groups.map((g) => ({
            key: g.group,
            name: STAFF_GROUP_LABELS[g.group],
            invited: g.invited,
            answered: countWords(g.responded),
          })),
          {
            key: 'all',
            name: 'All staff asked',
            invited: r.participation.overall.invited,
            answered: countWords(r.participation.overall.responded),
          },
        ]}
        columns={[
          { key: 'name', header: 'Group', label: 'Group', cell: (x) => x.name },
          { key: 'invited', header: 'Asked', label: 'Asked', numeric: true, cell: (x) => x.invited },
          { key: 'answered', header: 'Answered', label: 'Answered', cell: (x) => x.answered },
        ]}
      />
      <SurveyChart results={r} describedBy="survey-results-table" />
      <div id="survey-results-table">
        <Table<Statement>
          caption={
            r.previous === null
              ? 'Share agreeing and mean (1 strongly disagree to 5 strongly agree), by group'
              : `Share agreeing and mean, by group, and the change since ${r.previous.title}`
          }
          rowKey={(s) => s.key}
          rows={r.statements}
          columns={[
            { key: 'statement', header: 'Statement', label: 'Statement', cell: (s) => s.text },
            {
              key: 'all',
              header: 'All staff',
              label: 'All staff',
              cell: (s) => (
                <Figure agree={agreeWords(s.overall)} mean={s.overall.shown ? meanWords(s.overall) : null} />
              ),
            },
            ...groups.map((g) => ({
              key: g,
              header: STAFF_GROUP_LABELS[g],
              label: STAFF_GROUP_LABELS[g],
              cell: (s: Statement) => {
                const x = s.groups.find((y) => y.group === g);
                if (x === undefined) return '';
                return (
                  <Figure
                    agree={agreeWords(x.stat)}
                    mean={x.stat.shown ? meanWords(x.stat) : null}
                    vsRest={x.stat.shown ? pointsWords(x.vsRest) : null}
                  />
                );
              },
            })),
            ...(r.previous === null
              ? []
              : [
                  {
                    key: 'change',
                    header: 'Change in share agreeing',
                    label: 'Change in share agreeing',
                    cell: (s: Statement) => pointsWords(s.overallChange),
                  },
                ]),
          ]}
        />
      </div>
      <DownloadButton
        busyText="Making the file…"
        getFile={() => apiGetFile(`${api}/results.csv`, 'staff-survey-results.csv')}
      >
        Download the results (CSV)
      </DownloadButton>
      {r.freeTextAvailable ? (
        <FreeText api={api} />
      ) : (
        <p>No written comments can be shown: none were written in a group of at least {r.minGroupSize}.</p>
      )}
    </section>
  );
}

function Figure({ agree, mean, vsRest }: { agree: string; mean: string | null; vsRest?: string | null }) {
  if (mean === null) return <span className="secondary-text">{agree}</span>;
  return (
    <span className="survey__figure">
      <span>{agree} agree</span>
      <span>mean {mean}</span>
      {vsRest !== undefined && vsRest !== null && <span className="secondary-text">against the rest: {vsRest}</span>}
    </span>
  );
}

function FreeText({ api }: { api: string }) {
  const [promise, setPromise] = useState<string[]>([]);
  const [comments, setComments] = useState<FreeTextAnswers | null>(null);
  const action = useAction();
  return (
    <Panel title="What staff wrote">
      <p>
        Answers to &ldquo;{FREE_TEXT_QUESTION}&rdquo;, in no particular order, only from groups where at least 5 people
        answered. They are shown without names or dates.
      </p>
      {comments === null ? (
        <>
          <Checkboxes
            name="confirm"
            legend="Before you read them"
            options={[{ value: 'yes', label: 'I will not try to identify anyone from what they wrote' }]}
            values={promise}
            onValuesChange={setPromise}
          />
          {action.problem !== null && (
            <p className="error-text" role="alert">
              {action.problem}
            </p>
          )}
          <Button
            variant="secondary"
            disabled={!promise.includes('yes')}
            busy={action.busy}
            busyText="Loading…"
            onClick={() => {
              void action.run(async () => {
                setComments(await apiPost(`${api}/results/free-text`, { confirm: true }, freeTextSchema));
              });
            }}
          >
            Show what staff wrote
          </Button>
        </>
      ) : comments.comments.length === 0 ? (
        <p>Nobody wrote anything that can be shown.</p>
      ) : (
        <ul className="survey__comments">
          {comments.comments.map((c, i) => (
            <li key={i}>
              <blockquote>{c.text}</blockquote>
              {c.group !== null && <span className="secondary-text">{STAFF_GROUP_LABELS[c.group]}</span>}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
