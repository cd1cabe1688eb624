/** The questions of the log-a-concern form after the safety questions: who, what, and what was said. */
import { useState, type ReactNode } from 'react';
import { DISCLOSURE_CONSENT, DISCLOSURE_CONSENT_LABELS, WARNING_SIGN_GROUPS, WARNING_SIGNS } from '@tandem/core';
import { Checkboxes, DateTimeField, Radios, TextareaField, TextField, type Option } from '../components/Form';
import { isOneOf } from '../components/format';
import { noRiskIn, type ConcernSectionProps } from './logConcernValues';
import { PupilPicker } from './PupilPicker';

/** The pupil, when and where, what was seen or heard, the pupil's words, warning signs, who else. */
export function WhatHappened({ schoolId, values, set, errorFor }: ConcernSectionProps & { schoolId: string }) {
  return (
    <>
      <h2 className="heading-m">The pupil</h2>
      <PupilPicker
        schoolId={schoolId}
        name="pupilIds"
        legend="Who is this about?"
        hint="Choose each pupil by name. Check their year group and form."
        chosen={values.pupils}
        onChange={set('pupils')}
        error={errorFor('pupilIds')}
      />

      <h2 className="heading-m">What happened</h2>
      <DateTimeField
        name="occurredAt"
        legend="When did it happen?"
        hint="Set to now. Change it if it happened earlier."
        date={values.date}
        time={values.time}
        onDate={set('date')}
        onTime={set('time')}
        error={errorFor('occurredAt')}
        named
      />
      <TextField
        name="location"
        label="Where did it happen?"
        hint="For example, Room 12, the playground, or on the school bus."
        autoComplete="off"
        value={values.location}
        onValueChange={set('location')}
        error={errorFor('location')}
      />
      <TextareaField
        name="account"
        label="What did you see or hear?"
        hint="Write the facts: what happened, and what was said. Once sent, this cannot be changed, but you can add to it."
        rows={4}
        maxChars={10_000}
        value={values.account}
        onValueChange={set('account')}
        error={errorFor('account')}
      />
      <TextareaField
        name="pupilWords"
        label="What did the pupil say, in their own words? (optional)"
        hint="Write exactly what they said, even if it is hard to read. Do not change their words."
        rows={3}
        maxChars={10_000}
        value={values.pupilWords}
        onValueChange={set('pupilWords')}
        error={errorFor('pupilWords')}
      />
      <WarningSigns values={values} set={set} errorFor={errorFor} />
      <OptionalFold
        summary="Add who else was there"
        answered={values.othersPresent.trim() === '' ? null : 'filled in'}
        error={errorFor('othersPresent') !== undefined}
      >
        <TextField
          name="othersPresent"
          label="Who else was there? (optional)"
          hint="Other staff or pupils who saw or heard it."
          autoComplete="off"
          value={values.othersPresent}
          onValueChange={set('othersPresent')}
          error={errorFor('othersPresent')}
        />
      </OptionalFold>
    </>
  );
}

/**
 * An optional question folded, as the warning signs are, so that the form is shorter on a phone.
 * The summary says when something is in it (so a folded answer is not forgotten); it opens by
 * itself for an error, and starts open when it already holds an answer (a restored draft).
 */
