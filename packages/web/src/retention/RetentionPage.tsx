/**
 * Records retention (head, school administrator, SMHL, DSL team): the rules in force with the
 * school's longer periods and why, child-protection files proposed for destruction waiting for a
 * second person, former pupils' records reaching their review date (past, or within 90 days), and
 * the register of destroyed records. Child-protection files appear only for the DSL team.
 */
import {
  dayWords,
  destructionRegisterResponse,
  RECORD_CLASS_LABELS,
  retentionOverviewResponse,
  type DueRecordsRow,
  type ProposalView,
  type RetentionRuleView,
} from '@tandem/core';
import { useState } from 'react';
import { z } from 'zod';
import { apiPost } from '../api/client';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool } from '../auth/session';
import { formatDateTime } from '../components/dates';
import { countOf } from '../components/format';
import { Button, ButtonGroup } from '../components/Form';
import { NotificationBanner, PageTitle, Tag } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { Table } from '../components/Table';
import { useAction } from '../components/useAction';
import { NotFoundPage } from '../errors/ErrorPages';
import { countsWords, destructionApi, registerApi, retentionApi } from './retentionApi';
import { ConfirmProposalDialog, DestroyDialog, LengthenForm } from './RetentionForms';

const TITLE = 'Records retention';
const okResponse = z.object({ ok: z.literal(true) });

type Open =
  | { kind: 'lengthen'; rule: RetentionRuleView }
  | { kind: 'destroy'; row: DueRecordsRow }
  | { kind: 'confirm'; proposal: ProposalView }
  | null;

