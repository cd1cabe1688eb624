/**
 * The pupils in an intervention now (with their sessions, questionnaires and whether parents were
 * told), and those who have finished. Ending a place and telling parents are done from here.
 */
import { Outcome, changeLine } from '../questionnaires/OutcomePairs';
import { PLACE_STATUS_LABELS, QUESTIONNAIRE_STATUS_LABELS, TIMEPOINT_LABELS, yearGroupLabel } from '@tandem/core';
import { apiGetFile, apiPost } from '../api/client';
import type { SessionSchool } from '../auth/session';
import { formatDate, formatIsoDay } from '../components/dates';
import { DownloadButton } from '../components/DownloadButton';
import { Button } from '../components/Form';
import { countOf } from '../components/format';
import { LevelBadge } from '../components/LevelBadge';
import { Tag } from '../components/Page';
import { Table } from '../components/Table';
import { useAction } from '../components/useAction';
import { Link } from '../router/router';
import { EndPlaceForm } from './EndPlaceForm';
import {
  okResponse,
  placeApi,
  questionnairePage,
  rowOpen,
  rowPanel,
  type Detail,
  type InPlace,
  type SectionProps,
} from './interventionsApi';
import { RowActions } from './RowActions';

/** "Year 8, 8R" */
export function yearForm(p: { yearGroup: number | null; form: string | null }): string {
  const year = p.yearGroup === null ? null : yearGroupLabel(p.yearGroup);
  return [year, p.form].filter((x): x is string => x !== null && x !== '').join(', ');
}

/** A questionnaire's state, linked to it when there is one. */
export function QuestionnaireState({
  schoolId,
  timepoint,
  questionnaire,
}: {
  schoolId: string;
  timepoint: 'baseline' | 'follow_up';
  questionnaire: { id: string; status: keyof typeof QUESTIONNAIRE_STATUS_LABELS } | null;
}) {
  const label = TIMEPOINT_LABELS[timepoint];
  if (questionnaire === null) return <span className="block secondary-text">{label}: none</span>;
  return (
    <span className="block">
      <Link to={questionnairePage(schoolId, questionnaire.id)}>{label}</Link>:{' '}
      {QUESTIONNAIRE_STATUS_LABELS[questionnaire.status]}
    </span>
  );
}

