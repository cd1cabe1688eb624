import {
  levelLettersBody,
  STAFF_BRIEFING_FROM_LEVEL,
  termlySharingSummaryResponse,
  type TermlySharingSummary,
} from '@tandem/core';
import { useMemo, useState } from 'react';
import { apiDownload, apiGet } from '../api/client';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool, type SessionSchool } from '../auth/session';
import { formatDate, formatDateTime } from '../components/dates';
import { saveFile } from '../components/download';
import { countOf } from '../components/format';
import { Button, Checkboxes, ErrorSummary, Form, SelectField, TextareaField, type Option } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { useAction } from '../components/useAction';
import { Loading, NotificationBanner, PageTitle, WarningText } from '../components/Page';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { schoolApi } from '../pupils/pupilsApi';

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
  // Pupils at MH4 or MH5 whose letters the lead chooses to make after all, with the reason for each.
  const [included, setIncluded] = useState<string[]>([]);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const fields = useMemo(() => ['yearGroup', 'include', ...included.map((_, i) => `include.${i}.reason`)], [included]);
  const form = useFormErrors(fields);
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
  const inPerson = summary.inPerson.filter((p) => yearGroup === '' || String(p.yearGroup) === yearGroup);
  const includedHere = included.filter((id) => inPerson.some((p) => p.pupilId === id));
  const letterCount = (chosen?.pupils ?? summary.wholeSchool) - inPerson.length + includedHere.length;

  const chooseYear = (value: string) => {
    setYearGroup(value);
    // A pupil no longer in the selection is no longer included.
    setIncluded((ids) =>
      ids.filter((id) =>
        summary.inPerson.some((p) => p.pupilId === id && (value === '' || String(p.yearGroup) === value)),
      ),
    );
  };

  const makeLetters = async () => {
    const parsed = levelLettersBody.safeParse({
      ...(yearGroup === '' ? {} : { yearGroup: Number(yearGroup) }),
      ...(includedHere.length > 0 && {
        include: includedHere.map((pupilId) => ({ pupilId, reason: reasons[pupilId] ?? '' })),
      }),
    });
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
          title: `${countOf(letterCount, 'pupil')}: letters downloaded${chosen !== undefined ? ` for ${chosen.label}` : ''}.`,
          text: `Print them, or send them home. Each of these pupils’ records now shows “Shared with parents on ${formatDate(new Date())}”.`,
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
        <p>
          One letter for each home of a pupil&rsquo;s parents and carers with parental responsibility, addressed to them
          by name, all in one PDF to print. Parents who live apart each get their own letter. Each letter tells them, in
          plain words:
        </p>
        <ul className="list list--bullet">
          <li>how their child is doing in school this term, using your school&rsquo;s words for their level</li>
          <li>what they can do at home to help, in your school&rsquo;s words for parents</li>
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
            onValueChange={chooseYear}
            error={form.errorFor('yearGroup')}
          />
          {inPerson.length > 0 && (
            <section aria-labelledby="in-person">
              <h3 className="heading-m" id="in-person">
                To speak to in person
              </h3>
              <p>
                {countOf(inPerson.length, 'pupil')} at MH4 or MH5 {inPerson.length === 1 ? 'is' : 'are'} left out of
                these letters. Their families should hear how their child is from someone they know, in person, not in a
                letter. Arrange to speak to them.
              </p>
              <Checkboxes
                name="include"
                legend="Send the letter to any of these families as well?"
                hint="Only if you have spoken to them, or they have asked for it in writing. Each choice and its reason are recorded."
                options={inPerson.map((p) => ({
                  value: p.pupilId,
                  label: `${p.name} (${p.form}), ${p.level}`,
                }))}
                values={includedHere}
                onValuesChange={setIncluded}
                error={form.errorFor('include')}
              />
              {includedHere.map((id, i) => {
                const pupil = inPerson.find((p) => p.pupilId === id);
                return (
                  <TextareaField
                    key={id}
                    name={`include.${i}.reason`}
                    label={`Why should ${pupil?.name ?? 'this pupil'}’s family get the letter?`}
                    rows={2}
                    maxChars={1000}
                    value={reasons[id] ?? ''}
                    onValueChange={(v) => {
                      setReasons((r) => ({ ...r, [id]: v }));
                    }}
                    error={form.errorFor(`include.${i}.reason`)}
                  />
                );
              })}
            </section>
          )}
          <Button
            type="submit"
            busy={action.running === 'letters'}
            disabled={action.busy}
            busyText="Making the letters…"
          >
            Download letters for {countOf(letterCount, 'pupil')} (PDF)
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
