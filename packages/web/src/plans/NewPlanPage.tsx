/**
 * Write a plan for a pupil: choose the kind, write its sections, and say who must agree it and who
 * is given it. What is typed is kept in this tab as a draft until the plan is saved.
 */
import {
  createPlanBody,
  KIND_SHAREABLE_WITH_PARENTS,
  KIND_SHAREABLE_WITH_STAFF,
  partiesRequiredFor,
  PLAN_KIND_LABELS,
  planMutationResponse,
  pupilProfileResponse,
} from '@tandem/core';
import { useMemo, useState } from 'react';
import { apiPost, toApiError } from '../api/client';
import { useResource } from '../api/useResource';
import { useSchool, type SessionSchool } from '../auth/session';
import { clearDraft, useKeptForm } from '../components/drafts';
import { DraftKept, DraftRestored } from '../components/DraftNotices';
import { countOf } from '../components/format';
import { Button, ButtonGroup, ErrorSummary, Form } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { BackLink, HelpNow, Loading, PageTitle } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { NotFoundPage } from '../errors/ErrorPages';
import { Link, useNavigate } from '../router/router';
import { pupilApi, pupilFirstName, pupilName, pupilPage } from '../pupils/pupilsApi';
import {
  emptyPlanValues,
  KindField,
  PlanFields,
  planFieldOrder,
  planValuesSchema,
  SharingFields,
  contentFromValues,
  type PlanFormValues,
} from './PlanForm';
import { mayWritePlans, planPage, pupilPlansApi, useStaffOptions } from './plansApi';

export function NewPlanPage({ schoolId, pupilId }: { schoolId: string; pupilId: string }) {
  const school = useSchool(schoolId);
  const allowed = mayWritePlans(school);
  const { resource, reload } = useResource(allowed ? pupilApi(schoolId, pupilId) : null, pupilProfileResponse);
  if (school === undefined || !allowed) return <NotFoundPage />;
  const back = pupilPage(school.id, pupilId);

  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: 'Write a plan',
      caption: school.name,
      loading: 'Opening the form',
      back: { to: back, text: 'Back to the pupil' },
      onRetry: reload,
    });
  }
  if (resource.data.view !== 'case') return <NotFoundPage />;
  const p = resource.data.pupil;
  return <NewPlanForm school={school} pupil={{ id: p.id, name: pupilName(p), first: pupilFirstName(p) }} />;
}

function draftKey(schoolId: string, pupilId: string): string {
  return `tandem.plan-draft.new.${schoolId}.${pupilId}`;
}

function NewPlanForm({ school, pupil }: { school: SessionSchool; pupil: { id: string; name: string; first: string } }) {
  const navigate = useNavigate();
  const key = draftKey(school.id, pupil.id);
  const [busy, setBusy] = useState(false);
  const draft = useKeptForm<PlanFormValues>(key, planValuesSchema, { initial: emptyPlanValues, sending: busy });
  const values = draft.state;
  const fieldOrder = useMemo(() => planFieldOrder(values.contacts.length), [values.contacts.length]);
  const form = useFormErrors(fieldOrder);
  const staff = useStaffOptions(school, values.sharedWith);
  const back = pupilPage(school.id, pupil.id);

  const change = (patch: Partial<PlanFormValues>) => {
    draft.change((v) => ({ ...v, ...patch }));
  };

  const startAgain = () => {
    form.clear();
    draft.startAgain(emptyPlanValues());
  };

  const submit = async () => {
    const kind = values.kind === '' ? undefined : values.kind;
    const toStaff = kind !== undefined && KIND_SHAREABLE_WITH_STAFF[kind];
    const candidate = {
      kind,
      content: kind === undefined ? {} : contentFromValues(values, kind),
      reviewDue: values.reviewDue,
      agreementsNeeded:
        kind === undefined ? values.agreementsNeeded : partiesRequiredFor(kind, values.agreementsNeeded),
      shareWithTeaching: toStaff && values.shareWithTeaching,
      sharedWith: toStaff ? values.sharedWith.map((s) => s.userId) : [],
      parentShareable: kind !== undefined && KIND_SHAREABLE_WITH_PARENTS[kind] && values.parentShareable,
    };
    const parsed = createPlanBody.safeParse(candidate);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    setBusy(true);
    try {
      const result = await apiPost(pupilPlansApi(school.id, pupil.id), parsed.data, planMutationResponse);
      clearDraft(key);
      const needed = parsed.data.agreementsNeeded.length;
      navigate(planPage(school.id, result.id), {
        flash: {
          kind: 'success',
          title: `${PLAN_KIND_LABELS[parsed.data.kind]} saved as version 1`,
          text:
            needed === 0
              ? 'When the case team has agreed it, mark it as agreed.'
              : `Record the agreement of each person who must agree it (${countOf(needed, 'person', 'people')}), then mark it as agreed.`,
        },
      });
    } catch (error) {
      form.fromApi(toApiError(error));
      setBusy(false);
    }
  };

  return (
    <div className="narrow-wide">
      <BackLink to={back}>Back to {pupil.name}&rsquo;s record</BackLink>
      <ErrorSummary errors={form.errors} />
      <DraftRestored
        restored={draft.restored}
        title="We have kept what you were writing"
        text="Nothing has been saved to Tandem yet. Check it, finish it and save it."
        startAgainText="Clear the form and start again"
        onStartAgain={startAgain}
      />
      <PageTitle caption={pupil.name} title={`Write a plan for ${pupil.name}`}>
        Write a plan
      </PageTitle>
      <p className="lead">
        Write it with {pupil.first} and their family where you can. You will be the plan&rsquo;s lead; you can change
        that after saving.
      </p>
      <Form onSubmit={submit} label={`Write a plan for ${pupil.name}`}>
        <KindField
          value={values.kind}
          onChange={(kind) => {
            change({ kind });
          }}
          error={form.errorFor('kind')}
        />
        {values.kind === '' ? (
          <p className="secondary-text">Choose the kind of plan to see what to write.</p>
        ) : (
          <>
            <PlanFields
              kind={values.kind}
              values={values}
              onChange={change}
              errorFor={form.errorFor}
              pupilFirst={pupil.first}
            />
            <h2 className="heading-m">Who is given the plan</h2>
            {staff.options === null ? (
              <Loading what="Loading the staff list" />
            ) : (
              <SharingFields
                kind={values.kind}
                pupilFirst={pupil.first}
                shareWithTeaching={values.shareWithTeaching}
                sharedWith={values.sharedWith}
                parentShareable={values.parentShareable}
                staffOptions={staff.options}
                staffPartial={staff.partial}
                onChange={change}
                errorFor={form.errorFor}
              />
            )}
          </>
        )}
        <ButtonGroup>
          <Button type="submit" busy={busy} busyText="Saving…">
            Save plan
          </Button>
          <Link to={back} className="link-cancel">
            Cancel
          </Link>
        </ButtonGroup>
        <DraftKept savedAt={draft.savedAt} failed={draft.failed} />
      </Form>
      <HelpNow audience="staff" />
    </div>
  );
}
