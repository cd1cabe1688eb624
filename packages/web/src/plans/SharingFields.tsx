/**
 * Who is given a plan and whether parents see its parent-facing parts: used when writing a plan
 * and on the page that changes who is given it.
 */
import { KIND_SHAREABLE_WITH_PARENTS, KIND_SHAREABLE_WITH_STAFF, type PlanKind } from '@tandem/core';
import { fieldId } from '../components/formErrors';
import { CheckboxItem, Group, StaffPicker } from './PlanFormParts';
import type { StaffOption } from './plansApi';
import type { PlanFormValues } from './planValues';

type ErrorFor = (path: string) => string | undefined;

/** Who is given the plan and whether parents see its parent-facing parts. */
export function SharingFields({
  kind,
  pupilFirst,
  shareWithTeaching,
  sharedWith,
  parentShareable,
  staffOptions,
  staffPartial,
  onChange,
  errorFor,
}: {
  kind: PlanKind;
  pupilFirst: string;
  shareWithTeaching: boolean;
  sharedWith: readonly StaffOption[];
  parentShareable: boolean;
  staffOptions: readonly StaffOption[];
  staffPartial: boolean;
  onChange: (patch: Partial<Pick<PlanFormValues, 'shareWithTeaching' | 'sharedWith' | 'parentShareable'>>) => void;
  errorFor: ErrorFor;
}) {
  if (!KIND_SHAREABLE_WITH_STAFF[kind] && !KIND_SHAREABLE_WITH_PARENTS[kind]) {
    return (
      <p>
        A Signs of Safety record stays with the case team. It is not given to other staff, and parents never see it on
        the parent portal.
      </p>
    );
  }
  return (
    <>
      {KIND_SHAREABLE_WITH_STAFF[kind] && (
        <>
          <Group
            name="shareWithTeaching"
            legend="Staff who teach them"
            hint={`Staff given the plan see what they need to know and do, on ${pupilFirst}’s page. They do not see the other parts.`}
            error={errorFor('shareWithTeaching')}
          >
            <div className="choices">
              <CheckboxItem
                id={fieldId('shareWithTeaching')}
                name="shareWithTeaching"
                label={`Everyone who teaches ${pupilFirst}`}
                hint="From the teaching groups imported from your MIS. Changes there are followed."
                checked={shareWithTeaching}
                onChange={(checked) => {
                  onChange({ shareWithTeaching: checked });
                }}
              />
            </div>
          </Group>
          <StaffPicker
            name="sharedWith"
            legend="Named staff"
            hint={
              staffPartial
                ? 'For example a tutor, a teaching assistant or a first aider. The full staff list could not be loaded, so only some staff are listed.'
                : 'For example a tutor, a teaching assistant or a first aider.'
            }
            error={errorFor('sharedWith')}
            chosen={sharedWith}
            options={staffOptions}
            onChange={(chosen) => {
              onChange({ sharedWith: chosen });
            }}
            addText="Give them the plan"
          />
        </>
      )}
      {KIND_SHAREABLE_WITH_PARENTS[kind] && (
        <Group name="parentShareable" legend="Parents and carers" error={errorFor('parentShareable')}>
          <div className="choices">
            <CheckboxItem
              id={fieldId('parentShareable')}
              name="parentShareable"
              label="Show the parent-facing parts on the parent portal once agreed"
              hint="Parents see only what school provides, what home does, what to do in an emergency and the emergency contacts. Never the other parts."
              checked={parentShareable}
              onChange={(checked) => {
                onChange({ parentShareable: checked });
              }}
            />
          </div>
        </Group>
      )}
    </>
  );
}
