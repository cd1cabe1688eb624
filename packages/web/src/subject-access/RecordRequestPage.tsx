/**
 * "Record a request": which pupil, who asked (a parent or carer on record, or typed; the pupil
 * themself; someone acting for them, with how), how it came and when. The deadline is worked out
 * by the server and shown on the request's page.
 */
import {
  RECEIVED_HOW,
  RECEIVED_HOW_LABELS,
  recordSubjectAccessBody,
  REQUESTER_KIND_LABELS,
  REQUESTER_KINDS,
  subjectAccessContactsResponse,
  subjectAccessDeadline,
} from '@tandem/core';
import { useState } from 'react';
import { apiPost } from '../api/client';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool } from '../auth/session';
import { PupilPicker, type ChosenPupil } from '../concerns/PupilPicker';
import { yearAndForm } from '../pupils/pupilsApi';
import { DateInput, dateProblems, isIsoDay } from '../components/DateInput';
import { formatIsoDay, ukIsoDay } from '../components/dates';
import { ErrorSummary, Form, Radios, SaveOrCancel, TextField } from '../components/Form';
import { BackLink, PageTitle } from '../components/Page';
import { useWorkForm } from '../components/useWorkForm';
import { NotFoundPage } from '../errors/ErrorPages';
import { useNavigate, useSearchParams } from '../router/router';
import { contactsApi, createdResponse, registerApi, registerPage, requestPage } from './subjectAccessApi';
import './subject-access.css';

const FIELDS = [
  'pupilId',
  'requesterKind',
  'requesterContactId',
  'requesterName',
  'requesterRelationship',
  'receivedHow',
  'receivedOn',
] as const;
const SOMEONE_ELSE = 'other';

export function RecordRequestPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const navigate = useNavigate();
  const params = useSearchParams();
  const allowed = schoolCan(school, 'records.subjectAccess');
  const form = useWorkForm(FIELDS);
  const [pupil, setPupil] = useState<ChosenPupil | null>(null);
  const fixedPupilId = params.get('pupil');
  const pupilId = pupil?.id ?? fixedPupilId ?? null;
  const [kind, setKind] = useState('');
  const [contact, setContact] = useState('');
  const [name, setName] = useState('');
  const [relationship, setRelationship] = useState('');
  const [how, setHow] = useState('');
  const [receivedOn, setReceivedOn] = useState(ukIsoDay());
  const contacts = useResource(
    allowed && pupilId !== null ? contactsApi(schoolId, pupilId) : null,
    subjectAccessContactsResponse,
  );
  if (school === undefined || !allowed) return <NotFoundPage />;
  const list = contacts.resource.status === 'ready' ? contacts.resource.data.contacts : [];

  const submit = async () => {
    const chosenContact = kind === 'parent' && contact !== '' && contact !== SOMEONE_ELSE ? contact : null;
    const body = {
      pupilId: pupilId ?? '',
      requesterKind: kind,
      requesterContactId: chosenContact,
      requesterName: chosenContact === null ? name : '',
      requesterRelationship: kind === 'representative' ? relationship : '',
      receivedHow: how,
      receivedOn,
    };
    const extra = dateProblems([{ path: 'receivedOn', value: receivedOn, what: 'Date received' }]);
    if (pupilId === null) extra.push({ path: 'pupilId', message: 'Choose the pupil the request is about' });
    if (kind === 'parent' && list.length > 0 && contact === '') {
      extra.push({ path: 'requesterContactId', message: 'Choose the parent or carer who asked, or someone else' });
    }
    const data = form.check(recordSubjectAccessBody.safeParse(body), extra);
    if (data === null) return;
    await form.send(async () => {
      const created = await apiPost(registerApi(schoolId), data, createdResponse);
      navigate(requestPage(schoolId, created.id), {
        flash: {
          kind: 'success',
          title: 'Request recorded',
          text: 'Next, record how the requester’s identity was checked.',
        },
      });
    });
  };

  const needsName = kind === 'representative' || (kind === 'parent' && (list.length === 0 || contact === SOMEONE_ELSE));
  return (
    <div className="sar">
      <BackLink to={registerPage(schoolId)}>Subject access requests</BackLink>
      <PageTitle caption={school.name}>Record a request</PageTitle>
      <Form onSubmit={submit} label="Record a subject access request">
        <ErrorSummary errors={form.errors} />
        {fixedPupilId === null && (
          <PupilPicker
            schoolId={schoolId}
            name="pupilId"
            legend="Which pupil is the request about?"
            chosen={pupil === null ? [] : [pupil]}
            onChange={(chosen) => {
              setPupil(chosen[0] ?? null);
              setContact('');
            }}
            error={form.errorFor('pupilId')}
            max={1}
          />
        )}
        {fixedPupilId !== null && contacts.resource.status === 'ready' && (
          <p>
            About <strong>{contacts.resource.data.pupil.name}</strong>, {yearAndForm(contacts.resource.data.pupil)}.
          </p>
        )}
        <Radios
          name="requesterKind"
          legend="Who made the request?"
          options={REQUESTER_KINDS.map((k) => ({ value: k, label: REQUESTER_KIND_LABELS[k] }))}
          value={kind}
          onValueChange={setKind}
          error={form.errorFor('requesterKind')}
        />
        {kind === 'parent' && list.length > 0 && (
          <Radios
            name="requesterContactId"
            legend="Which parent or carer?"
            hint="From the pupil’s contacts."
            options={[
              ...list.map((c) => ({
                value: c.id,
                label: `${c.name} (${c.relationship})`,
                hint: c.parentalResponsibility ? undefined : 'No parental responsibility on record',
              })),
              { value: SOMEONE_ELSE, label: 'Someone else' },
            ]}
            value={contact}
            onValueChange={setContact}
            error={form.errorFor('requesterContactId')}
          />
        )}
        {needsName && (
          <TextField
            name="requesterName"
            label="Their name"
            value={name}
            onValueChange={setName}
            error={form.errorFor('requesterName')}
            autoComplete="off"
          />
        )}
        {kind === 'representative' && (
          <TextField
            name="requesterRelationship"
            label="How are they acting for the pupil?"
            hint="For example, the family’s solicitor with the parents’ signed authority."
            value={relationship}
            onValueChange={setRelationship}
            error={form.errorFor('requesterRelationship')}
          />
        )}
        <Radios
          name="receivedHow"
          legend="How was it received?"
          options={RECEIVED_HOW.map((h) => ({ value: h, label: RECEIVED_HOW_LABELS[h] }))}
          value={how}
          onValueChange={setHow}
          error={form.errorFor('receivedHow')}
          inline
        />
        <DateInput
          name="receivedOn"
          legend="When was it received?"
          hint={
            isIsoDay(receivedOn)
              ? `The deadline will be ${formatIsoDay(subjectAccessDeadline(receivedOn))}: one calendar month, moved to the next working day if it falls on a weekend or bank holiday.`
              : 'The deadline is one calendar month from this date.'
          }
          value={receivedOn}
          onValueChange={setReceivedOn}
          error={form.errorFor('receivedOn')}
        />
        <SaveOrCancel
          busy={form.busy}
          submitText="Record the request"
          onCancel={() => {
            navigate(registerPage(schoolId));
          }}
        />
      </Form>
    </div>
  );
}
