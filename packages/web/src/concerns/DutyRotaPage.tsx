/**
 * The DSL duty rota: who is on duty each weekday and where to find them. Staff who log an urgent
 * concern are shown today's name. The DSL team, the headteacher and the school administrator may
 * change it; a day left empty shows the whole DSL team.
 */
import { DSL_TEAM_ROLE_SHORT_LABELS, dslDutyResponse, setDslDutyBody } from '@tandem/core';
import { useState } from 'react';
import type { z } from 'zod';
import { apiPut } from '../api/client';
import { useResource } from '../api/useResource';
import { useSchool, type SessionSchool } from '../auth/session';
import { Button, ButtonGroup, ErrorSummary, Form, SelectField, TextField, type Option } from '../components/Form';
import { useFormErrors, type FieldError } from '../components/formErrors';
import { useAction } from '../components/useAction';
import { Loading, NotificationBanner, PageTitle } from '../components/Page';
import { Table } from '../components/Table';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { DslList, onDutyToday, ukWeekday, weekdayName } from './ConcernBits';
import { dutyApi } from './concernsApi';

type Duty = z.infer<typeof dslDutyResponse>;

const WEEKDAYS = [1, 2, 3, 4, 5] as const;
const FIELDS = WEEKDAYS.flatMap((w) => [`day-${String(w)}-userId`, `day-${String(w)}-whereToFind`]);

export function DutyRotaPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const allowed = school?.permissions.includes('concern.log') ?? false;
  const { resource, reload, setData } = useResource(allowed ? dutyApi(schoolId) : null, dslDutyResponse);
  const [saved, setSaved] = useState<number | null>(null);
  if (school === undefined || !allowed) return <NotFoundPage />;
  return (
    <>
      {saved !== null && <NotificationBanner key={saved} kind="success" title="The rota is saved." />}
      <PageTitle caption={school.name}>DSL duty rota</PageTitle>
      <p className="lead">
        Who to find first when a pupil may be at risk. Staff who log an urgent concern are told who is on duty today and
        where to find them.
      </p>
      {resource.status === 'loading' && <Loading what="Loading the rota" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && (
        <>
          <h2 className="heading-m">On duty today</h2>
          <DslList people={onDutyToday(resource.data)} />
          {(ukWeekday() > 5 || !resource.data.days.some((d) => d.weekday === ukWeekday())) &&
            resource.data.team.length > 0 && (
              <p className="hint">Nobody is on the rota today, so staff are shown the whole DSL team.</p>
            )}
          {resource.data.canEdit ? (
            <RotaForm
              key={JSON.stringify(resource.data.days)}
              school={school}
              duty={resource.data}
              onSaved={(d) => {
                setData(d);
                setSaved(Date.now());
              }}
            />
          ) : (
            <RotaTable duty={resource.data} />
          )}
        </>
      )}
    </>
  );
}

function RotaTable({ duty }: { duty: Duty }) {
  const rows = WEEKDAYS.map((w) => ({ weekday: w, day: duty.days.find((d) => d.weekday === w) }));
  return (
    <Table
      caption="The rota, Monday to Friday"
      rows={rows}
      rowKey={(r) => String(r.weekday)}
      columns={[
        { key: 'day', header: 'Day', label: 'Day', cell: (r) => weekdayName(r.weekday) },
        {
          key: 'who',
          header: 'On duty',
          label: 'On duty',
          cell: (r) => r.day?.name ?? <span className="secondary-text">The whole DSL team</span>,
        },
        {
          key: 'where',
          header: 'Where to find them',
          label: 'Where to find them',
          cell: (r) =>
            r.day === undefined || r.day.whereToFind === '' ? (
              <span className="secondary-text">Not given</span>
            ) : (
              r.day.whereToFind
            ),
        },
      ]}
    />
  );
}

function RotaForm({ school, duty, onSaved }: { school: SessionSchool; duty: Duty; onSaved: (d: Duty) => void }) {
  const [rows, setRows] = useState(() =>
    WEEKDAYS.map((w) => {
      const d = duty.days.find((x) => x.weekday === w);
      return { weekday: w, userId: d?.userId ?? '', whereToFind: d?.whereToFind ?? '' };
    }),
  );
  const form = useFormErrors(FIELDS);
  const action = useAction(form);
  const options: Option[] = [
    { value: '', label: 'Nobody set: show the whole DSL team' },
    ...duty.team.map((t) => ({ value: t.userId, label: `${t.name} (${DSL_TEAM_ROLE_SHORT_LABELS[t.role]})` })),
  ];
  const today = ukWeekday();

  const update = (weekday: number, patch: Partial<{ userId: string; whereToFind: string }>) => {
    setRows((rs) => rs.map((r) => (r.weekday === weekday ? { ...r, ...patch } : r)));
  };

  const submit = async () => {
    const sent = rows.filter((r) => r.userId !== '');
    const toField = (path: (string | number)[]): string => {
      const index = Number(path[1]);
      const weekday = sent[index]?.weekday ?? 1;
      return `day-${String(weekday)}-${String(path[2] ?? 'userId')}`;
    };
    const parsed = setDslDutyBody.safeParse({ days: sent });
    if (!parsed.success) {
      form.fromFields(
        parsed.error.issues.map((i): FieldError => ({
          path: toField(i.path.map((p) => (typeof p === 'symbol' ? '' : p))),
          message: i.message,
        })),
      );
      return;
    }
    await action.run(
      async () => {
        const result = await apiPut(dutyApi(school.id), parsed.data, dslDutyResponse);
        form.clear();
        onSaved(result);
      },
      {
        onRefused: (apiError) => {
          const fields = apiError.fields
            .map((f) => ({ path: toField(f.path.split('.')), message: f.message }))
            .filter((f) => FIELDS.includes(f.path));
          if (fields.length > 0) form.fromFields(fields);
          else form.fromApi(apiError);
        },
      },
    );
  };

  return (
    <>
      <ErrorSummary errors={form.errors} />
      <h2 className="heading-m">The rota</h2>
      <p>Choose who is on duty each day, and say where staff will find them.</p>
      <Form onSubmit={submit} label="DSL duty rota">
        {rows.map((r) => (
          <fieldset key={r.weekday} className="fieldset rota-day">
            <legend className="legend rota-day__legend">
              {weekdayName(r.weekday)}
              {r.weekday === today && <span className="secondary-text"> (today)</span>}
            </legend>
            <SelectField
              name={`day-${String(r.weekday)}-userId`}
              label="On duty"
              options={options}
              value={r.userId}
              onValueChange={(userId) => {
                update(r.weekday, { userId });
              }}
              error={form.errorFor(`day-${String(r.weekday)}-userId`)}
            />
            <TextField
              name={`day-${String(r.weekday)}-whereToFind`}
              label="Where to find them"
              hint={r.weekday === 1 ? 'For example, the safeguarding office, room G12.' : undefined}
              autoComplete="off"
              value={r.whereToFind}
              onValueChange={(whereToFind) => {
                update(r.weekday, { whereToFind });
              }}
              error={form.errorFor(`day-${String(r.weekday)}-whereToFind`)}
            />
          </fieldset>
        ))}
        <ButtonGroup>
          <Button type="submit" busy={action.busy} busyText="Saving…">
            Save the rota
          </Button>
        </ButtonGroup>
      </Form>
    </>
  );
}
