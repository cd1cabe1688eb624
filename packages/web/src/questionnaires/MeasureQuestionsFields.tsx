/** The builder's answers to choose from (the response scale) and its questions. */
import { Checkboxes, SelectField, TextareaField, TextField } from '../components/Form';
import { RepeatableRows } from '../components/RepeatableRows';
import { newItemRow, newScaleRow, type ItemRow, type ScaleRow } from './measureDraft';

type ErrorFor = (path: string) => string | undefined;

export function ScaleFields({
  rows,
  onRowsChange,
  errorFor,
}: {
  rows: ScaleRow[];
  onRowsChange: (rows: ScaleRow[]) => void;
  errorFor: ErrorFor;
}) {
  return (
    <section aria-labelledby="builder-scale">
      <h2 className="heading-m" id="builder-scale">
        Answers to choose from
      </h2>
      <p id="builder-scale-hint" className="hint">
        Every question offers these answers, in this order. Each answer scores its value: for example Never 0, Sometimes
        1, Often 2.
      </p>
      {errorFor('scale') !== undefined && <p className="error-message">{errorFor('scale')}</p>}
      <RepeatableRows
        name="scale"
        noun="answer"
        rows={rows}
        max={11}
        newRow={() => newScaleRow()}
        firstField="label"
        onRowsChange={onRowsChange}
        addDescribedBy="builder-scale-hint"
      >
        {(row, i, update) => (
          <>
            <TextField
              name={`scale.${String(i)}.label`}
              label="Words"
              value={row.label}
              error={errorFor(`scale.${String(i)}.label`)}
              onValueChange={(label) => {
                update({ label });
              }}
            />
            <TextField
              name={`scale.${String(i)}.value`}
              label="Value it scores"
              width="number"
              value={row.value}
              error={errorFor(`scale.${String(i)}.value`)}
              onValueChange={(value) => {
                update({ value });
              }}
            />
          </>
        )}
      </RepeatableRows>
    </section>
  );
}

export function ItemFields({
  rows,
  scale,
  onRowsChange,
  errorFor,
}: {
  rows: ItemRow[];
  scale: readonly ScaleRow[];
  onRowsChange: (rows: ItemRow[]) => void;
  errorFor: ErrorFor;
}) {
  const riskOptions = [
    { value: '', label: 'No' },
    ...scale
      .filter((o) => o.value.trim() !== '' && Number.isFinite(Number(o.value)))
      .map((o) => ({ value: o.value.trim(), label: `Yes: “${o.label}” (${o.value.trim()}) or higher` })),
  ];
  return (
    <section aria-labelledby="builder-items">
      <h2 className="heading-m" id="builder-items">
        Questions
      </h2>
      {errorFor('items') !== undefined && <p className="error-message">{errorFor('items')}</p>}
      <RepeatableRows
        name="items"
        noun="question"
        rows={rows}
        max={60}
        newRow={() => newItemRow(rows)}
        firstField="text"
        onRowsChange={onRowsChange}
      >
        {(row, i, update) => {
          const at = `items.${String(i)}`;
          const flags = [...(row.reverse ? ['reverse'] : []), ...(row.unscored ? ['unscored'] : [])];
          return (
            <>
              <TextareaField
                name={`${at}.text`}
                label={`Question ${String(i + 1)} (${row.id})`}
                rows={2}
                maxChars={300}
                value={row.text}
                error={errorFor(`${at}.text`)}
                onValueChange={(text) => {
                  update({ text });
                }}
              />
              <Checkboxes
                name={`${at}.flags`}
                legend="How it is scored"
                options={[
                  { value: 'reverse', label: 'Reverse-scored', hint: 'The highest answer scores lowest.' },
                  { value: 'unscored', label: 'Not scored', hint: 'Asked, but part of no score.' },
                ]}
                values={flags}
                onValuesChange={(values) => {
                  update({ reverse: values.includes('reverse'), unscored: values.includes('unscored') });
                }}
              />
              <SelectField
                name={`${at}.riskAt`}
                label="Is it a risk question?"
                hint="An answer at or above this one tells the member of staff, at once, to stay with the pupil and find the DSL."
                options={riskOptions}
                value={row.riskAt}
                error={errorFor(`${at}.riskAt`)}
                onValueChange={(riskAt) => {
                  update({ riskAt });
                }}
              />
            </>
          );
        }}
      </RepeatableRows>
    </section>
  );
}
