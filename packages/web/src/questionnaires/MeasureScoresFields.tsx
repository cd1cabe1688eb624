/** The builder's scores: which questions each adds up, which way is better, its bands. */
import { Checkboxes, Radios, TextField } from '../components/Form';
import { RepeatableRows } from '../components/RepeatableRows';
import { newBandRow, newScoreRow, type BandRow, type ItemRow, type ScoreRow } from './measureDraft';

type ErrorFor = (path: string) => string | undefined;

export function ScoreFields({
  rows,
  items,
  onRowsChange,
  errorFor,
}: {
  rows: ScoreRow[];
  items: readonly ItemRow[];
  onRowsChange: (rows: ScoreRow[]) => void;
  errorFor: ErrorFor;
}) {
  const scored = items.filter((i) => !i.unscored);
  return (
    <section aria-labelledby="builder-scores">
      <h2 className="heading-m" id="builder-scores">
        Scores
      </h2>
      <p className="hint" id="builder-scores-hint">
        A score adds up the answers to some or all of the questions: a total, or a part such as “Worry”.
      </p>
      {errorFor('scores') !== undefined && <p className="error-message">{errorFor('scores')}</p>}
      <RepeatableRows
        name="scores"
        noun="score"
        rows={rows}
        max={6}
        newRow={() => ({ ...newScoreRow(), items: scored.map((i) => i.id) })}
        firstField="label"
        onRowsChange={onRowsChange}
        addDescribedBy="builder-scores-hint"
      >
        {(row, i, update) => {
          const at = `scores.${String(i)}`;
          return (
            <>
              <TextField
                name={`${at}.label`}
                label="Name of the score"
                value={row.label}
                error={errorFor(`${at}.label`)}
                onValueChange={(label) => {
                  update({ label });
                }}
              />
              <Checkboxes
                name={`${at}.items`}
                legend="Questions it adds up"
                error={errorFor(`${at}.items`)}
                options={scored.map((item) => ({
                  value: item.id,
                  label: `${String(items.indexOf(item) + 1)}. ${item.text === '' ? '(no words yet)' : item.text}`,
                }))}
                values={row.items}
                onValuesChange={(values) => {
                  update({ items: values });
                }}
              />
              <Radios
                name={`${at}.higherIsBetter`}
                legend="Is a higher score better?"
                hint="Yes for wellbeing or goals; no for difficulties or symptoms."
                inline
                error={errorFor(`${at}.higherIsBetter`)}
                options={[
                  { value: 'yes', label: 'Yes' },
                  { value: 'no', label: 'No' },
                ]}
                value={row.higherIsBetter}
                onValueChange={(v) => {
                  update({ higherIsBetter: v === 'yes' ? 'yes' : 'no' });
                }}
              />
              <TextField
                name={`${at}.clinicalThreshold`}
                label="Clinical threshold (optional)"
                hint="The score at or past which a pupil is in the clinical range, if you have a published figure."
                width="number"
                value={row.clinicalThreshold}
                error={errorFor(`${at}.clinicalThreshold`)}
                onValueChange={(clinicalThreshold) => {
                  update({ clinicalThreshold });
                }}
              />
              <Radios
                name={`${at}.missing`}
                legend="If some questions are not answered"
                error={errorFor(`${at}.missing`)}
                options={[
                  { value: 'all_required', label: 'No score: every question must be answered' },
                  { value: 'prorate', label: 'Score from the answers given, scaled up to all the questions' },
                ]}
                value={row.missing}
                onValueChange={(v) => {
                  update({ missing: v === 'prorate' ? 'prorate' : 'all_required' });
                }}
              />
              {row.missing === 'prorate' && (
                <TextField
                  name={`${at}.missing.maxMissing`}
                  label="How many may be missing, at most"
                  width="number"
                  value={row.maxMissing}
                  error={errorFor(`${at}.missing.maxMissing`)}
                  onValueChange={(maxMissing) => {
                    update({ maxMissing });
                  }}
                />
              )}
              <h4 className="heading-s">Bands</h4>
              <p className="hint">
                Name the ranges of the score, such as 0 to 4 “Low”. Mark those in the clinical range. A pair of scores
                shows the movement between bands (the school’s own questionnaires have no published reliable-change
                figure).
              </p>
              {errorFor(`${at}.bands`) !== undefined && <p className="error-message">{errorFor(`${at}.bands`)}</p>}
              <BandFields
                name={`${at}.bands`}
                rows={row.bands}
                onRowsChange={(bands) => {
                  update({ bands });
                }}
                errorFor={errorFor}
              />
            </>
          );
        }}
      </RepeatableRows>
    </section>
  );
}

function BandFields({
  name,
  rows,
  onRowsChange,
  errorFor,
}: {
  name: string;
  rows: BandRow[];
  onRowsChange: (rows: BandRow[]) => void;
  errorFor: ErrorFor;
}) {
  return (
    <RepeatableRows
      name={name}
      noun="band"
      rows={rows}
      max={10}
      newRow={newBandRow}
      firstField="label"
      onRowsChange={onRowsChange}
    >
      {(band, j, update) => {
        const at = `${name}.${String(j)}`;
        return (
          <>
            <TextField
              name={`${at}.label`}
              label="Name of the band"
              value={band.label}
              error={errorFor(`${at}.label`)}
              onValueChange={(label) => {
                update({ label });
              }}
            />
            <TextField
              name={`${at}.from`}
              label="From score"
              width="number"
              value={band.from}
              error={errorFor(`${at}.from`)}
              onValueChange={(from) => {
                update({ from });
              }}
            />
            <TextField
              name={`${at}.to`}
              label="To score (included)"
              width="number"
              value={band.to}
              error={errorFor(`${at}.to`)}
              onValueChange={(to) => {
                update({ to });
              }}
            />
            <Checkboxes
              name={`${at}.clinical`}
              legend="Clinical range"
              options={[{ value: 'yes', label: 'This band is in the clinical range' }]}
              values={band.clinical ? ['yes'] : []}
              onValuesChange={(values) => {
                update({ clinical: values.includes('yes') });
              }}
            />
          </>
        );
      }}
    </RepeatableRows>
  );
}
