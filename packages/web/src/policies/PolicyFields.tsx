/**
 * The questions the policy forms share: one version (its file or link, its approval, what changed,
 * its next review) and who looks after the policy and must read it.
 */
import {
  POLICY_APPROVERS,
  POLICY_READERS,
  POLICY_READERS_LABELS,
  ROLE_LABELS,
  SCHOOL_STAFF_ROLES,
  reviewPeriodWords,
  type PolicyKind,
  type PolicyReaders,
  type SchoolStaffRole,
} from '@tandem/core';
import { useId } from 'react';
import { DateInput } from '../components/DateInput';
import { DocumentLink, DocumentUpload } from '../components/DocumentUpload';
import { formatIsoDay } from '../components/dates';
import { Button, Checkboxes, Radios, SelectField, TextareaField, TextField } from '../components/Form';
import { reviewIsLate, usualReview, type ReadersValues, type VersionValues } from './policyValues';

type ErrorFor = (path: string) => string | undefined;

export function VersionFields({
  schoolId,
  kind,
  values,
  onChange,
  errorFor,
}: {
  schoolId: string;
  kind: PolicyKind | '';
  values: VersionValues;
  onChange: (patch: Partial<VersionValues>) => void;
  errorFor: ErrorFor;
}) {
  const approvers = useId();
  const usual = usualReview(kind, values.approvedOn);
  return (
    <>
      {/* The error summary's link for the file lands here. */}
      <div id="documentId" tabIndex={-1} />
      {values.document === null ? (
        <DocumentUpload
          place={{ schoolId }}
          label="The policy’s file (optional if you give a link)"
          error={errorFor('documentId')}
          onUploaded={(document) => {
            onChange({ document });
          }}
        />
      ) : (
        <div className="form-group">
          <p className="label">The policy&rsquo;s file</p>
          <p>
            <DocumentLink place={{ schoolId }} doc={values.document} />{' '}
            <Button
              variant="link"
              onClick={() => {
                onChange({ document: null });
              }}
            >
              Remove this file
            </Button>
          </p>
        </div>
      )}
      <TextField
        name="link"
        label="Link to the policy (optional if you upload the file)"
        hint="For example, the page on the school’s website. Starting https://"
        type="url"
        inputMode="url"
        autoComplete="off"
        value={values.link}
        onValueChange={(link) => {
          onChange({ link });
        }}
        error={errorFor('link')}
      />
      <DateInput
        name="approvedOn"
        legend="When was this version approved?"
        hint="For example, 1 9 2026"
        value={values.approvedOn}
        onValueChange={(approvedOn) => {
          onChange({ approvedOn });
        }}
        error={errorFor('approvedOn')}
      />
      <TextField
        name="approvedBy"
        label="Who approved it?"
        hint="For example, Governing body, Trust board or Headteacher"
        list={approvers}
        autoComplete="off"
        value={values.approvedBy}
        onValueChange={(approvedBy) => {
          onChange({ approvedBy });
        }}
        error={errorFor('approvedBy')}
      />
      <datalist id={approvers}>
        {POLICY_APPROVERS.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      <TextareaField
        name="summary"
        label="What changed (optional)"
        hint="A sentence or two for staff: what is new or different in this version."
        rows={3}
        maxChars={1000}
        value={values.summary}
        onValueChange={(summary) => {
          onChange({ summary });
        }}
        error={errorFor('summary')}
      />
      <DateInput
        name="nextReviewOn"
        legend="When is the next review? (optional)"
        hint={
          kind === ''
            ? 'Leave empty for the usual period for this kind of policy.'
            : `Leave empty for the usual period: this kind of policy is reviewed ${reviewPeriodWords(kind)}${
                usual === null ? '' : `, so by ${formatIsoDay(usual)}`
              }. You may set an earlier date.`
        }
        value={values.nextReviewOn}
        onValueChange={(nextReviewOn) => {
          onChange({ nextReviewOn });
        }}
        error={errorFor('nextReviewOn')}
      />
      {reviewIsLate(kind, values) && (
        <TextareaField
          name="reviewReason"
          label="Why is the review later than usual?"
          hint={usual === null ? undefined : `The usual review would be by ${formatIsoDay(usual)}.`}
          rows={2}
          maxChars={500}
          value={values.reviewReason}
          onValueChange={(reviewReason) => {
            onChange({ reviewReason });
          }}
          error={errorFor('reviewReason')}
        />
      )}
    </>
  );
}

export function ReadersFields({
  staff,
  values,
  onChange,
  errorFor,
}: {
  staff: readonly { id: string; name: string }[];
  values: ReadersValues;
  onChange: (patch: Partial<ReadersValues>) => void;
  errorFor: ErrorFor;
}) {
  return (
    <>
      <SelectField
        name="ownerUserId"
        label="Who owns the policy?"
        hint="They keep it up to date and are reminded when its review is due."
        value={values.ownerUserId}
        onValueChange={(ownerUserId) => {
          onChange({ ownerUserId });
        }}
        options={[
          { value: '', label: 'Choose a member of staff' },
          ...staff.map((s) => ({ value: s.id, label: s.name })),
        ]}
        error={errorFor('ownerUserId')}
      />
      <Radios
        name="readers"
        legend="Who must read it and confirm?"
        value={values.readers}
        onValueChange={(readers) => {
          onChange({ readers: readers as PolicyReaders });
        }}
        options={POLICY_READERS.map((r) => ({ value: r, label: POLICY_READERS_LABELS[r] }))}
        error={errorFor('readers')}
      />
      {values.readers === 'roles' && (
        <Checkboxes
          name="readerRoles"
          legend="Which roles must read it?"
          values={values.readerRoles}
          onValuesChange={(roles) => {
            onChange({ readerRoles: roles as SchoolStaffRole[] });
          }}
          options={SCHOOL_STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          error={errorFor('readerRoles')}
        />
      )}
    </>
  );
}
