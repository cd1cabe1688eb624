/**
 * The plan editor, for writing a new plan and for changing one. A new plan chooses its kind and who
 * is given it; a change gives a reason, and saving makes the next version. If someone else saved a
 * newer version meanwhile, nothing typed is lost: theirs is shown for comparison and this one can
 * be saved as the version after it. What is typed is kept in this tab as a draft until it is saved.
 */
import { useMemo, useState } from 'react';
import { z } from 'zod';
import { ApiError } from '../api/client';
import { type SessionSchool } from '../auth/session';
import { clearDraft, useKeptForm } from '../components/drafts';
import { DraftKept, DraftRestored } from '../components/DraftNotices';
import { Button, ButtonGroup, ErrorSummary, Form, TextareaField } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { BackLink, HelpNow, InsetText, Loading, PageTitle } from '../components/Page';
import { useAction } from '../components/useAction';
import { pupilPage } from '../pupils/pupilsApi';
import { Link, useNavigate } from '../router/router';
import { ConflictBox, findNewerVersion, NewerVersionSection, type NewerVersion } from './PlanConflict';
import { KindField, PlanFields } from './PlanFields';
import { newPlanSave, planChangeSave } from './planSaving';
import { planPage, planTitle, useStaffOptions, type CasePlan } from './plansApi';
import { emptyPlanValues, planFieldOrder, planValuesSchema, valuesFromPlan, type PlanFormValues } from './planValues';
import { SharingFields } from './SharingFields';

/** What the editor is for: a new plan for a pupil, or the next version of a plan. */
export type PlanEditing =
  { mode: 'new'; pupil: { id: string; name: string; first: string } } | { mode: 'change'; plan: CasePlan };

/**
 * What the draft keeps: the answers, the version they change (0 for a new plan), and the key that
 * makes a double click or a retry of a new plan create one plan (made once per form).
 */
interface Kept {
  baseVersion: number;
  submissionKey: string;
  values: PlanFormValues;
}

const keptSchema = z.object({
  baseVersion: z.number().int().min(0),
  // A draft kept before keys were made gets one now, and keeps it from then on.
  submissionKey: z.uuid().default(() => crypto.randomUUID()),
  values: planValuesSchema,
});

/** The words and the draft that differ between writing a plan and changing one. */
function editorSetup(schoolId: string, editing: PlanEditing) {
  if (editing.mode === 'new') {
    const { pupil } = editing;
    return {
      draftKey: `tandem.plan-draft.new.${schoolId}.${pupil.id}`,
      initial: (): Kept => ({ baseVersion: 0, submissionKey: crypto.randomUUID(), values: emptyPlanValues() }),
      accept: (kept: Kept) => kept.baseVersion === 0,
      back: pupilPage(schoolId, pupil.id),
      backText: `Back to ${pupil.name}’s record`,
      caption: pupil.name,
      title: `Write a plan for ${pupil.name}`,
      heading: 'Write a plan',
      pupilFirst: pupil.first,
      restored: {
        title: 'We have kept what you were writing',
        text: 'Nothing has been saved to Tandem yet. Check it, finish it and save it.',
        startAgainText: 'Clear the form and start again',
      },
    };
  }
  const { plan, content } = editing.plan;
  const title = planTitle(plan.kind, plan.pupilName);
  return {
    draftKey: `tandem.plan-draft.${schoolId}.${plan.id}`,
    initial: (): Kept => ({
      baseVersion: plan.version,
      submissionKey: crypto.randomUUID(),
      values: valuesFromPlan({ ...plan, content }),
    }),
    accept: (kept: Kept) => kept.values.kind === plan.kind && kept.baseVersion >= 1 && kept.baseVersion <= plan.version,
    back: planPage(schoolId, plan.id),
    backText: 'Back to the plan',
    caption: title,
    title: `Change the plan: ${title}`,
    heading: 'Change the plan',
    pupilFirst: plan.pupilName,
    restored: {
      title: 'We have kept the changes you were making',
      text: 'They have not been saved to the plan yet. Check them and save, or discard them.',
      startAgainText: 'Discard my changes and start from the plan as it is',
    },
  };
}

