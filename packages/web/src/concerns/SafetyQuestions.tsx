/**
 * The three safety questions that open the log-a-concern form: a medical emergency shows what to
 * do before anything else, and a risk of harm says to find the DSL now.
 */
import { EMERGENCY_PROCEDURE } from '@tandem/core';
import { Radios, type Option } from '../components/Form';
import { DslList } from './ConcernBits';
import { toYesNo, type ConcernSectionProps } from './logConcernValues';

const YES_NO: Option[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

export function SafetyQuestions({
  values,
  set,
  errorFor,
  onDuty,
  offline = false,
}: ConcernSectionProps & {
  onDuty: readonly { name: string; whereToFind: string }[] | null;
  /** Tandem cannot be reached: no alert can be sent until it can (issue 19). */
  offline?: boolean;
}) {
  const toDsl = values.riskOfImmediateHarm === 'yes' || values.possibleChildProtection === 'yes';
  return (
    <>
      <h2 className="heading-m">First, three questions</h2>
      <Radios
        name="medicalEmergency"
        inline
        legend="Is this a medical emergency?"
        hint="For example, the pupil is unconscious, badly hurt, or may have taken something."
        options={YES_NO}
        value={values.medicalEmergency}
        onValueChange={(v) => {
          set('medicalEmergency')(toYesNo(v));
        }}
        error={errorFor('medicalEmergency')}
      />
      {values.medicalEmergency === 'yes' && <EmergencyProcedure steps={EMERGENCY_PROCEDURE} headingLevel={3} />}
      <Radios
        name="riskOfImmediateHarm"
        inline
        legend="Is there a risk of immediate harm to the pupil or to someone else?"
        hint="For example, they have said they will hurt themselves today, or someone may hurt them."
        options={YES_NO}
        value={values.riskOfImmediateHarm}
        onValueChange={(v) => {
          set('riskOfImmediateHarm')(toYesNo(v));
        }}
        error={errorFor('riskOfImmediateHarm')}
      />
      <Radios
        name="possibleChildProtection"
        inline
        legend="Could this be a child-protection matter?"
        hint="For example, the pupil may be being harmed, abused or neglected, or has said something that suggests it."
        options={YES_NO}
        value={values.possibleChildProtection}
        onValueChange={(v) => {
          set('possibleChildProtection')(toYesNo(v));
        }}
        error={errorFor('possibleChildProtection')}
      />
      {toDsl && (
        <section className="urgent-panel urgent-panel--inline" aria-labelledby="find-dsl-now-early">
          <h3 className="urgent-panel__title" id="find-dsl-now-early">
            <span className="urgent-panel__icon" aria-hidden="true">
              !
            </span>
            Find the DSL in person now
          </h3>
          <p>
            This will go to the Designated Safeguarding Lead (DSL) team as urgent. Do not wait until you have finished
            this form: find them, or send someone to fetch them, now.
          </p>
          {onDuty !== null && (
            <>
              <p className="urgent-panel__label">On duty today</p>
              <DslList people={onDuty} />
            </>
          )}
          {offline ? (
            <>
              <p>
                <strong>Tandem cannot be reached, so no alert can be sent to the DSL team until it can.</strong> What
                you write is kept on this device and sent when the connection returns.
              </p>
              <p className="urgent-panel__call">
                If a child is in danger, <a href="tel:999">call 999</a>.
              </p>
            </>
          ) : (
            <p>What you have written is kept as a draft, so you can finish it afterwards.</p>
          )}
        </section>
      )}
    </>
  );
}

/** First aid and 999: calm, numbered, and first. */
export function EmergencyProcedure({ steps, headingLevel = 2 }: { steps: readonly string[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="urgent-panel" aria-labelledby="emergency-procedure">
      <Heading className="urgent-panel__title" id="emergency-procedure">
        <span className="urgent-panel__icon" aria-hidden="true">
          !
        </span>
        Medical emergency: do this first
      </Heading>
      <ol className="list list--number urgent-panel__steps">
        {steps.map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ol>
      <p className="urgent-panel__call">
        <a href="tel:999">Call 999</a>
      </p>
      {headingLevel === 3 && (
        <p>When the pupil is safe, come back and finish this form. What you have written is kept as a draft.</p>
      )}
    </section>
  );
}
