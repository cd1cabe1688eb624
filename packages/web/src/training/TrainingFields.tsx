/** The questions of a training record, shared by adding and correcting one. */
import {
  TRAINING_COURSES,
  TRAINING_COURSE_HINTS,
  TRAINING_COURSE_LABELS,
  TRAINING_DEFAULT_RENEWAL_MONTHS,
} from '@tandem/core';
import { DateInput } from '../components/DateInput';
import { DocumentLink, DocumentUpload } from '../components/DocumentUpload';
import { Radios, SelectField, TextareaField, TextField, type Option } from '../components/Form';
import { withCourse, type TrainingFormValues } from './trainingValues';

const COURSE_OPTIONS: Option[] = TRAINING_COURSES.map((c) => ({
  value: c,
  label: TRAINING_COURSE_LABELS[c],
  hint: TRAINING_COURSE_HINTS[c],
}));

function renewalHint(v: TrainingFormValues): string {
  if (v.course === '') return 'Choose the training first to see how often it is usually renewed.';
  const usual = TRAINING_DEFAULT_RENEWAL_MONTHS[v.course];
  return usual === null
    ? 'This training does not usually expire: leave this empty, or give a number of months.'
    : `Usually ${String(usual)} months for this training. Leave empty if it does not need renewing.`;
}

export function TrainingFields({
  schoolId,
  values,
  onChange,
  errorFor,
  people,
}: {
  schoolId: string;
  values: TrainingFormValues;
  onChange: (next: TrainingFormValues) => void;
  errorFor: (path: string) => string | undefined;
  /** For the lead adding training: who may be chosen (null when the person is fixed). */
  people: readonly Option[] | null;
}) {
  const set = (patch: Partial<TrainingFormValues>) => {
    onChange({ ...values, ...patch });
  };
  return (
    <>
      {people !== null && (
        <SelectField
          name="userId"
          label="Who did the training?"
          options={people}
          value={values.userId}
          onValueChange={(userId) => {
            set({ userId });
          }}
          error={errorFor('userId')}
        />
      )}
      <Radios
        name="course"
        legend="Which training?"
        options={COURSE_OPTIONS}
        value={values.course}
        onValueChange={(course) => {
          onChange(withCourse(values, course));
        }}
        error={errorFor('course')}
      />
      {values.course === 'other' && (
        <TextField
          name="otherName"
          label="Name of the training"
          value={values.otherName}
          onValueChange={(otherName) => {
            set({ otherName });
          }}
          error={errorFor('otherName')}
          maxLength={120}
        />
      )}
      <DateInput
        name="completedOn"
        legend="When was the training done?"
        hint="The day it finished, for example 14 9 2026"
        value={values.completedOn}
        onValueChange={(completedOn) => {
          set({ completedOn });
        }}
        error={errorFor('completedOn')}
      />
      <TextField
        name="provider"
        label="Who gave the training?"
        hint="The organisation or trainer, for example the local safeguarding partnership"
        value={values.provider}
        onValueChange={(provider) => {
          set({ provider });
        }}
        error={errorFor('provider')}
        maxLength={120}
      />
      <TextField
        name="renewalMonths"
        label="Renewal period in months"
        hint={renewalHint(values)}
        width="number"
        inputMode="numeric"
        value={values.renewal}
        onValueChange={(renewal) => {
          set({ renewal, renewalTouched: true });
        }}
        error={errorFor('renewalMonths')}
      />
      {values.certificate === null ? (
        <DocumentUpload
          name="certificateDocumentId"
          place={{ schoolId }}
          label="Certificate (optional)"
          hint="A PDF or a photo of the certificate. Any member of staff of the school can open the school’s documents."
          error={errorFor('certificateDocumentId')}
          onUploaded={(certificate) => {
            set({ certificate });
          }}
        />
      ) : (
        <div className="form-group" id="certificateDocumentId" tabIndex={-1}>
          <p className="label">Certificate</p>
          <p>
            <DocumentLink place={{ schoolId }} doc={values.certificate} />{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                set({ certificate: null });
              }}
            >
              Remove<span className="visually-hidden"> the certificate</span>
            </button>
          </p>
        </div>
      )}
      <TextareaField
        name="notes"
        label="Notes (optional)"
        hint="For example, the course’s level or hours. Nothing about a pupil."
        value={values.notes}
        onValueChange={(notes) => {
          set({ notes });
        }}
        error={errorFor('notes')}
        maxChars={1000}
        rows={3}
      />
    </>
  );
}
