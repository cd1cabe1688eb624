/**
 * Record or change where a pupil is taught elsewhere (SMHL, DSL team), one page for both: the kind,
 * the provider, the days, the contact there, how attendance comes back, and the school's contact.
 */
import {
  PROVISION_KIND_LABELS,
  PROVISION_KINDS,
  provisionProblems,
  recordProvisionBody,
  SCHOOL_DAY_LABELS,
  SCHOOL_DAYS,
  type ProvisionView,
  type PupilProvisionResponse,
} from '@tandem/core';
import { useState } from 'react';
import { apiPost, apiPut } from '../api/client';
import { DateInput, dateProblems } from '../components/DateInput';
import {
  Button,
  ButtonGroup,
  Checkboxes,
  ErrorSummary,
  Form,
  Radios,
  TextareaField,
  TextField,
} from '../components/Form';
import { BackLink, PageTitle } from '../components/Page';
import { useWorkForm } from '../components/useWorkForm';
import { NotFoundPage } from '../errors/ErrorPages';
import { Link, useNavigate } from '../router/router';
import { changedResponse, elsewhereApi, elsewhereNewApi, provisionTab } from './provisionApi';
import { ProvisionEditorLoader } from './ProvisionEditorLoader';
import './provision.css';

const FIELDS = [
  'kind',
  'provider',
  'days',
  'contactName',
  'contactPhone',
  'contactEmail',
  'attendanceReporting',
  'schoolContact',
  'startOn',
  'endOn',
];

export function ElsewhereEditorPage({
  schoolId,
  pupilId,
  provisionId,
}: {
  schoolId: string;
  pupilId: string;
  provisionId: string | null;
}) {
  const title = provisionId === null ? 'Record education elsewhere' : 'Change education elsewhere';
  return (
    <ProvisionEditorLoader schoolId={schoolId} pupilId={pupilId} title={title}>
      {(data) => {
        const current = provisionId === null ? null : (data.provisions.find((p) => p.id === provisionId) ?? null);
        if (provisionId !== null && current === null) return <NotFoundPage />;
        return <ElsewhereForm schoolId={schoolId} data={data} current={current} title={title} />;
      }}
    </ProvisionEditorLoader>
  );
}

function ElsewhereForm({
  schoolId,
  data,
  current,
  title,
}: {
  schoolId: string;
  data: PupilProvisionResponse;
  current: ProvisionView | null;
  title: string;
}) {
  const navigate = useNavigate();
  const form = useWorkForm(FIELDS);
  const [v, setV] = useState(() => ({
    kind: current?.kind ?? '',
    provider: current?.provider ?? '',
    days: current?.days ?? [],
    contactName: current?.contactName ?? '',
    contactPhone: current?.contactPhone ?? '',
    contactEmail: current?.contactEmail ?? '',
    attendanceReporting: current?.attendanceReporting ?? '',
    schoolContact: current?.schoolContact ?? '',
    startOn: current?.startOn ?? '',
    endOn: current?.endOn ?? '',
  }));
  const set = (patch: Partial<typeof v>) => {
    setV((old) => ({ ...old, ...patch }));
  };
  const back = provisionTab(schoolId, data.pupilId);
  const text = (name: keyof typeof v, label: string, hint?: string) => (
    <TextField
      name={name}
      label={label}
      hint={hint}
      value={v[name] as string}
      onValueChange={(x) => {
        set({ [name]: x });
      }}
      error={form.errorFor(name)}
    />
  );

  const submit = async () => {
    const body = { ...v, endOn: v.endOn === '' ? null : v.endOn };
    const dates = dateProblems([
      { path: 'startOn', value: v.startOn, what: 'Start date' },
      { path: 'endOn', value: v.endOn, what: 'End date', required: false },
    ]);
    const parsed = recordProvisionBody.safeParse(body);
    const rules = parsed.success && dates.length === 0 ? provisionProblems(parsed.data) : [];
    const checked = form.check(parsed, [...dates, ...rules]);
    if (checked === null) return;
    await form.send(async () => {
      if (current === null) await apiPost(elsewhereNewApi(schoolId, data.pupilId), checked, changedResponse);
      else
        await apiPut(elsewhereApi(schoolId, current.id), { ...checked, revision: current.revision }, changedResponse);
      navigate(back, {
        flash: { kind: 'success', title: current === null ? 'Education elsewhere recorded' : 'Changes saved' },
      });
    });
  };

  return (
    <div className="narrow-wide provision">
      <BackLink to={back}>Back to {data.pupilName}</BackLink>
      <ErrorSummary errors={form.errors} />
      <PageTitle caption={data.pupilName}>{title}</PageTitle>
      <Form onSubmit={submit} label={title}>
        <Radios
          name="kind"
          legend="Where is the pupil taught?"
          options={PROVISION_KINDS.map((k) => ({ value: k, label: PROVISION_KIND_LABELS[k] }))}
          value={v.kind}
          onValueChange={(kind) => {
            set({ kind });
          }}
          error={form.errorFor('kind')}
        />
        {text('provider', 'The provider’s name', 'For example, “Riverside Hospital School”.')}
        <Checkboxes
          name="days"
          legend="Which days are they taught there?"
          options={SCHOOL_DAYS.map((d) => ({ value: d, label: SCHOOL_DAY_LABELS[d] }))}
          values={v.days}
          onValuesChange={(days) => {
            set({ days: SCHOOL_DAYS.filter((d) => days.includes(d)) });
          }}
          error={form.errorFor('days')}
        />
        {text('contactName', 'The contact there')}
        {text('contactPhone', 'Their phone number (optional)')}
        {text('contactEmail', 'Their e-mail address (optional)')}
        <TextareaField
          name="attendanceReporting"
          label="How attendance there is reported back to school"
          hint="For example, a weekly e-mail to the attendance officer."
          value={v.attendanceReporting}
          onValueChange={(attendanceReporting) => {
            set({ attendanceReporting });
          }}
          error={form.errorFor('attendanceReporting')}
        />
        <TextareaField
          name="schoolContact"
          label="How the school keeps in touch with the pupil"
          hint="For example, a weekly call from the form tutor."
          value={v.schoolContact}
          onValueChange={(schoolContact) => {
            set({ schoolContact });
          }}
          error={form.errorFor('schoolContact')}
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
          legend="End date (optional)"
          hint="Leave empty if it is not known yet."
          value={v.endOn}
          onValueChange={(endOn) => {
            set({ endOn });
          }}
          error={form.errorFor('endOn')}
        />
        <ButtonGroup>
          <Button type="submit" busy={form.busy} busyText="Saving…">
            {current === null ? 'Record it' : 'Save the changes'}
          </Button>
          <Link to={back} className="link-cancel">
            Cancel
          </Link>
        </ButtonGroup>
      </Form>
    </div>
  );
}
