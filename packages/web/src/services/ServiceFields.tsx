/**
 * The questions of the directory editor: what the service is and does, whom it is for, the needs it
 * helps with, how to refer and how to reach it.
 */
import { SERVICE_AUDIENCE_LABELS, SERVICE_AUDIENCES, SERVICE_NEED_LABELS, SERVICE_NEEDS } from '@tandem/core';
import { Checkboxes, Radios, TextareaField, TextField } from '../components/Form';
import type { ServiceFormValues } from './serviceValues';

type TextKey = 'name' | 'ageFrom' | 'ageTo' | 'openingHours' | 'phone' | 'text' | 'web';

export function ServiceFields({
  values,
  onChange,
  errorFor,
}: {
  values: ServiceFormValues;
  onChange: (patch: Partial<ServiceFormValues>) => void;
  errorFor: (path: string) => string | undefined;
}) {
  const text = (name: TextKey, label: string, hint?: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      name={name}
      label={label}
      hint={hint}
      autoComplete="off"
      value={values[name]}
      onValueChange={(v) => {
        onChange({ [name]: v });
      }}
      error={errorFor(name)}
      {...extra}
    />
  );
  const age = (name: 'ageFrom' | 'ageTo', label: string) =>
    text(name, label, undefined, { width: 'number', inputMode: 'numeric' });
  return (
    <>
      <h2 className="heading-m">What it is</h2>
      {text('name', 'Name of the service', 'As families and staff will know it.')}
      <TextareaField
        name="description"
        label="What it does"
        hint="In plain words, for a parent or a pupil: what happens, and what it helps with."
        rows={4}
        maxChars={1000}
        value={values.description}
        onValueChange={(description) => {
          onChange({ description });
        }}
        error={errorFor('description')}
      />
      <h2 className="heading-m">Who it is for</h2>
      <Checkboxes
        name="audiences"
        legend="Who can use it"
        hint="Choose all that apply."
        options={SERVICE_AUDIENCES.map((a) => ({ value: a, label: SERVICE_AUDIENCE_LABELS[a] }))}
        values={values.audiences}
        onValuesChange={(audiences) => {
          onChange({ audiences });
        }}
        error={errorFor('audiences')}
      />
      <fieldset className="fieldset service-ages" aria-describedby="ages-hint">
        <legend className="legend">Ages it takes</legend>
        <div className="hint" id="ages-hint">
          In whole years, from 0 to 25. For any age, enter 0 and 25.
        </div>
        {age('ageFrom', 'From age')}
        {age('ageTo', 'To age')}
      </fieldset>
      <Checkboxes
        name="needs"
        legend="What it helps with"
        hint="Choose all that apply. Staff search the directory by these."
        options={SERVICE_NEEDS.map((n) => ({ value: n, label: SERVICE_NEED_LABELS[n] }))}
        values={values.needs}
        onValuesChange={(needs) => {
          onChange({ needs });
        }}
        error={errorFor('needs')}
      />
      <h2 className="heading-m">How to refer</h2>
      <TextareaField
        name="howToRefer"
        label="How to refer (optional)"
        hint="Who can refer, and how: a form, an e-mail, a phone call, or through the GP."
        rows={4}
        maxChars={1000}
        value={values.howToRefer}
        onValueChange={(howToRefer) => {
          onChange({ howToRefer });
        }}
        error={errorFor('howToRefer')}
      />
      <Radios
        name="selfReferral"
        legend="Can families refer themselves?"
        inline
        options={[
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ]}
        value={values.selfReferral}
        onValueChange={(selfReferral) => {
          onChange({ selfReferral });
        }}
        error={errorFor('selfReferral')}
      />
      <h2 className="heading-m">How to reach it</h2>
      <p className="hint">Give at least one way: a phone number, a text number, a website, or how to refer above.</p>
      {text('openingHours', 'Opening hours (optional)', 'For example, “Monday to Friday, 9am to 5pm” or “24 hours”.')}
      {text('phone', 'Phone (optional)', 'For example, 0800 1111.', { type: 'tel' })}
      {text('text', 'Text (optional)', 'For example, “Text SHOUT to 85258”.')}
      {text('web', 'Website (optional)', 'Starting https://', { type: 'url', spellCheck: false })}
    </>
  );
}
