/**
 * Record or change a pupil's reduced timetable (SMHL, DSL team), one page for both: why, the hours,
 * the dates (six weeks at most without a reason), the plan back to full time, the parents'
 * agreement, the local authority told, and the review dates.
 */
import {
  AGREEMENT_HOW,
  AGREEMENT_HOW_LABELS,
  dayWords,
  latestEndWithoutReason,
  needsLongerReason,
  recordTimetableBody,
  timetableProblems,
  type PupilProvisionResponse,
  type TimetableView,
} from '@tandem/core';
import { useState } from 'react';
import { apiPost, apiPut } from '../api/client';
import { DateInput, dateProblem, dateProblems, isIsoDay } from '../components/DateInput';
import { ukIsoDay } from '../components/dates';
import { Button, ButtonGroup, ErrorSummary, Form, Radios, TextareaField, TextField } from '../components/Form';
import { BackLink, InsetText, PageTitle } from '../components/Page';
import { useWorkForm } from '../components/useWorkForm';
import { NotFoundPage } from '../errors/ErrorPages';
import { Link, useNavigate } from '../router/router';
import { changedResponse, provisionTab, timetableApi, timetablesApi } from './provisionApi';
import { ProvisionEditorLoader } from './ProvisionEditorLoader';
import { ReviewDates, valuesOf, type Values } from './TimetableFields';
import './provision.css';

const FIELDS = [
  'reason',
  'hours',
  'sessionsPerWeek',
  'startOn',
  'endOn',
  'longerReason',
  'returnPlan',
  'parentsAgreedBy',
  'parentsAgreedOn',
  'parentsAgreedHow',
  'laToldOn',
  'laToldBy',
  'reviewDates',
];
const END_MISSING = 'Enter the date the reduced timetable ends: every reduced timetable has an end date';

export function TimetableEditorPage({
  schoolId,
  pupilId,
  timetableId,
}: {
  schoolId: string;
  pupilId: string;
  timetableId: string | null;
}) {
  const title = timetableId === null ? 'Record a reduced timetable' : 'Change the reduced timetable';
  return (
    <ProvisionEditorLoader schoolId={schoolId} pupilId={pupilId} title={title}>
      {(data) => {
        const current = timetableId === null ? null : data.active;
        if (timetableId !== null && current?.id !== timetableId) return <NotFoundPage />;
        return <TimetableForm schoolId={schoolId} data={data} current={current} title={title} />;
      }}
    </ProvisionEditorLoader>
  );
}

