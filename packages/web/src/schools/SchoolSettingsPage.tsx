import { formatDfeNumber, idleTooLongMessage, schoolSchema, updateSchoolBody, type School } from '@tandem/core';
import { useState } from 'react';
import { apiPatch } from '../api/client';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool } from '../auth/session';
import { formatTime } from '../components/dates';
import { Button, ErrorSummary, Form, TextareaField, TextField } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { useAction } from '../components/useAction';
import { Loading, NotificationBanner, PageTitle } from '../components/Page';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { schoolPath } from './schoolsApi';
import { Link } from '../router/router';
import { DFE_NUMBER_HINT } from './schoolsApi';

const FIELDS = ['dfeNumber', 'letterhead', 'staffIdleMinutes', 'referralWaitDays'] as const;

export function SchoolSettingsPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const allowed = schoolCan(school, 'school.manageStaff');
  const { resource, reload, setData } = useResource(allowed ? schoolPath(schoolId) : null, schoolSchema);
  if (school === undefined || !allowed) return <NotFoundPage />;

  return (
    <>
      <PageTitle caption={school.name}>School settings</PageTitle>
      {schoolCan(school, 'school.termDates') && (
        <p>
          Terms and closure days (which days are school days):{' '}
          <Link to={`/schools/${encodeURIComponent(schoolId)}/term-dates`}>term dates</Link>.
        </p>
      )}
      {schoolCan(school, 'school.sso') && (
        <p>
          Staff signing in with the school&rsquo;s Microsoft or Google account:{' '}
          <Link to={`/schools/${encodeURIComponent(schoolId)}/single-sign-on`}>single sign-on</Link>.
        </p>
      )}
      {resource.status === 'loading' && <Loading what="Loading settings" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && <SettingsForm key={resource.data.id} school={resource.data} onSaved={setData} />}
    </>
  );
}

function SettingsForm({ school, onSaved }: { school: School; onSaved: (school: School) => void }) {
  const [dfeNumber, setDfeNumber] = useState(formatDfeNumber(school.dfeNumber ?? ''));
  const [letterhead, setLetterhead] = useState(school.letterhead);
  const [minutes, setMinutes] = useState(String(school.staffIdleMinutes));
  const [waitDays, setWaitDays] = useState(String(school.referralWaitDays));
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const form = useFormErrors(FIELDS);
  const action = useAction(form);

  const submit = async () => {
    const trimmed = minutes.trim();
    const days = waitDays.trim();
    const parsed = updateSchoolBody.safeParse({
      dfeNumber,
      letterhead,
      staffIdleMinutes: /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN,
      referralWaitDays: /^\d+$/.test(days) ? Number(days) : Number.NaN,
    });
    if (parsed.success && (parsed.data.staffIdleMinutes ?? 0) > school.maxStaffIdleMinutes) {
      form.fromFields([{ path: 'staffIdleMinutes', message: idleTooLongMessage(school.maxStaffIdleMinutes) }]);
      setSavedAt(null);
      return;
    }
    if (!parsed.success) {
      form.fromIssues(
        parsed.error.issues.map((i) =>
          i.path[0] === 'staffIdleMinutes' && i.code === 'invalid_type' && trimmed !== ''
            ? { ...i, message: 'Enter the number of minutes as a whole number, like 30' }
            : i.path[0] === 'referralWaitDays' && i.code === 'invalid_type' && days !== ''
              ? { ...i, message: 'Enter the number of days as a whole number, like 28' }
              : i,
        ),
      );
      setSavedAt(null);
      return;
    }
    await action.run(
      async () => {
        const updated = await apiPatch(`/api/schools/${encodeURIComponent(school.id)}`, parsed.data, schoolSchema);
        form.clear();
        setDfeNumber(formatDfeNumber(updated.dfeNumber ?? ''));
        setLetterhead(updated.letterhead);
        setMinutes(String(updated.staffIdleMinutes));
        setWaitDays(String(updated.referralWaitDays));
        setSavedAt(new Date());
        onSaved(updated);
      },
      {
        onRefused: (error) => {
          setSavedAt(null);
          form.fromApi(error);
        },
      },
    );
  };

  return (
    <>
      {savedAt !== null && (
        <NotificationBanner
          key={savedAt.getTime()}
          kind="success"
          title={`Settings saved at ${formatTime(savedAt)}.`}
        />
      )}
      <ErrorSummary errors={form.errors} />
      <Form onSubmit={submit} className="narrow">
        <TextField
          name="dfeNumber"
          label="DfE number"
          hint={DFE_NUMBER_HINT}
          width="number"
          spellCheck={false}
          value={dfeNumber}
          onValueChange={setDfeNumber}
          error={form.errorFor('dfeNumber')}
        />
        <TextareaField
          name="letterhead"
          label="Letterhead"
          hint="The school's name, address and contact details as they should appear at the top of letters to parents and carers."
          rows={6}
          maxChars={1000}
          value={letterhead}
          onValueChange={setLetterhead}
          error={form.errorFor('letterhead')}
        />
        <TextField
          name="staffIdleMinutes"
          label="Sign staff out after this many minutes without activity"
          hint={`Between 5 and ${school.maxStaffIdleMinutes} minutes (the longest this Tandem allows). A shorter time keeps pupils' information safer on shared computers.`}
          inputMode="numeric"
          width="number"
          spellCheck={false}
          value={minutes}
          onValueChange={setMinutes}
          error={form.errorFor('staffIdleMinutes')}
        />
        <TextField
          name="referralWaitDays"
          label="Flag a referral waiting longer than this many days"
          hint="From the day it was sent to the first appointment. The national standard is four weeks (28 days). Between 7 and 180."
          inputMode="numeric"
          width="number"
          spellCheck={false}
          value={waitDays}
          onValueChange={setWaitDays}
          error={form.errorFor('referralWaitDays')}
        />
        <Button type="submit" busy={action.busy} busyText="Saving…">
          Save settings
        </Button>
      </Form>
    </>
  );
}