/** The editor for a new plan or the next version of one (see the top of this file). */
export function PlanEditor({ school, editing }: { school: SessionSchool; editing: PlanEditing }) {
  const navigate = useNavigate();
  const setup = editorSetup(school.id, editing);
  const action = useAction();
  const [newer, setNewer] = useState<NewerVersion | null>(null);
  const draft = useKeptForm<Kept>(setup.draftKey, keptSchema, {
    initial: setup.initial,
    accept: setup.accept,
    sending: action.busy,
  });
  const { baseVersion, submissionKey, values } = draft.state;
  const fieldOrder = useMemo(() => planFieldOrder(values.contacts.length), [values.contacts.length]);
  const form = useFormErrors(fieldOrder);
  // Only a new plan chooses who is given it here; a change leaves that to its own page.
  const staff = useStaffOptions(school, values.sharedWith, editing.mode === 'new');
  const plan = editing.mode === 'change' ? editing.plan.plan : null;
  const kind = plan?.kind ?? (values.kind === '' ? null : values.kind);
  const saveFrom = newer?.version ?? baseVersion;

  const change = (patch: Partial<PlanFormValues>) => {
    draft.change((d) => ({ ...d, values: { ...d.values, ...patch } }));
  };

  const startAgain = () => {
    form.clear();
    draft.startAgain(setup.initial());
  };

  /** A newer version saved meanwhile is shown; any other refusal goes to the error summary. */
  const refused = async (e: ApiError) => {
    if (plan === null || e.code !== 'conflict') {
      form.fromApi(e);
      return;
    }
    form.clear();
    const found = await findNewerVersion(school.id, plan.id, e, newer?.seen ?? 0);
    if (found instanceof ApiError) form.fromApi(found);
    else setNewer(found);
  };

  const submit = async (fromVersion: number) => {
    const save =
      editing.mode === 'new'
        ? newPlanSave(school.id, editing.pupil.id, values, submissionKey)
        : planChangeSave(school.id, editing.plan.plan, values, fromVersion);
    if (!save.ok) {
      form.fromIssues(save.issues, save.own);
      return;
    }
    await action.run(
      async () => {
        const next = await save.send();
        clearDraft(setup.draftKey);
        navigate(next.to, { flash: next.flash });
      },
      { stayBusy: true, onRefused: refused },
    );
  };

  return (
    <div className="narrow-wide">
      <BackLink to={setup.back}>{setup.backText}</BackLink>
      {newer !== null && (
        <ConflictBox
          key={newer.seen}
          newer={newer}
          busy={action.busy}
          onSave={() => {
            void submit(newer.version);
          }}
        />
      )}
      <ErrorSummary errors={form.errors} />
      <DraftRestored restored={draft.restored} {...setup.restored} onStartAgain={startAgain} />
      <PageTitle caption={setup.caption} title={setup.title}>
        {setup.heading}
      </PageTitle>
      {plan === null ? (
        <p className="lead">
          Write it with {setup.pupilFirst} and their family where you can. You will be the plan&rsquo;s lead; you can
          change that after saving.
        </p>
      ) : (
        <p className="lead">
          You are changing version {baseVersion}. Saving makes version {saveFrom + 1}
          {plan.agreementsNeeded.length > 0 || plan.status === 'agreed' ? ', which will need agreeing again' : ''}.
        </p>
      )}
      <Form onSubmit={() => submit(saveFrom)} label={setup.title}>
        {plan === null && (
          <KindField
            value={values.kind}
            onChange={(k) => {
              change({ kind: k });
            }}
            error={form.errorFor('kind')}
          />
        )}
        {kind === null ? (
          <p className="secondary-text">Choose the kind of plan to see what to write.</p>
        ) : (
          <PlanFields
            kind={kind}
            values={values}
            onChange={change}
            errorFor={form.errorFor}
            pupilFirst={setup.pupilFirst}
          />
        )}
        {plan === null && kind !== null && (
          <>
            <h2 className="heading-m">Who is given the plan</h2>
            {staff.options === null ? (
              <Loading what="Loading the staff list" />
            ) : (
              <SharingFields
                kind={kind}
                pupilFirst={setup.pupilFirst}
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
        {plan !== null && (
          <>
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
          </>
        )}
        <ButtonGroup>
          <Button type="submit" busy={action.busy} busyText="Saving…">
            {plan === null ? 'Save plan' : newer === null ? 'Save changes' : 'Save mine as the next version'}
          </Button>
          <Link to={setup.back} className="link-cancel">
            Cancel
          </Link>
        </ButtonGroup>
        <DraftKept savedAt={draft.savedAt} failed={draft.failed} />
      </Form>
      {newer !== null && plan !== null && <NewerVersionSection newer={newer} kind={plan.kind} />}
      <HelpNow audience="staff" />
    </div>
  );
}