function TimetableForm({
  schoolId,
  data,
  current,
  title,
}: {
  schoolId: string;
  data: PupilProvisionResponse;
  current: TimetableView | null;
  title: string;
}) {
  const navigate = useNavigate();
  const form = useWorkForm(FIELDS);
  const [v, setV] = useState<Values>(() => valuesOf(current));
  const set = (patch: Partial<Values>) => {
    setV((old) => ({ ...old, ...patch }));
  };
  const back = provisionTab(schoolId, data.pupilId);
  const datesKnown = isIsoDay(v.startOn) && isIsoDay(v.endOn) && v.endOn >= v.startOn;

  const submit = async () => {
    const body = {
      ...v,
      sessionsPerWeek: v.sessionsPerWeek.trim() === '' ? undefined : Number(v.sessionsPerWeek),
      laToldOn: v.laToldOn === '' ? null : v.laToldOn,
      reviewDates: v.reviewDates.filter((d) => d !== ''),
    };
    const dates = dateProblems([
      { path: 'startOn', value: v.startOn, what: 'Start date' },
      { path: 'parentsAgreedOn', value: v.parentsAgreedOn, what: 'Date the parents or carers agreed' },
      { path: 'laToldOn', value: v.laToldOn, what: 'Date the local authority was told', required: false },
    ]);
    const endProblem = v.endOn === '' ? END_MISSING : dateProblem(v.endOn, 'End date');
    if (endProblem !== null) dates.push({ path: 'endOn', message: endProblem });
    const reviewProblem = v.reviewDates.map((d) => (d === '' ? null : dateProblem(d, 'Review date'))).find(Boolean);
    if (reviewProblem) dates.push({ path: 'reviewDates', message: reviewProblem });
    const parsed = recordTimetableBody.safeParse(body);
    const rules = parsed.success ? timetableProblems(parsed.data, ukIsoDay(), { isNew: current === null }) : [];
    const checked = form.check(parsed, [...dates, ...rules.filter((r) => !dates.some((d) => d.path === r.path))]);
    if (checked === null) return;
    await form.send(async () => {
      if (current === null) await apiPost(timetablesApi(schoolId, data.pupilId), checked, changedResponse);
      else
        await apiPut(timetableApi(schoolId, current.id), { ...checked, revision: current.revision }, changedResponse);
      navigate(back, {
        flash: {
          kind: 'success',
          title: current === null ? 'Reduced timetable recorded' : 'Reduced timetable changed',
        },
      });
    });
  };

  return (
    <div className="narrow-wide provision">
      <BackLink to={back}>Back to {data.pupilName}</BackLink>
      <ErrorSummary errors={form.errors} />
      <PageTitle caption={data.pupilName}>{title}</PageTitle>
      <InsetText>
        A reduced (part-time) timetable is used only in exceptional cases, agreed with the parents or carers, for a
        short time (usually six weeks at most), with a plan back to full time and regular reviews. Record the sessions
        missed with attendance code C2.
      </InsetText>
      <Form onSubmit={submit} label={title}>
        <TextareaField
          name="reason"
          label="Why does the pupil need a reduced timetable?"
          hint="Only the case team sees this. Teachers see that there is one and its hours."
          value={v.reason}
          onValueChange={(reason) => {
            set({ reason });
          }}
          error={form.errorFor('reason')}
        />
        <TextField
          name="hours"
          label="Hours or sessions in school"
          hint="As staff are told them, for example “Mornings, 8:45 to 12:15”."
          value={v.hours}
          onValueChange={(hours) => {
            set({ hours });
          }}
          error={form.errorFor('hours')}
        />
        <TextField
          name="sessionsPerWeek"
          label="Sessions a week in school"
          hint="A full week is 10 sessions (mornings and afternoons). Enter 0 to 9."
          inputMode="numeric"
          width="number"
          value={v.sessionsPerWeek}
          onValueChange={(sessionsPerWeek) => {
            set({ sessionsPerWeek });
          }}
          error={form.errorFor('sessionsPerWeek')}
        />
        <DateInput
          name="startOn"
          legend="Start date"
          value={v.startOn}
          onValueChange={(startOn) => {
            set({ startOn });
          }}
          error={form.errorFor('startOn')}
        />
        <DateInput
          name="endOn"
          legend="End date"
          hint={
            isIsoDay(v.startOn)
              ? `No more than six weeks after the start (by ${dayWords(latestEndWithoutReason(v.startOn))}) unless you give a reason.`
              : 'No more than six weeks after the start unless you give a reason.'
          }
          value={v.endOn}
          onValueChange={(endOn) => {
            set({ endOn });
          }}
          error={form.errorFor('endOn')}
        />
        {(datesKnown && needsLongerReason(v.startOn, v.endOn)) || v.longerReason !== '' ? (
          <TextareaField
            name="longerReason"
            label="Why it needs longer than six weeks"
            value={v.longerReason}
            onValueChange={(longerReason) => {
              set({ longerReason });
            }}
            error={form.errorFor('longerReason')}
          />
        ) : (
          form.errorFor('longerReason') !== undefined && <div id="longerReason" />
        )}
        <TextareaField
          name="returnPlan"
          label="The plan to return to a full timetable"
          hint="For example, one more afternoon every two weeks."
          value={v.returnPlan}
          onValueChange={(returnPlan) => {
            set({ returnPlan });
          }}
          error={form.errorFor('returnPlan')}
        />
        <h2 className="heading-m">Parents’ or carers’ agreement</h2>
        <TextField
          name="parentsAgreedBy"
          label="Who agreed"
          hint="For example, “Emma Clarke (mother)”."
          value={v.parentsAgreedBy}
          onValueChange={(parentsAgreedBy) => {
            set({ parentsAgreedBy });
          }}
          error={form.errorFor('parentsAgreedBy')}
        />
        <DateInput
          name="parentsAgreedOn"
          legend="When they agreed"
          value={v.parentsAgreedOn}
          onValueChange={(parentsAgreedOn) => {
            set({ parentsAgreedOn });
          }}
          error={form.errorFor('parentsAgreedOn')}
        />
        <Radios
          name="parentsAgreedHow"
          legend="How they agreed"
          options={AGREEMENT_HOW.map((h) => ({ value: h, label: AGREEMENT_HOW_LABELS[h] }))}
          value={v.parentsAgreedHow}
          onValueChange={(parentsAgreedHow) => {
            set({ parentsAgreedHow });
          }}
          error={form.errorFor('parentsAgreedHow')}
        />
        <h2 className="heading-m">The local authority</h2>
        <DateInput
          name="laToldOn"
          legend="When the local authority was told (leave empty if not yet)"
          value={v.laToldOn}
          onValueChange={(laToldOn) => {
            set({ laToldOn });
          }}
          error={form.errorFor('laToldOn')}
        />
        <TextField
          name="laToldBy"
          label="Who told them"
          value={v.laToldBy}
          onValueChange={(laToldBy) => {
            set({ laToldBy });
          }}
          error={form.errorFor('laToldBy')}
        />
        <ReviewDates v={v} set={set} error={form.errorFor('reviewDates')} datesKnown={datesKnown} />
        <ButtonGroup>
          <Button type="submit" busy={form.busy} busyText="Saving…">
            {current === null ? 'Record the reduced timetable' : 'Save the changes'}
          </Button>
          <Link to={back} className="link-cancel">
            Cancel
          </Link>
        </ButtonGroup>
      </Form>
    </div>
  );
}
