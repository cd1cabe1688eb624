/** Where the pupil is taught when not (only) in school: each place, its days and contacts, and the lead's actions. */
import {
  endProvisionBody,
  PROVISION_KIND_LABELS,
  provisionProblems,
  SCHOOL_DAY_LABELS,
  type ProvisionView,
  type PupilProvisionResponse,
} from '@tandem/core';
import { useState } from 'react';
import { ApiError, apiPost } from '../api/client';
import { DateInput, dateProblems } from '../components/DateInput';
import { formatIsoDay, ukIsoDay } from '../components/dates';
import { listInWords } from '../components/format';
import { Button, ButtonGroup, ErrorSummary, Form, SaveOrCancel } from '../components/Form';
import { SummaryList, Tag } from '../components/Page';
import { useWorkForm } from '../components/useWorkForm';
import { Link } from '../router/router';
import { changedResponse, changeElsewherePage, elsewhereApi, newElsewherePage } from './provisionApi';

export function ElsewhereSection({
  schoolId,
  pupilName,
  data,
  onDone,
}: {
  schoolId: string;
  pupilName: string;
  data: PupilProvisionResponse;
  onDone: (title: string) => void;
}) {
  return (
    <section className="section" aria-labelledby="elsewhere-title">
      <h3 className="heading-m" id="elsewhere-title">
        Education elsewhere
      </h3>
      {data.provisions.length === 0 && (
        <p>
          {pupilName} is not taught anywhere else. If they go to a hospital school, medical education or alternative
          provision, or learn online, record it here.
        </p>
      )}
      {data.provisions.map((p) => (
        <Place key={p.id} schoolId={schoolId} pupilId={data.pupilId} p={p} canManage={data.canManage} onDone={onDone} />
      ))}
      {data.canManage && (
        <p>
          <Link to={newElsewherePage(schoolId, data.pupilId)} className="button button--secondary">
            Record education elsewhere
          </Link>
        </p>
      )}
    </section>
  );
}

function Place({
  schoolId,
  pupilId,
  p,
  canManage,
  onDone,
}: {
  schoolId: string;
  pupilId: string;
  p: ProvisionView;
  canManage: boolean;
  onDone: (title: string) => void;
}) {
  const [ending, setEnding] = useState(false);
  const contact = [p.contactName, p.contactPhone, p.contactEmail].filter((x) => x !== '').join(', ');
  return (
    <div className="provision-card">
      <h4 className="heading-s">
        {PROVISION_KIND_LABELS[p.kind]}: {p.provider} {p.current ? <Tag tone="blue">Now</Tag> : <Tag>Ended</Tag>}
      </h4>
      <SummaryList
        rows={[
          { key: 'days', label: 'Days', value: listInWords(p.days.map((d) => SCHOOL_DAY_LABELS[d])) },
          {
            key: 'dates',
            label: 'Dates',
            value:
              p.endOn === null
                ? `From ${formatIsoDay(p.startOn)}`
                : `${formatIsoDay(p.startOn)} to ${formatIsoDay(p.endOn)}`,
          },
          { key: 'contact', label: 'Contact there', value: contact },
          { key: 'attendance', label: 'How attendance is reported', value: p.attendanceReporting },
          { key: 'school', label: 'The school’s contact with the pupil', value: p.schoolContact },
        ]}
      />
      {canManage && p.current && !ending && (
        <ButtonGroup>
          <Link to={changeElsewherePage(schoolId, pupilId, p.id)}>Change the details</Link>
          <Button
            variant="secondary"
            onClick={() => {
              setEnding(true);
            }}
          >
            End it
          </Button>
        </ButtonGroup>
      )}
      {ending && (
        <EndPlace
          schoolId={schoolId}
          p={p}
          onCancel={() => {
            setEnding(false);
          }}
          onDone={(t) => {
            setEnding(false);
            onDone(t);
          }}
        />
      )}
    </div>
  );
}

function EndPlace({
  schoolId,
  p,
  onCancel,
  onDone,
}: {
  schoolId: string;
  p: ProvisionView;
  onCancel: () => void;
  onDone: (title: string) => void;
}) {
  // Not "endOn": the timetable's extend form may be open on the same page.
  const form = useWorkForm(
    ['placeEndOn'],
    (e) =>
      new ApiError(
        e.code,
        e.status,
        e.message,
        e.fields.map((f) => ({ ...f, path: 'placeEndOn' })),
      ),
  );
  const [endOn, setEndOn] = useState(ukIsoDay());
  const submit = async () => {
    const extra = [
      ...dateProblems([{ path: 'placeEndOn', value: endOn, what: 'End date' }]),
      ...provisionProblems({ startOn: p.startOn, endOn }).map((f) => ({ ...f, path: 'placeEndOn' })),
    ];
    const data = form.check(endProvisionBody.safeParse({ revision: p.revision, endOn }), extra.slice(0, 1));
    if (data === null) return;
    await form.send(async () => {
      await apiPost(`${elsewhereApi(schoolId, p.id)}/end`, data, changedResponse);
      onDone(`${p.provider}: end date recorded`);
    });
  };
  return (
    <Form onSubmit={submit} label={`End education at ${p.provider}`}>
      <ErrorSummary errors={form.errors} />
      <DateInput
        name="placeEndOn"
        legend="When does it end?"
        value={endOn}
        onValueChange={setEndOn}
        error={form.errorFor('placeEndOn')}
      />
      <SaveOrCancel busy={form.busy} submitText="Record the end date" onCancel={onCancel} />
    </Form>
  );
}