export function RetentionPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const allowed = schoolCan(school, 'records.retention');
  const overview = useResource(allowed ? retentionApi(schoolId) : null, retentionOverviewResponse);
  const register = useResource(allowed ? registerApi(schoolId) : null, destructionRegisterResponse);
  const [open, setOpen] = useState<Open>(null);
  const [done, setDone] = useState<string | null>(null);
  const withdraw = useAction<string>();
  if (school === undefined || !allowed) return <NotFoundPage />;
  if (overview.resource.status !== 'ready') {
    return resourceFallback(overview.resource, {
      title: TITLE,
      caption: school.name,
      loading: 'Loading the records reaching review',
      onRetry: overview.reload,
    });
  }
  const data = overview.resource.data;
  const close = () => {
    setOpen(null);
  };
  const finish = (message: string) => {
    setOpen(null);
    setDone(message);
    overview.reload();
    register.reload();
  };
  const due = data.rows.filter((r) => r.due);
  const soon = data.rows.filter((r) => !r.due);

  const rowColumns = (withAction: boolean) => [
    { key: 'name', header: 'Pupil', label: 'Pupil', cell: (r: DueRecordsRow) => r.name },
    {
      key: 'born',
      header: 'Born',
      label: 'Born',
      cell: (r: DueRecordsRow) => dayWords(r.dateOfBirth),
      nowrap: true,
    },
    {
      key: 'left',
      header: 'Left',
      label: 'Left',
      cell: (r: DueRecordsRow) => (r.leftOn === null ? 'Still on roll' : dayWords(r.leftOn)),
      nowrap: true,
    },
    { key: 'kind', header: 'Kind', label: 'Kind', cell: (r: DueRecordsRow) => RECORD_CLASS_LABELS[r.recordClass] },
    {
      key: 'review',
      header: 'Review date',
      label: 'Review date',
      cell: (r: DueRecordsRow) => dayWords(r.reviewOn),
      nowrap: true,
    },
    { key: 'held', header: 'What is held', label: 'What is held', cell: (r: DueRecordsRow) => countsWords(r.counts) },
    ...(withAction
      ? [
          {
            key: 'action',
            header: 'Action',
            label: 'Action',
            cell: (r: DueRecordsRow) =>
              r.proposalId !== null ? (
                <Tag tone="yellow">Waiting for a second person</Tag>
              ) : (
                <Button
                  variant="warning"
                  onClick={() => {
                    setDone(null);
                    setOpen({ kind: 'destroy', row: r });
                  }}
                >
                  {r.recordClass === 'child-protection' ? 'Propose destruction' : 'Destroy'}
                  <span className="visually-hidden">
                    {' '}
                    {r.name}’s {RECORD_CLASS_LABELS[r.recordClass].toLowerCase()}
                  </span>
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <div className="retention">
      <PageTitle caption={school.name}>{TITLE}</PageTitle>
      <p className="lead">
        Pupils’ records are kept for a set time after their date of birth, then reviewed for destruction. Nothing is
        destroyed until a person confirms it; a child-protection file needs two people.
      </p>
      {done !== null && <NotificationBanner kind="success" title={done} />}

      <h2 className="heading-m">Rules in force</h2>
      <Table
        caption="How long each kind of record is kept"
        captionHidden
        rows={data.rules}
        rowKey={(r) => r.recordClass}
        columns={[
          { key: 'kind', header: 'Kind of record', label: 'Kind of record', cell: (r) => r.label },
          {
            key: 'kept',
            header: 'Kept for',
            label: 'Kept for',
            cell: (r) => `${String(r.years)} years from the ${r.from}`,
          },
          {
            key: 'source',
            header: 'Why',
            label: 'Why',
            cell: (r) =>
              r.school === null ? (
                `${r.source}: ${String(r.defaultYears)} years, then ${r.after}`
              ) : (
                <>
                  Kept longer by the school (the toolkit says {String(r.defaultYears)} years): {r.school.reason}.{' '}
                  <span className="hint">
                    Set by {r.school.setBy}, {formatDateTime(r.school.setAt)}.
                  </span>
                </>
              ),
          },
          {
            key: 'change',
            header: 'Change',
            label: 'Change',
            cell: (r) => (
              <Button
                variant="secondary"
                onClick={() => {
                  setDone(null);
                  setOpen({ kind: 'lengthen', rule: r });
                }}
              >
                Keep longer<span className="visually-hidden"> ({r.label.toLowerCase()})</span>
              </Button>
            ),
          },
        ]}
      />
      {open?.kind === 'lengthen' && (
        <LengthenForm schoolId={schoolId} rule={open.rule} onCancel={close} onDone={finish} />
      )}
      <RuleHistory rules={data.rules} />

      {data.proposals.length > 0 && (
        <>
          <h2 className="heading-m">Waiting for a second person</h2>
          <p>A child-protection file is destroyed only when a second, different person confirms it.</p>
          {withdraw.problem !== null && (
            <p className="error-message" role="alert">
              {withdraw.problem}
            </p>
          )}
          <ul className="list retention__proposals">
            {data.proposals.map((p) => (
              <li key={p.id}>
                <p>
                  <strong>{p.name}</strong> (born {dayWords(p.dateOfBirth)}): child-protection file, review date{' '}
                  {dayWords(p.reviewOn)}. Proposed by {p.proposedBy.name}, {formatDateTime(p.proposedAt)}, because:{' '}
                  {p.reason}
                </p>
                <ButtonGroup>
                  {p.mine ? (
                    <span className="hint">You proposed this: another person confirms it.</span>
                  ) : (
                    <Button
                      variant="warning"
                      onClick={() => {
                        setDone(null);
                        setOpen({ kind: 'confirm', proposal: p });
                      }}
                    >
                      Confirm destruction<span className="visually-hidden"> of {p.name}’s file</span>
                    </Button>
                  )}
                  {data.seesChildProtection && (
                    <Button
                      variant="secondary"
                      busy={withdraw.running === p.id}
                      busyText="Withdrawing…"
                      disabled={withdraw.busy}
                      onClick={() => {
                        void withdraw.runAs(p.id, async () => {
                          await apiPost(`${destructionApi(schoolId, p.id)}/withdraw`, {}, okResponse);
                          finish(`Withdrawn: ${p.name}’s child-protection file will not be destroyed`);
                        });
                      }}
                    >
                      Withdraw<span className="visually-hidden"> the proposal for {p.name}</span>
                    </Button>
                  )}
                </ButtonGroup>
              </li>
            ))}
          </ul>
        </>
      )}

      <h2 className="heading-m">Past their review date</h2>
      {due.length === 0 ? (
        <p>No former pupil’s records have reached their review date. Nothing needs doing now.</p>
      ) : (
        <>
          <p className="count">{countOf(due.length, 'set')} of records past their review date</p>
          <Table
            caption="Records past their review date"
            captionHidden
            rows={due}
            rowKey={(r) => `${r.pupilId}/${r.recordClass}`}
            columns={rowColumns(true)}
          />
        </>
      )}
      <h2 className="heading-m">Reaching review in the next 90 days</h2>
      {soon.length === 0 ? (
        <p>No records reach their review date before {dayWords(data.horizon)}.</p>
      ) : (
        <Table
          caption="Records reaching their review date in the next 90 days"
          captionHidden
          rows={soon}
          rowKey={(r) => `${r.pupilId}/${r.recordClass}`}
          columns={rowColumns(false)}
        />
      )}
      {data.truncated && <p className="hint">Only the 200 oldest former pupils are shown. Destroy these first.</p>}
      {!data.seesChildProtection && (
        <p className="hint">Child-protection files are reviewed by the DSL team and are not listed here.</p>
      )}

      <h2 className="heading-m">Register of destroyed records</h2>
      {register.resource.status === 'ready' ? (
        register.resource.data.entries.length === 0 ? (
          <p>
            Nothing has been destroyed yet. Each destruction is listed here: what kind, whose, when, by whom and why.
          </p>
        ) : (
          <Table
            caption="Destroyed records, newest first"
            captionHidden
            rows={register.resource.data.entries}
            rowKey={(e) => e.id}
            columns={[
              {
                key: 'whose',
                header: 'Whose',
                label: 'Whose',
                cell: (e) => `${e.pupilName} (born ${dayWords(e.pupilDateOfBirth)})`,
              },
              { key: 'kind', header: 'Kind', label: 'Kind', cell: (e) => RECORD_CLASS_LABELS[e.recordClass] },
              { key: 'when', header: 'Destroyed', label: 'Destroyed', cell: (e) => formatDateTime(e.confirmedAt) },
              {
                key: 'who',
                header: 'By',
                label: 'By',
                cell: (e) =>
                  e.proposedBy === e.confirmedBy
                    ? e.confirmedBy
                    : `Proposed by ${e.proposedBy}, confirmed by ${e.confirmedBy}`,
              },
              { key: 'why', header: 'Why', label: 'Why', cell: (e) => e.reason },
              { key: 'what', header: 'What went', label: 'What went', cell: (e) => countsWords(e.counts) },
            ]}
          />
        )
      ) : (
        <p>{register.resource.status === 'loading' ? 'Loading the register…' : 'The register could not be loaded.'}</p>
      )}

      {open?.kind === 'destroy' && (
        <DestroyDialog schoolId={schoolId} row={open.row} onCancel={close} onDone={finish} />
      )}
      {open?.kind === 'confirm' && (
        <ConfirmProposalDialog schoolId={schoolId} proposal={open.proposal} onCancel={close} onDone={finish} />
      )}
    </div>
  );
}

function RuleHistory({ rules }: { rules: readonly RetentionRuleView[] }) {
  const changes = rules.flatMap((r) => r.history.map((h) => ({ ...h, label: r.label })));
  if (changes.length === 0) return null;
  return (
    <details className="details">
      <summary className="details__summary">Every change the school has made ({changes.length})</summary>
      <ul className="list">
        {changes.map((h) => (
          <li key={`${h.label}-${h.setAt}`}>
            {h.label}: {h.years} years, set by {h.setBy}, {formatDateTime(h.setAt)}. {h.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}
