/** Change a plan's lead, who is given it, and whether parents see its parent-facing parts. */
import {
  KIND_SHAREABLE_WITH_PARENTS,
  KIND_SHAREABLE_WITH_STAFF,
  planDetailResponse,
  planMutationResponse,
  planSharingBody,
} from '@tandem/core';
import { useMemo, useState } from 'react';
import { ApiError, apiGet, apiPut } from '../api/client';
import { useResource } from '../api/useResource';
import { useSchool, type SessionSchool } from '../auth/session';
import { Button, ButtonGroup, ErrorSummary, Form, SelectField } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { useAction } from '../components/useAction';
import { BackLink, HelpNow, Loading, PageTitle } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { NotFoundPage } from '../errors/ErrorPages';
import { Link, useNavigate } from '../router/router';
import { planFieldOrder } from './planValues';
import { SharingFields } from './SharingFields';
import {
  mayWritePlans,
  planApi,
  planPage,
  planTitle,
  staffLabel,
  useStaffOptions,
  type CasePlan,
  type StaffOption,
} from './plansApi';

export function PlanSharingPage({ schoolId, planId }: { schoolId: string; planId: string }) {
  const school = useSchool(schoolId);
  const allowed = mayWritePlans(school);
  const { resource, reload } = useResource(allowed ? planApi(schoolId, planId) : null, planDetailResponse);
  if (school === undefined || !allowed) return <NotFoundPage />;
  const back = planPage(school.id, planId);
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: 'Change who is given the plan',
      caption: school.name,
      loading: 'Loading the plan',
      back: { to: back, text: 'Back to the plan' },
      onRetry: reload,
    });
  }
  if (resource.data.view !== 'case') return <NotFoundPage />;
  const data = resource.data;
  if (data.plan.endedAt !== null) {
    return (
      <>
        <BackLink to={back}>Back to the plan</BackLink>
        <PageTitle caption={planTitle(data.plan.kind, data.plan.pupilName)}>Change who is given the plan</PageTitle>
        <p>This plan has ended, so it is no longer given to anyone.</p>
      </>
    );
  }
  return <SharingForm school={school} data={data} />;
}

const NO_CONTACTS = 0;

function SharingForm({ school, data }: { school: SessionSchool; data: CasePlan }) {
  const navigate = useNavigate();
  const p = data.plan;
  const title = planTitle(p.kind, p.pupilName);
  const back = planPage(school.id, p.id);
  const [version, setVersion] = useState(p.version);
  const [lead, setLead] = useState(p.lead.id);
  const [shareWithTeaching, setShareWithTeaching] = useState(p.shareWithTeaching);
  const [sharedWith, setSharedWith] = useState<StaffOption[]>(() =>
    p.sharedWith.map((s) => ({ userId: s.id, name: s.name })),
  );
  const [parentShareable, setParentShareable] = useState(p.parentShareable);
  const known = useMemo(
    () => [{ userId: p.lead.id, name: p.lead.name }, ...p.sharedWith.map((s) => ({ userId: s.id, name: s.name }))],
    [p.lead, p.sharedWith],
  );
  const staff = useStaffOptions(school, known);
  const fieldOrder = useMemo(() => planFieldOrder(NO_CONTACTS), []);
  const form = useFormErrors(fieldOrder);
  const action = useAction();

  /** A change made meanwhile: the next save is made to the plan as it is now. */
  const refused = async (e: ApiError) => {
    if (e.code !== 'conflict') {
      form.fromApi(e);
      return;
    }
    const latest = await apiGet(planApi(school.id, p.id), planDetailResponse).catch(() => null);
    if (latest !== null && latest.view === 'case') setVersion(latest.plan.version);
    form.fromApi(
      new ApiError(
        'conflict',
        409,
        'Someone changed the plan while you were working, so this was not saved. Your choices are still here: check them against the plan and save again.',
      ),
    );
  };

  const submit = async () => {
    const parsed = planSharingBody.safeParse({
      version,
      leadUserId: lead,
      shareWithTeaching: KIND_SHAREABLE_WITH_STAFF[p.kind] && shareWithTeaching,
      sharedWith: KIND_SHAREABLE_WITH_STAFF[p.kind] ? sharedWith.map((s) => s.userId) : [],
      parentShareable: KIND_SHAREABLE_WITH_PARENTS[p.kind] && parentShareable,
    });
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    await action.run(
      async () => {
        await apiPut(`${planApi(school.id, p.id)}/sharing`, parsed.data, planMutationResponse);
        navigate(back, {
          flash: {
            kind: 'success',
            title: 'Who is given the plan has been changed',
            text: 'Staff newly given the plan will see it on the pupil’s page and be asked to confirm reading it.',
          },
        });
      },
      { stayBusy: true, onRefused: refused },
    );
  };

  return (
    <div className="narrow-wide">
      <BackLink to={back}>Back to the plan</BackLink>
      <ErrorSummary errors={form.errors} />
      <PageTitle caption={title} title={`Change who is given the plan: ${title}`}>
        Change who is given the plan
      </PageTitle>
      {staff.options === null ? (
        <Loading what="Loading the staff list" />
      ) : (
        <Form onSubmit={submit} label="Change who is given the plan">
          <SelectField
            name="leadUserId"
            label="Lead"
            hint="The member of staff who keeps the plan up to date and is reminded when its review is due."
            options={staff.options.map((o) => ({ value: o.userId, label: staffLabel(o) }))}
            value={lead}
            onValueChange={setLead}
            error={form.errorFor('leadUserId')}
          />
          <h2 className="heading-m">Who is given the plan</h2>
          <SharingFields
            kind={p.kind}
            pupilFirst={p.pupilName}
            shareWithTeaching={shareWithTeaching}
            sharedWith={sharedWith}
            parentShareable={parentShareable}
            staffOptions={staff.options}
            staffPartial={staff.partial}
            onChange={(patch) => {
              if (patch.shareWithTeaching !== undefined) setShareWithTeaching(patch.shareWithTeaching);
              if (patch.sharedWith !== undefined) setSharedWith(patch.sharedWith);
              if (patch.parentShareable !== undefined) setParentShareable(patch.parentShareable);
            }}
            errorFor={form.errorFor}
          />
          <ButtonGroup>
            <Button type="submit" busy={action.busy} busyText="Saving…">
              Save
            </Button>
            <Link to={back} className="link-cancel">
              Cancel
            </Link>
          </ButtonGroup>
        </Form>
      )}
      <HelpNow audience="staff" />
    </div>
  );
}
