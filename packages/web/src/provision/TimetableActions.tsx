/**
 * What the SMHL or DSL team does with a running reduced timetable from the pupil's tab: record a
 * review held (and book the next), extend it to a later end date, or end it. One small form at a time.
 */
import {
  dayWords,
  endTimetableBody,
  extendProblems,
  extendTimetableBody,
  needsLongerReason,
  reviewProblems,
  TIMETABLE_ENDING_LABELS,
  TIMETABLE_ENDINGS,
  timetableReviewBody,
  type TimetableView,
} from '@tandem/core';
import { useState } from 'react';
import { apiPost } from '../api/client';
import { DateInput, dateProblems, isIsoDay } from '../components/DateInput';
import { ukIsoDay } from '../components/dates';
import { Button, ButtonGroup, ErrorSummary, Form, Radios, SaveOrCancel, TextareaField } from '../components/Form';
import { useWorkForm } from '../components/useWorkForm';
import { Link } from '../router/router';
import { changedResponse, changeTimetablePage, timetableApi } from './provisionApi';

type Open = 'review' | 'extend' | 'end' | null;

export function TimetableActions({
  schoolId,
  pupilId,
  t,
  onDone,
}: {
  schoolId: string;
  pupilId: string;
  t: TimetableView;
  onDone: (message: string) => void;
}) {
  const [open, setOpen] = useState<Open>(null);
  const close = () => {
    setOpen(null);
  };
  const done = (message: string) => {
    setOpen(null);
    onDone(message);
  };
  if (open === 'review') return <ReviewForm schoolId={schoolId} t={t} onCancel={close} onDone={done} />;
  if (open === 'extend') return <ExtendForm schoolId={schoolId} t={t} onCancel={close} onDone={done} />;
  if (open === 'end') return <EndForm schoolId={schoolId} t={t} onCancel={close} onDone={done} />;
  return (
    <ButtonGroup>
      <Button
        onClick={() => {
          setOpen('review');
        }}
      >
        Record a review
      </Button>
      <Button
        variant="secondary"
        onClick={() => {
          setOpen('extend');
        }}
      >
        Extend
      </Button>
      <Button
        variant="secondary"
        onClick={() => {
          setOpen('end');
        }}
      >
        End it
      </Button>
      <Link to={changeTimetablePage(schoolId, pupilId, t.id)}>Change the details</Link>
    </ButtonGroup>
  );
}

interface FormProps {
  schoolId: string;
  t: TimetableView;
  onCancel: () => void;
  onDone: (message: string) => void;
}

function ReviewForm({ schoolId, t, onCancel, onDone }: FormProps) {
  const form = useWorkForm(['heldOn', 'outcome', 'nextReviewOn']);
  const [heldOn, setHeldOn] = useState(ukIsoDay());
  const [outcome, setOutcome] = useState('');
  const [nextReviewOn, setNext] = useState('');
  const submit = async () => {
    const body = { revision: t.revision, heldOn, outcome, nextReviewOn: nextReviewOn === '' ? null : nextReviewOn };
    const dates = dateProblems([
      { path: 'heldOn', value: heldOn, what: 'Date of the review' },
      { path: 'nextReviewOn', value: nextReviewOn, what: 'Next review date', required: false },
    ]);
    const rules = dates.length === 0 ? reviewProblems(t, { heldOn, nextReviewOn: body.nextReviewOn }, ukIsoDay()) : [];
    const data = form.check(timetableReviewBody.safeParse(body), [...dates, ...rules]);
    if (data === null) return;
    await form.send(async () => {
      await apiPost(`${timetableApi(schoolId, t.id)}/reviews`, data, changedResponse);
      onDone('Review recorded');
    });
  };
  return (
    <Form onSubmit={submit} label="Record a review">
      <h4 className="heading-s">Record a review</h4>
      <ErrorSummary errors={form.errors} />
      <DateInput
        name="heldOn"
        legend="When was it held?"
        value={heldOn}
        onValueChange={setHeldOn}
        error={form.errorFor('heldOn')}
      />
      <TextareaField
        name="outcome"
        label="What was decided"
        hint="For example, whether the pupil is ready for more time in school."
        value={outcome}
        onValueChange={setOutcome}
        error={form.errorFor('outcome')}
      />
      <DateInput
        name="nextReviewOn"
        legend="Next review (optional)"
        hint={`By the end date, ${dayWords(t.endOn)}.`}
        value={nextReviewOn}
        onValueChange={setNext}
        error={form.errorFor('nextReviewOn')}
      />
      <SaveOrCancel busy={form.busy} submitText="Record the review" onCancel={onCancel} />
    </Form>
  );
}

