/**
 * The school's term dates: its terms and the days it is closed inside them (INSET days, bank
 * holidays). Deadlines counted in school days (a leaver's files within 5) read them. Any member
 * of staff reads them; the school administrator and the head change them.
 */
import { useState } from 'react';
import { addClosureBody, addTermBody, termDatesResponse } from '@tandem/core';
import { apiDelete, apiPost } from '../api/client';
import { useResource } from '../api/useResource';
import { useSchool } from '../auth/session';
import { DateInput, dateProblems } from '../components/DateInput';
import { formatIsoDay } from '../components/dates';
import { Button, ErrorSummary, Form, TextField } from '../components/Form';
import { InsetText, PageTitle } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { Table } from '../components/Table';
import { useAction } from '../components/useAction';
import { useWorkForm } from '../components/useWorkForm';
import { NotFoundPage } from '../errors/ErrorPages';
import { createdResponse, okResponse, termDatesApi } from './transfersApi';

const TITLE = 'Term dates';

export function TermDatesPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const { resource, reload } = useResource(school ? termDatesApi(schoolId) : null, termDatesResponse);
  const removing = useAction<string>();
  if (school === undefined) return <NotFoundPage />;
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: TITLE,
      caption: school.name,
      loading: 'Loading the term dates',
      onRetry: reload,
    });
  }
  const { terms, closures, canEdit } = resource.data;
  const remove = (key: string, path: string) =>
    removing.runAs(key, async () => {
      await apiDelete(path, okResponse);
      reload();
    });
  return (
    <div className="term-dates">
      <PageTitle caption={school.name}>{TITLE}</PageTitle>
      <p className="lead">
        School days are weekdays inside a term, except closure days. Deadlines counted in school days, such as sending a
        leaver&rsquo;s files within 5 school days, use them.
      </p>
      {!canEdit && terms.length > 0 && <p>The school administrator or the head keeps these dates up to date.</p>}
      {terms.length === 0 && (
        <InsetText>
          No terms are recorded, so every weekday counts as a school day, holidays included.
          {canEdit ? ' Add this year’s terms below.' : ' The school administrator or the head can add them.'}
        </InsetText>
      )}
      {removing.problem !== null && (
        <p className="error-text" role="alert">
          {removing.problem}
        </p>
      )}
      <h2 className="heading-m">Terms</h2>
      {terms.length > 0 && (
        <Table
          caption="Terms, earliest first"
          captionHidden
          rows={terms}
          rowKey={(t) => t.id}
          columns={[
            { key: 'name', header: 'Term', label: 'Term', cell: (t) => t.name },
            {
              key: 'first',
              header: 'First day',
              label: 'First day',
              cell: (t) => formatIsoDay(t.firstDay),
              nowrap: true,
            },
            { key: 'last', header: 'Last day', label: 'Last day', cell: (t) => formatIsoDay(t.lastDay), nowrap: true },
            ...(canEdit
              ? [
                  {
                    key: 'remove',
                    header: <span className="visually-hidden">Remove</span>,
                    label: 'Remove',
                    cell: (t: (typeof terms)[number]) => (
                      <Button
                        variant="secondary"
                        busy={removing.running === t.id}
                        busyText="Removing…"
                        disabled={removing.busy}
                        onClick={() => {
                          void remove(t.id, `${termDatesApi(schoolId)}/terms/${encodeURIComponent(t.id)}`);
                        }}
                      >
                        Remove <span className="visually-hidden">{t.name}</span>
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {canEdit && <AddTerm schoolId={schoolId} onDone={reload} />}
      <h2 className="heading-m">Closure days</h2>
      {closures.length === 0 ? (
        <p>No closure days are recorded{canEdit ? ': add INSET days and bank holidays that fall in term.' : '.'}</p>
      ) : (
        <Table
          caption="Closure days, earliest first"
          captionHidden
          rows={closures}
          rowKey={(c) => c.id}
          columns={[
            { key: 'on', header: 'Day', label: 'Day', cell: (c) => formatIsoDay(c.on), nowrap: true },
            { key: 'why', header: 'Why', label: 'Why', cell: (c) => c.reason },
            ...(canEdit
              ? [
                  {
                    key: 'remove',
                    header: <span className="visually-hidden">Remove</span>,
                    label: 'Remove',
                    cell: (c: (typeof closures)[number]) => (
                      <Button
                        variant="secondary"
                        busy={removing.running === c.id}
                        busyText="Removing…"
                        disabled={removing.busy}
                        onClick={() => {
                          void remove(c.id, `${termDatesApi(schoolId)}/closures/${encodeURIComponent(c.id)}`);
                        }}
                      >
                        Remove <span className="visually-hidden">{formatIsoDay(c.on)}</span>
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {canEdit && <AddClosure schoolId={schoolId} onDone={reload} />}
    </div>
  );
}

function AddTerm({ schoolId, onDone }: { schoolId: string; onDone: () => void }) {
  const form = useWorkForm(['name', 'firstDay', 'lastDay']);
  const [name, setName] = useState('');
  const [firstDay, setFirstDay] = useState('');
  const [lastDay, setLastDay] = useState('');
  const submit = async () => {
    const dates = dateProblems([
      { path: 'firstDay', value: firstDay, what: 'The first day' },
      { path: 'lastDay', value: lastDay, what: 'The last day' },
    ]);
    const data = form.check(addTermBody.safeParse({ name, firstDay, lastDay }), dates);
    if (data === null) return;
    await form.send(async () => {
      await apiPost(`${termDatesApi(schoolId)}/terms`, data, createdResponse);
      setName('');
      setFirstDay('');
      setLastDay('');
      form.clear();
      onDone();
    });
  };
  return (
    <Form onSubmit={submit} label="Add a term">
      <h3 className="heading-s">Add a term</h3>
      <ErrorSummary errors={form.errors} />
      <TextField
        name="name"
        label="Name"
        hint="For example Autumn term 2026 (first half)"
        value={name}
        onValueChange={setName}
        error={form.errorFor('name')}
      />
      <DateInput
        name="firstDay"
        legend="First day"
        value={firstDay}
        onValueChange={setFirstDay}
        error={form.errorFor('firstDay')}
      />
      <DateInput
        name="lastDay"
        legend="Last day"
        value={lastDay}
        onValueChange={setLastDay}
        error={form.errorFor('lastDay')}
      />
      <Button type="submit" busy={form.busy} busyText="Adding…">
        Add the term
      </Button>
    </Form>
  );
}

function AddClosure({ schoolId, onDone }: { schoolId: string; onDone: () => void }) {
  const form = useWorkForm(['on', 'reason']);
  const [on, setOn] = useState('');
  const [reason, setReason] = useState('');
  const submit = async () => {
    const dates = dateProblems([{ path: 'on', value: on, what: 'The day' }]);
    const data = form.check(addClosureBody.safeParse({ on, reason }), dates);
    if (data === null) return;
    await form.send(async () => {
      await apiPost(`${termDatesApi(schoolId)}/closures`, data, createdResponse);
      setOn('');
      setReason('');
      form.clear();
      onDone();
    });
  };
  return (
    <Form onSubmit={submit} label="Add a closure day">
      <h3 className="heading-s">Add a closure day</h3>
      <ErrorSummary errors={form.errors} />
      <DateInput name="on" legend="Day" value={on} onValueChange={setOn} error={form.errorFor('on')} />
      <TextField
        name="reason"
        label="Why"
        hint="For example INSET day, or Bank holiday"
        value={reason}
        onValueChange={setReason}
        error={form.errorFor('reason')}
      />
      <Button type="submit" busy={form.busy} busyText="Adding…">
        Add the closure day
      </Button>
    </Form>
  );
}