export function InPlaces({ school, data, onDone, panel, onPanel }: SectionProps) {
  const told = useAction<string>();
  const mayEnd = data.canManage || data.canRecordSessions;
  const i = data.intervention;

  const recordTold = (p: InPlace) =>
    told.runAs(p.placeId, async () => {
      await apiPost(`${placeApi(school.id, i.id, p.placeId)}/parents-told`, {}, okResponse);
      onDone(`Recorded that ${p.name}’s parents were told`, 'It is in the pupil’s chronology.');
    });

  return (
    <section aria-labelledby="in-title" className="intervention-section">
      <h2 className="heading-l" id="in-title">
        In the intervention
      </h2>
      {data.inPlaces.length === 0 ? (
        <p className="empty-state">
          No one is in it now.{' '}
          {!data.canManage
            ? 'Pupils start when the Senior Mental Health Lead gives them a place from the waiting list.'
            : data.waiting.length > 0
              ? 'Give a place to the first pupil on the waiting list below.'
              : 'Ask for a place for each pupil below; then give them places from the waiting list.'}
        </p>
      ) : (
        <>
          <p className="count">{countOf(data.inPlaces.length, 'pupil')}</p>
          {told.problem !== null && (
            <p className="error-text" role="alert">
              {told.problem}
            </p>
          )}
          <ul className="place-list">
            {data.inPlaces.map((p) => (
              <li key={p.placeId} className="place-list__item">
                <h3 className="heading-s place-list__name">{p.name}</h3>
                <p className="place-list__meta">
                  {yearForm(p)} <LevelBadge code={p.level} />
                </p>
                <ul className="list list--plain place-list__facts">
                  <li>Started {p.startedOn === null ? 'not recorded' : formatIsoDay(p.startedOn)}</li>
                  <li>
                    Sessions: {p.sessionsAttended} attended, {p.sessionsMissed} missed, {p.sessionsLeft} left
                  </li>
                  <li>
                    <QuestionnaireState schoolId={school.id} timepoint="baseline" questionnaire={p.baseline} />
                    <QuestionnaireState schoolId={school.id} timepoint="follow_up" questionnaire={p.followUp} />
                  </li>
                  <li>
                    {p.parentsToldAt !== null ? (
                      <>Parents told {formatDate(p.parentsToldAt)}</>
                    ) : (
                      <Tag tone="yellow">Parents not told yet</Tag>
                    )}
                  </li>
                </ul>
                {p.parentsToldAt === null && mayEnd && (
                  <div className="row-actions">
                    <DownloadButton
                      busyText="Making the letter…"
                      getFile={() =>
                        apiGetFile(`${placeApi(school.id, i.id, p.placeId)}/letter.pdf`, 'letter-home.pdf')
                      }
                    >
                      Print the letter home<span className="visually-hidden"> for {p.name}</span>
                    </DownloadButton>
                    <Button
                      variant="secondary"
                      busy={told.running === p.placeId}
                      disabled={told.busy}
                      busyText="Saving…"
                      onClick={() => {
                        void recordTold(p);
                      }}
                    >
                      Record that parents were told<span className="visually-hidden"> about {p.name}</span>
                    </Button>
                  </div>
                )}
                {mayEnd && (
                  <RowActions
                    rowId={p.placeId}
                    about={`for ${p.name}`}
                    open={rowOpen(panel, p.placeId)}
                    onOpen={(key) => {
                      onPanel(key === null ? null : rowPanel(p.placeId, key));
                    }}
                    actions={[
                      {
                        key: 'end',
                        label: 'End place',
                        form: (
                          <EndPlaceForm
                            schoolId={school.id}
                            interventionId={i.id}
                            place={p}
                            onDone={onDone}
                            onCancel={() => {
                              onPanel(null);
                            }}
                          />
                        ),
                      },
                    ]}
                  />
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Pupils who completed, left early or were taken off the list: kept, folded away. */
export function PastPlaces({ school, data }: { school: SessionSchool; data: Detail }) {
  if (data.past.length === 0) return null;
  return (
    <section aria-labelledby="past-title" className="intervention-section">
      <h2 className="heading-l" id="past-title">
        Finished
      </h2>
      <details className="details">
        <summary className="details__summary">
          <span className="details__summary-text">
            Show {countOf(data.past.length, 'pupil')} who finished or left the list
          </span>
        </summary>
        <div className="details__text">
          <Table
            caption="Pupils who finished or left the list"
            captionHidden
            rows={data.past}
            rowKey={(p) => p.placeId}
            columns={[
              { key: 'name', header: 'Pupil', label: 'Pupil', cell: (p) => p.name },
              { key: 'how', header: 'How it ended', label: 'How it ended', cell: (p) => PLACE_STATUS_LABELS[p.status] },
              {
                key: 'dates',
                header: 'Dates',
                label: 'Dates',
                cell: (p) => (
                  <>
                    {p.startedOn !== null && <span className="block">Started {formatIsoDay(p.startedOn)}</span>}
                    {p.endedAt !== null && <span className="block">Ended {formatDate(p.endedAt)}</span>}
                  </>
                ),
              },
              { key: 'reason', header: 'Reason', label: 'Reason', cell: (p) => p.endReason ?? '' },
              {
                key: 'after',
                header: 'Before and after',
                label: 'Before and after',
                cell: (p) =>
                  p.changes === null ? (
                    <QuestionnaireState schoolId={school.id} timepoint="follow_up" questionnaire={p.followUp} />
                  ) : (
                    <ul className="list--plain">
                      {p.changes.map((c) => (
                        <li key={c.id}>
                          <span className="block">{changeLine(c)}</span>
                          <Outcome change={c} />
                        </li>
                      ))}
                    </ul>
                  ),
              },
            ]}
          />
        </div>
      </details>
    </section>
  );
}