function ExtendForm({ schoolId, t, onCancel, onDone }: FormProps) {
  const form = useWorkForm(['endOn', 'longerReason']);
  const [endOn, setEndOn] = useState('');
  const [longerReason, setLonger] = useState('');
  const submit = async () => {
    const dates = dateProblems([{ path: 'endOn', value: endOn, what: 'New end date' }]);
    const rules = dates.length === 0 ? extendProblems(t, { endOn, longerReason }) : [];
    const data = form.check(extendTimetableBody.safeParse({ revision: t.revision, endOn, longerReason }), [
      ...dates,
      ...rules,
    ]);
    if (data === null) return;
    await form.send(async () => {
      await apiPost(`${timetableApi(schoolId, t.id)}/extend`, data, changedResponse);
      onDone(`Extended to ${dayWords(endOn)}`);
    });
  };
  const longer = (isIsoDay(endOn) && needsLongerReason(t.startOn, endOn)) || t.longerReason !== null;
  return (
    <Form onSubmit={submit} label="Extend the reduced timetable">
      <h4 className="heading-s">Extend the reduced timetable</h4>
      <ErrorSummary errors={form.errors} />
      <DateInput
        name="endOn"
        legend="New end date"
        hint={`Now ${dayWords(t.endOn)}. Past six weeks from the start, say why.`}
        value={endOn}
        onValueChange={setEndOn}
        error={form.errorFor('endOn')}
      />
      {longer && (
        <TextareaField
          name="longerReason"
          label="Why it needs longer than six weeks"
          hint={t.longerReason === null ? undefined : `Given before: ${t.longerReason}`}
          value={longerReason}
          onValueChange={setLonger}
          error={form.errorFor('longerReason')}
        />
      )}
      <SaveOrCancel busy={form.busy} submitText="Extend it" onCancel={onCancel} />
    </Form>
  );
}

function EndForm({ schoolId, t, onCancel, onDone }: FormProps) {
  const form = useWorkForm(['endedOn', 'ending', 'endingNote']);
  const [endedOn, setEndedOn] = useState(ukIsoDay());
  const [ending, setEnding] = useState('');
  const [endingNote, setNote] = useState('');
  const submit = async () => {
    const dates = dateProblems([{ path: 'endedOn', value: endedOn, what: 'Date it ended' }]);
    const data = form.check(endTimetableBody.safeParse({ revision: t.revision, endedOn, ending, endingNote }), dates);
    if (data === null) return;
    await form.send(async () => {
      await apiPost(`${timetableApi(schoolId, t.id)}/end`, data, changedResponse);
      onDone('Reduced timetable ended');
    });
  };
  return (
    <Form onSubmit={submit} label="End the reduced timetable">
      <h4 className="heading-s">End the reduced timetable</h4>
      <ErrorSummary errors={form.errors} />
      <DateInput
        name="endedOn"
        legend="When did it end?"
        value={endedOn}
        onValueChange={setEndedOn}
        error={form.errorFor('endedOn')}
      />
      <Radios
        name="ending"
        legend="How did it end?"
        options={TIMETABLE_ENDINGS.map((e) => ({ value: e, label: TIMETABLE_ENDING_LABELS[e] }))}
        value={ending}
        onValueChange={setEnding}
        error={form.errorFor('ending')}
      />
      <TextareaField name="endingNote" label="Anything to add (optional)" value={endingNote} onValueChange={setNote} />
      <SaveOrCancel busy={form.busy} submitText="End the reduced timetable" onCancel={onCancel} />
    </Form>
  );
}
