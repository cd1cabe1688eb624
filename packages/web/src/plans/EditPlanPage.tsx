/**
 * Change a plan: the same fields as writing one, filled in with the current version, and a reason.
 * Saving makes the next version. If someone else saved a newer version meanwhile, nothing typed is
 * lost: their version is shown for comparison and this one can be saved as the version after it.
 * What is typed is kept in this tab as a draft until it is saved.
 */
import {
  checkContentForKind,
  partiesRequiredFor,
  PLAN_KIND_LABELS,
  planDetailResponse,
  planMutationResponse,
  revisePlanBody,
} from '@tandem/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { z } from 'zod';
import { ApiError, apiGet, apiPut, toApiError } from '../api/client';
import { useResource } from '../api/useResource';
import { useSchool, type SessionSchool } from '../auth/session';
import { formatDateTime } from '../components/dates';
import { clearDraft, useKeptForm } from '../components/drafts';
import { DraftKept, DraftRestored } from '../components/DraftNotices';
import { Button, ButtonGroup, ErrorSummary, Form, TextareaField } from '../components/Form';
import { useFormErrors, type FieldError } from '../components/formErrors';
import { BackLink, HelpNow, InsetText, PageTitle } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { NotFoundPage } from '../errors/ErrorPages';
import { Link, useNavigate } from '../router/router';
import { PlanContentView, ReviewDue } from './PlanBits';
import {
  contentFromValues,
  PlanFields,
  planFieldOrder,
  planValuesSchema,
  valuesFromPlan,
  type PlanFormValues,
} from './PlanForm';
import { mayWritePlans, planApi, planPage, planTitle, type CasePlan, type PlanContentOut } from './plansApi';

export function EditPlanPage({ schoolId, planId }: { schoolId: string; planId: string }) {
  const school = useSchool(schoolId);
  const allowed = mayWritePlans(school);
  // The form starts from the plan as loaded here; a newer version found on saving does not reset it.
  const { resource, reload } = useResource(allowed ? planApi(schoolId, planId) : null, planDetailResponse);
  if (school === undefined || !allowed) return <NotFoundPage />;
  const back = planPage(school.id, planId);

  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: 'Change the plan',
      caption: school.name,
      loading: 'Opening the plan',
      back: { to: back, text: 'Back to the plan' },
      onRetry: reload,
    });
  }
  const loaded = resource.data;
  if (loaded.view !== 'case') return <NotFoundPage />;
  if (loaded.plan.endedAt !== null) {
    return (
      <>
        <BackLink to={back}>Back to the plan</BackLink>
        <PageTitle caption={planTitle(loaded.plan.kind, loaded.plan.pupilName)}>Change the plan</PageTitle>
        <p>
          This plan has ended, so it cannot be changed. Write a new plan from the pupil&rsquo;s record if one is needed.
        </p>
      </>
    );
  }
  return <EditPlanForm school={school} plan={loaded} />;
}

const draftSchema = z.object({ baseVersion: z.number().int().min(1), values: planValuesSchema });

/** What the draft keeps: the changes, and the version of the plan they were made to. */
interface Kept {
  baseVersion: number;
  values: PlanFormValues;
}

function draftKey(schoolId: string, planId: string): string {
  return `tandem.plan-draft.${schoolId}.${planId}`;
}

interface Newer {
  version: number;
  byName: string;
  at: string;
  content: PlanContentOut;
  reviewDue: string;
  reviewOverdue: boolean;
  /** Changes each time a conflict is found, so the message is announced and focused again. */
  seen: number;
}

