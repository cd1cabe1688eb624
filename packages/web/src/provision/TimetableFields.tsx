/** The reduced timetable form's values (as typed), and its review dates question. */
import { suggestedReviewDates, type TimetableView } from '@tandem/core';
import { DateInput } from '../components/DateInput';
import { Button, ButtonGroup, ErrorMessage } from '../components/Form';

export interface Values {
  reason: string;
  hours: string;
  sessionsPerWeek: string;
  startOn: string;
  endOn: string;
  longerReason: string;
  returnPlan: string;
  parentsAgreedBy: string;
  parentsAgreedOn: string;
  parentsAgreedHow: string;
  laToldOn: string;
  laToldBy: string;
  reviewDates: string[];
}

export function valuesOf(t: TimetableView | null): Values {
  if (t === null) {
    return {
      reason: '',
      hours: '',
      sessionsPerWeek: '',
      startOn: '',
      endOn: '',
      longerReason: '',
      returnPlan: '',
      parentsAgreedBy: '',
      parentsAgreedOn: '',
      parentsAgreedHow: '',
      laToldOn: '',
      laToldBy: '',
      reviewDates: [''],
    };
  }
  const unheld = t.reviews.filter((r) => r.heldOn === null).map((r) => r.dueOn);
  return {
    ...t,
    sessionsPerWeek: String(t.sessionsPerWeek),
    longerReason: t.longerReason ?? '',
    laToldOn: t.laToldOn ?? '',
    laToldBy: t.laToldBy ?? '',
    reviewDates: unheld.length > 0 ? unheld : [''],
  };
}

export function ReviewDates({
  v,
  set,
  error,
  datesKnown,
}: {
  v: Values;
  set: (patch: Partial<Values>) => void;
  error: string | undefined;
  datesKnown: boolean;
}) {
  const change = (i: number, d: string) => {
    set({ reviewDates: v.reviewDates.map((x, j) => (j === i ? d : x)) });
  };
  return (
    <div className={error === undefined ? 'form-group' : 'form-group form-group--error'}>
      <h2 className="heading-m" id="reviewDates" tabIndex={-1}>
        Review dates
      </h2>
      <p className="hint">At least one, between the start and end dates. Every two weeks is usual.</p>
      {error !== undefined && <ErrorMessage id="reviewDates-error">{error}</ErrorMessage>}
      {v.reviewDates.map((d, i) => (
        <div key={i} className="provision__review-date">
          <DateInput
            name={`reviewDate${String(i + 1)}`}
            legend={`Review ${String(i + 1)}`}
            value={d}
            onValueChange={(x) => {
              change(i, x);
            }}
          />
          {v.reviewDates.length > 1 && (
            <Button
              variant="link"
              onClick={() => {
                set({ reviewDates: v.reviewDates.filter((_, j) => j !== i) });
              }}
            >
              Remove review {i + 1}
            </Button>
          )}
        </div>
      ))}
      <ButtonGroup>
        <Button
          variant="secondary"
          onClick={() => {
            set({ reviewDates: [...v.reviewDates, ''] });
          }}
        >
          Add another review date
        </Button>
        {datesKnown && (
          <Button
            variant="secondary"
            onClick={() => {
              set({ reviewDates: suggestedReviewDates(v.startOn, v.endOn) });
            }}
          >
            Suggest every two weeks
          </Button>
        )}
      </ButtonGroup>
    </div>
  );
}
