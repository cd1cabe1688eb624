import {
  levelLettersBody,
  STAFF_BRIEFING_FROM_LEVEL,
  termlySharingSummaryResponse,
  type TermlySharingSummary,
} from '@tandem/core';
import { useState } from 'react';
import { apiDownload, apiGet } from '../api/client';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool, type SessionSchool } from '../auth/session';
import { formatDate, formatDateTime } from '../components/dates';
import { saveFile } from '../components/download';
import { countOf } from '../components/format';
import { Button, ErrorSummary, Form, SelectField, type Option } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { useAction } from '../components/useAction';
import { Loading, NotificationBanner, PageTitle, WarningText } from '../components/Page';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { schoolApi } from '../pupils/pupilsApi';

const FIELDS = ['yearGroup'] as const;
const NO_FIELDS: readonly string[] = [];
const summaryApi = (schoolId: string) => `${schoolApi(schoolId)}/termly-sharing`;

export function ShareLevelsPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const allowed = schoolCan(school, 'level.shareTermly');
  const { resource, reload, setData } = useResource(
    allowed ? summaryApi(schoolId) : null,
    termlySharingSummaryResponse,
  );
  if (school === undefined || !allowed) return <NotFoundPage />;
  return (
    <>
      <PageTitle caption={school.name}>Share levels</PageTitle>
      <p className="lead">
        Each term, tell parents and carers how their child is doing, and tell staff which pupils need extra support.
      </p>
      {resource.status === 'loading' && <Loading what="Counting pupils" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && (
        <Sharing
          school={school}
          summary={resource.data}
          onShared={() => {
            // Fetch the new "last made" lines without unloading the page (and its message).
            apiGet(summaryApi(school.id), termlySharingSummaryResponse).then(setData, () => undefined);
          }}
        />
      )}
    </>
  );
}

type Done = { kind: 'letters' | 'briefing'; title: string; text: string; at: number } | null;

function Sharing({
  school,
  summary,
  onShared,
}: {
  school: SessionSchool;
  summary: TermlySharingSummary;
  onShared: () => void;
}) {
  const [yearGroup, setYearGroup] = useState('');
  const [done, setDone] = useState<Done>(null);
  const form = useFormErrors(FIELDS);
  const briefingForm = useFormErrors(NO_FIELDS);
  // One at a time; each kind of download reports its refusal in its own error summary.
  const action = useAction<'letters' | 'briefing'>();

  const yearOptions: Option[] = [
    { value: '', label: `Whole school (${countOf(summary.wholeSchool, 'pupil')})` },
    ...summary.yearGroups.map((y) => ({
      value: String(y.yearGroup),
      label: `${y.label} (${countOf(y.pupils, 'pupil')})`,
    })),
  ];
  const chosen = summary.yearGroups.find((y) => String(y.yearGroup) === yearGroup);
  const letterCount = chosen?.pupils ?? summary.wholeSchool;

  const makeLetters = async () => {
    const parsed = levelLettersBody.safeParse(yearGroup === '' ? {} : { yearGroup: Number(yearGroup) });
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    setDone(null);
    await action.runAs(
      'letters',
      async () => {
        const file = await apiDownload(`${schoolApi(school.id)}/level-letters`, parsed.data, 'level-letters.pdf');
        saveFile(file.blob, file.fileName);
        form.clear();
        setDone({
          kind: 'letters',
          title: `${countOf(letterCount, 'letter')} downloaded${chosen !== undefined ? ` for ${chosen.label}` : ''}.`,
          text: `Print them, or send them home. Each pupil’s record now shows “Shared with parents on ${formatDate(new Date())}”.`,
          at: Date.now(),
        });
        onShared();
      },
      { onRefused: form.fromApi },
    );
  };

  const makeBriefing = async () => {
    setDone(null);
    await action.runAs(
      'briefing',
      async () => {
        const file = await apiDownload(`${schoolApi(school.id)}/staff-briefing`, {}, 'staff-briefing.pdf');
        saveFile(file.blob, file.fileName);
        briefingForm.clear();
        setDone({
          kind: 'briefing',
          title: 'Staff briefing downloaded.',
          text: `Give it only to staff. Each pupil in it now shows “Shared with staff on ${formatDate(new Date())}”.`,
          at: Date.now(),
        });
        onShared();
      },
      { onRefused: briefingForm.fromApi },
    );
  };

  return (
    <>
      {done !== null && (
        <NotificationBanner key={done.at} kind="success" title={done.title}>
          <p>{done.text}</p>
        </NotificationBanner>
      )}
      <section aria-labelledby="letters" className="share-section">
        <h2 className="heading-l" id="letters">
          Letters to parents and carers
        </h2>
        <p>One letter for each pupil, all in one PDF to print. Each letter tells parents and carers, in plain words:</p>
        <ul className="list list--bullet">
          <li>how their child is doing in school this term, using your school&rsquo;s words for their level</li>
          <li>what they can do at home to help</li>
          <li>who to talk to at school, and where to get help straight away</li>
        </ul>
        <p>
          Pupils with no level get a letter saying they have the support every pupil has, with ideas for home. Letters
          never mention concerns, reasons or evidence.
        </p>
        <p>
          When you download the letters, each pupil&rsquo;s record will show &ldquo;Shared with parents on{' '}
          {formatDate(new Date())}&rdquo;.
        </p>
        <LastTime batch={summary.lastLetters} what="Letters were last made" never="No letters have been made yet." />
        <ErrorSummary errors={form.errors} title="The letters have not been made" />
        <Form onSubmit={makeLetters} label="Make letters to parents and carers">
          <SelectField
            name="yearGroup"
            label="Who are the letters for?"
            options={yearOptions}
            value={yearGroup}
            onValueChange={setYearGroup}
            error={form.errorFor('yearGroup')}
          />
          <Button
            type="submit"
            busy={action.running === 'letters'}
            disabled={action.busy}
            busyText="Making the letters…"
          >
            Download {countOf(letterCount, 'letter')} (PDF)
          </Button>
        </Form>
      </section>

      <section aria-labelledby="briefing" className="share-section">
        <h2 className="heading-l" id="briefing">
          Staff briefing
        </h2>
        <p>
          A list, by class and group, of the pupils at {STAFF_BRIEFING_FROM_LEVEL} and above, with what staff should do
          for each level. It has {countOf(summary.briefing.pupils, 'pupil')} in{' '}
          {countOf(summary.briefing.groups, 'group')}.
        </p>
        <WarningText>
          The briefing is confidential. Give it only to staff, and do not leave it where pupils or visitors can see it.
        </WarningText>
        <LastTime
          batch={summary.lastBriefing}
          what="The briefing was last made"
          never="The briefing has not been made yet."
        />
        <ErrorSummary errors={briefingForm.errors} title="The briefing has not been made" />
        <Button
          variant="secondary"
          busy={action.running === 'briefing'}
          disabled={action.busy}
          busyText="Making the briefing…"
          onClick={() => void makeBriefing()}
        >
          Download the staff briefing (PDF)
        </Button>
      </section>
    </>
  );
}

function LastTime({ batch, what, never }: { batch: TermlySharingSummary['lastLetters']; what: string; never: string }) {
  if (batch === null) return <p className="secondary-text">{never}</p>;
  return (
    <p className="secondary-text">
      {what} on <time dateTime={batch.sharedAt}>{formatDateTime(batch.sharedAt)}</time> by {batch.sharedByName}, for{' '}
      {countOf(batch.pupils, 'pupil')}.
    </p>
  );
}
