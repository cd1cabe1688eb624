/**
 * Record that a pupil leaves (case roles with pupil.editDetails): the day and, if known, the next
 * school and its URN. The DSL and the SMHL are then given their transfer tasks.
 */
import { useState } from 'react';
import { recordLeavingBody, urnProblem } from '@tandem/core';
import { apiPost } from '../api/client';
import { schoolCan, useSchool } from '../auth/session';
import { DateInput, dateProblems } from '../components/DateInput';
import { ukIsoDay } from '../components/dates';
import { Button, ErrorSummary, Form, TextField } from '../components/Form';
import { BackLink, PageTitle } from '../components/Page';
import { useWorkForm } from '../components/useWorkForm';
import { NotFoundPage } from '../errors/ErrorPages';
import { useNavigate } from '../router/router';
import { pupilPage } from '../pupils/pupilsApi';
import { leavingApi, okResponse } from './transfersApi';

export function RecordLeavingPage({ schoolId, pupilId }: { schoolId: string; pupilId: string }) {
  const school = useSchool(schoolId);
  const navigate = useNavigate();
  const form = useWorkForm(['leftOn', 'destinationName', 'destinationUrn']);
  const [leftOn, setLeftOn] = useState(ukIsoDay());
  const [name, setName] = useState('');
  const [urn, setUrn] = useState('');
  if (school === undefined || !schoolCan(school, 'pupil.editDetails')) return <NotFoundPage />;
  const submit = async () => {
    const badUrn = urnProblem(urn.trim());
    const dates = [
      ...dateProblems([{ path: 'leftOn', value: leftOn, what: 'The day the pupil leaves' }]),
      ...(badUrn === null ? [] : [{ path: 'destinationUrn', message: badUrn }]),
    ];
    const data = form.check(
      recordLeavingBody.safeParse({
        leftOn,
        destinationName: name,
        destinationUrn: urn.trim() === '' ? null : urn.trim(),
      }),
      dates,
    );
    if (data === null) return;
    await form.send(async () => {
      await apiPost(leavingApi(schoolId, pupilId), data, okResponse);
      navigate(pupilPage(schoolId, pupilId), {
        flash: { kind: 'success', title: 'Leaving recorded: the DSL and the SMHL have their transfer tasks' },
      });
    });
  };
  return (
    <div className="transfers">
      <BackLink to={pupilPage(schoolId, pupilId)}>Back to the pupil</BackLink>
      <PageTitle caption={school.name}>Record leaving</PageTitle>
      <p className="lead">
        The pupil&rsquo;s files go to the next school within 5 school days: the DSL sends the child-protection file and
        the SMHL the wellbeing file.
      </p>
      <Form onSubmit={submit} label="Record leaving">
        <ErrorSummary errors={form.errors} />
        <DateInput
          name="leftOn"
          legend="When does the pupil leave?"
          value={leftOn}
          onValueChange={setLeftOn}
          error={form.errorFor('leftOn')}
        />
        <TextField
          name="destinationName"
          label="Next school"
          hint="Its name, or “Not known”"
          value={name}
          onValueChange={setName}
          error={form.errorFor('destinationName')}
        />
        <TextField
          name="destinationUrn"
          label="Its URN, if known (optional)"
          hint="Six or seven digits"
          width="code"
          inputMode="numeric"
          value={urn}
          onValueChange={setUrn}
          error={form.errorFor('destinationUrn')}
        />
        <Button type="submit" busy={form.busy} busyText="Saving…">
          Record leaving
        </Button>
      </Form>
    </div>
  );
}