export function OptionalFold({
  summary,
  answered,
  error,
  children,
}: {
  summary: string;
  /** What is in it, in a word or two ("2 files"), or null when nothing is. */
  answered: string | null;
  error: boolean;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(answered !== null);
  return (
    <details
      className="details optional-fold"
      open={open || error}
      onToggle={(e) => {
        setOpen(e.currentTarget.open);
      }}
    >
      <summary className="details__summary">
        <span className="details__summary-text">{summary}</span>
        <span className="warning-signs__count">{`\u00a0(${answered ?? 'optional'})`}</span>
      </summary>
      <div className="details__text">{children}</div>
    </details>
  );
}

/**
 * The twenty warning signs, folded behind "Add warning signs" so the form is not eight screens long
 * on a phone; the summary says how many are ticked, so a folded tick is never forgotten. A native
 * <details>: keyboard users open it with Enter or Space. It opens by itself when a sign is in error.
 */
function WarningSigns({ values, set, errorFor }: ConcernSectionProps) {
  const error = errorFor('warningSigns');
  const [open, setOpen] = useState(false);
  const signOptions = (group: (typeof WARNING_SIGN_GROUPS)[number]): Option[] =>
    group.signs.map((s) => ({ value: s, label: WARNING_SIGNS[s] }));
  const [mainGroup, otherGroup] = WARNING_SIGN_GROUPS;
  const ticked = values.warningSigns.length;
  return (
    <details
      className="details warning-signs"
      open={open || error !== undefined}
      onToggle={(e) => {
        setOpen(e.currentTarget.open);
      }}
    >
      <summary className="details__summary">
        <span className="details__summary-text">Add warning signs</span>
        <span className="warning-signs__count">
          {ticked === 0 ? '\u00a0(optional)' : `\u00a0(${String(ticked)} ticked)`}
        </span>
      </summary>
      <div className="details__text">
        {mainGroup !== undefined && (
          <Checkboxes
            name="warningSigns"
            legend={mainGroup.legend}
            hint="Tick any you have noticed. You do not have to tick any."
            options={signOptions(mainGroup)}
            values={values.warningSigns.filter((s) => isOneOf(mainGroup.signs, s))}
            onValuesChange={(picked) => {
              set('warningSigns')([...picked, ...values.warningSigns.filter((s) => !isOneOf(mainGroup.signs, s))]);
            }}
            error={errorFor('warningSigns')}
          />
        )}
        {otherGroup !== undefined && (
          <Checkboxes
            name="otherWarningSigns"
            legend={otherGroup.legend}
            options={signOptions(otherGroup)}
            values={values.warningSigns.filter((s) => isOneOf(otherGroup.signs, s))}
            onValuesChange={(picked) => {
              set('warningSigns')([...values.warningSigns.filter((s) => !isOneOf(otherGroup.signs, s)), ...picked]);
            }}
          />
        )}
      </div>
    </details>
  );
}

/** A disclosure (what the pupil was told would be passed on, and whether they agreed) and telling parents. */
export function WhatWasSaid({ values, set, errorFor }: ConcernSectionProps) {
  const noRisk = noRiskIn(values);
  return (
    <>
      <h2 className="heading-m">If the pupil told you something</h2>
      <Checkboxes
        name="isDisclosure"
        legend={<span className="visually-hidden">Did the pupil tell you something?</span>}
        hint="Tick if the pupil told you about something that has happened to them (a disclosure)."
        options={[{ value: 'yes', label: 'The pupil told me something' }]}
        values={values.isDisclosure ? ['yes'] : []}
        onValuesChange={(v) => {
          set('isDisclosure')(v.includes('yes'));
        }}
        error={errorFor('isDisclosure') ?? errorFor('disclosure')}
      />
      {values.isDisclosure && (
        <div className="conditional" id="disclosure">
          <TextField
            name="disclosure.toldWho"
            label="Who did you tell the pupil the information would be passed to?"
            hint="For example, the Mental Health Lead, or Mr Okafor, the DSL."
            autoComplete="off"
            value={values.toldWho}
            onValueChange={set('toldWho')}
            error={errorFor('disclosure.toldWho')}
          />
          <TextareaField
            name="disclosure.toldWhat"
            label="What did you tell the pupil would be passed on?"
            rows={3}
            maxChars={1000}
            value={values.toldWhat}
            onValueChange={set('toldWhat')}
            error={errorFor('disclosure.toldWhat')}
          />
          <TextareaField
            name="disclosure.toldWhy"
            label="Why did you tell the pupil it must be passed on?"
            rows={3}
            maxChars={1000}
            value={values.toldWhy}
            onValueChange={set('toldWhy')}
            error={errorFor('disclosure.toldWhy')}
          />
          <Radios
            name="disclosure.consent"
            legend="Did the pupil agree to it being passed on?"
            options={DISCLOSURE_CONSENT.map((c) => ({
              value: c,
              label: DISCLOSURE_CONSENT_LABELS[c],
            }))}
            value={values.consent}
            onValueChange={(v) => {
              set('consent')(DISCLOSURE_CONSENT.find((c) => c === v) ?? '');
            }}
            error={errorFor('disclosure.consent')}
          />
          {(values.consent === 'refused' || values.consent === 'not_sought') && (
            <TextareaField
              name="disclosure.consentNote"
              label={values.consent === 'refused' ? 'Why did the pupil not agree?' : 'Why was consent not asked for?'}
              hint={
                values.consent === 'not_sought'
                  ? 'For example, because information about possible harm must always go to the DSL.'
                  : undefined
              }
              rows={3}
              maxChars={1000}
              value={values.consentNote}
              onValueChange={set('consentNote')}
              error={errorFor('disclosure.consentNote')}
            />
          )}
        </div>
      )}

      {noRisk && (
        <>
          <h2 className="heading-m">Telling parents</h2>
          <Checkboxes
            name="pupilWillTellParents"
            legend={<span className="visually-hidden">Telling parents</span>}
            hint="Parents and carers are told about concerns for their child’s mental health. If the pupil wants to tell them first, school waits 24 hours."
            options={[{ value: 'yes', label: 'The pupil wants to tell their parents or carers themselves' }]}
            values={values.pupilWillTellParents ? ['yes'] : []}
            onValuesChange={(v) => {
              set('pupilWillTellParents')(v.includes('yes'));
            }}
            error={errorFor('pupilWillTellParents')}
          />
        </>
      )}
    </>
  );
}