function EditPlanForm({ school, plan: loaded }: { school: SessionSchool; plan: CasePlan }) {
  const navigate = useNavigate();
  const plan = loaded.plan;
  const kind = plan.kind;
  const key = draftKey(school.id, plan.id);
  const [newer, setNewer] = useState<Newer | null>(null);
  const [busy, setBusy] = useState(false);
  const draft = useKeptForm<Kept>(key, draftSchema, {
    initial: () => ({ baseVersion: plan.version, values: valuesFromPlan({ ...plan, content: loaded.content }) }),
    accept: (kept) => kept.values.kind === kind && kept.baseVersion <= plan.version,
    sending: busy,
  });
  const { baseVersion, values } = draft.state;
  const fieldOrder = useMemo(() => planFieldOrder(values.contacts.length), [values.contacts.length]);
  const form = useFormErrors(fieldOrder);
  const conflictRef = useRef<HTMLDivElement>(null);
  const back = planPage(school.id, plan.id);
  const title = planTitle(kind, plan.pupilName);

  useEffect(() => {
    if (newer !== null) conflictRef.current?.focus();
  }, [newer]);

  const change = (patch: Partial<PlanFormValues>) => {
    draft.change((d) => ({ ...d, values: { ...d.values, ...patch } }));
  };

  const discard = () => {
    form.clear();
    draft.startAgain({ baseVersion: plan.version, values: valuesFromPlan({ ...plan, content: loaded.content }) });
  };

  /** Finds the version saved meanwhile and shows it; the form keeps what was typed. */
  const showNewer = async (refusal: ApiError) => {
    const latest = await apiGet(planApi(school.id, plan.id), planDetailResponse).catch(() => null);
    if (latest !== null && latest.view === 'case' && latest.plan.endedAt !== null) {
      // Not a newer version: the plan has ended. The server's words say so.
      form.fromApi(new ApiError('conflict', 409, `${refusal.message} What you typed is still here, not saved.`));
      return;
    }
    if (latest === null || latest.view !== 'case') {
      form.fromApi(
        new ApiError(
          'conflict',
          409,
          'Someone else saved a newer version while you were editing. Your changes are still here and have not been saved. Open the plan in a new tab to see it.',
        ),
      );
      return;
    }
    const meta = latest.versions.find((v) => v.version === latest.plan.version);
    setNewer((n) => ({
      version: latest.plan.version,
      byName: meta?.createdByName ?? 'Someone else',
      at: meta?.createdAt ?? latest.plan.updatedAt,
      content: latest.content,
      reviewDue: latest.plan.reviewDue,
      reviewOverdue: latest.plan.reviewOverdue,
      seen: (n?.seen ?? 0) + 1,
    }));
  };

  const submit = async (fromVersion: number) => {
    const content = contentFromValues(values, kind);
    const candidate = {
      version: fromVersion,
      content,
      reviewDue: values.reviewDue,
      agreementsNeeded: partiesRequiredFor(kind, values.agreementsNeeded),
      reason: values.reason,
    };
    const parsed = revisePlanBody.safeParse(candidate);
    const extra: FieldError[] = [];
    checkContentForKind(kind, content, {
      addIssue: (issue) => {
        extra.push({ path: issue.path.map(String).join('.'), message: issue.message });
      },
    });
    if (!parsed.success || extra.length > 0) {
      const issues = parsed.success ? [] : parsed.error.issues;
      // The kind's own checks say more than the schema's general ones for the same field.
      const paths = new Set(extra.map((e) => e.path));
      form.fromIssues(
        issues.filter((i) => !paths.has(i.path.map(String).join('.'))),
        extra,
      );
      return;
    }
    setBusy(true);
    try {
      const result = await apiPut(planApi(school.id, plan.id), parsed.data, planMutationResponse);
      clearDraft(key);
      navigate(back, {
        flash: {
          kind: 'success',
          title: `${PLAN_KIND_LABELS[kind]} changed: this is now version ${String(result.version)}`,
          text:
            result.status === 'agreed'
              ? 'Staff given the plan will be asked to read the new version.'
              : 'It needs agreeing again. Staff given the plan will be asked to read the new version.',
        },
      });
    } catch (error) {
      const e = toApiError(error);
      setBusy(false);
      if (e.code === 'conflict') {
        form.clear();
        await showNewer(e);
        return;
      }
      form.fromApi(e);
    }
  };

  const saveFrom = newer?.version ?? baseVersion;

  return (
    <div className="narrow-wide">
      <BackLink to={back}>Back to the plan</BackLink>
      {newer !== null && (
        <div
          key={newer.seen}
          className="conflict-box"
          role="alert"
          aria-labelledby="conflict-title"
          tabIndex={-1}
          ref={conflictRef}
        >
          <h2 className="conflict-box__title" id="conflict-title">
            {newer.byName} saved a newer version while you were editing. Your changes are still here and have not been
            saved.
          </h2>
          <p>
            Version {newer.version} was saved <time dateTime={newer.at}>{formatDateTime(newer.at)}</time>. It is shown{' '}
            <a href="#newer-version">below your form</a>, so you can compare. If yours should replace it, save yours as
            version {newer.version + 1}.
          </p>
          <Button
            busy={busy}
            busyText="Saving…"
            onClick={() => {
              void submit(newer.version);
            }}
          >
            Save mine as the next version
          </Button>
        </div>
      )}
      <ErrorSummary errors={form.errors} />
      <DraftRestored
        restored={draft.restored}
        title="We have kept the changes you were making"
        text="They have not been saved to the plan yet. Check them and save, or discard them."
        startAgainText="Discard my changes and start from the plan as it is"
        onStartAgain={discard}
      />
      <PageTitle caption={title} title={`Change the plan: ${title}`}>
        Change the plan
      </PageTitle>
      <p className="lead">
        You are changing version {baseVersion}. Saving makes version {saveFrom + 1}
        {plan.agreementsNeeded.length > 0 || plan.status === 'agreed' ? ', which will need agreeing again' : ''}.
      </p>
      <Form onSubmit={() => submit(saveFrom)} label={`Change the plan: ${title}`}>
        <PlanFields
          kind={kind}
          values={values}
          onChange={change}
          errorFor={form.errorFor}
          pupilFirst={plan.pupilName}
        />
        <h2 className="heading-m">Why it is changing</h2>
        <TextareaField
          name="reason"
          label="Why are you changing it?"
          hint="For example, “Reviewed with Ava and her mother on 3 March: new exit card.” Everyone who can see the version history reads this."
          rows={3}
          maxChars={1000}
          value={values.reason}
          onValueChange={(reason) => {
            change({ reason });
          }}
          error={form.errorFor('reason')}
        />
        <InsetText>
          <p>
            Who is given the plan is changed separately, from the plan&rsquo;s page. It stays as it is when you save
            this.
          </p>
        </InsetText>
        <ButtonGroup>
          <Button type="submit" busy={busy} busyText="Saving…">
            {newer === null ? 'Save changes' : 'Save mine as the next version'}
          </Button>
          <Link to={back} className="link-cancel">
            Cancel
          </Link>
        </ButtonGroup>
        <DraftKept savedAt={draft.savedAt} failed={draft.failed} />
      </Form>
      {newer !== null && (
        <section className="compare" id="newer-version" aria-labelledby="newer-version-title" tabIndex={-1}>
          <h2 className="heading-m compare__title" id="newer-version-title">
            Version {newer.version}, saved by {newer.byName} (read only)
          </h2>
          <p className="secondary-text">
            Saved <time dateTime={newer.at}>{formatDateTime(newer.at)}</time>. Review due{' '}
            <ReviewDue on={newer.reviewDue} overdue={newer.reviewOverdue} />.
          </p>
          <PlanContentView kind={kind} content={newer.content} headingLevel={3} />
        </section>
      )}
      <HelpNow audience="staff" />
    </div>
  );
}
