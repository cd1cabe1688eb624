/**
 * The check-in: how are you feeling (five faces with words, as big radio buttons), an optional
 * note, and "I would like to talk to someone". One key per draft, so a double press sends one.
 */
import { checkinSchema, MOOD_LABELS, MOODS, PUPIL_WORDS as W, type CheckinAnswer } from '@tandem/core';
import { useId, useState } from 'react';
import { apiPost } from '../api/client';
import { Button, ErrorMessage, ErrorSummary, Form, TextareaField } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { useAction } from '../components/useAction';
import { checkinAnswer, familySchoolApi, newSubmissionKey } from '../family/familyApi';
import { MoodFace } from '../components/MoodFace';

const FIELDS = ['mood', 'note', 'wantsToTalk'] as const;

export function CheckinForm({
  schoolId,
  weekly,
  trustedAdultName,
  onSent,
}: {
  schoolId: string;
  weekly: boolean;
  trustedAdultName: string | null;
  onSent: (answer: CheckinAnswer, wantsToTalk: boolean) => void;
}) {
  const [mood, setMood] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [wantsToTalk, setWantsToTalk] = useState(false);
  const [submissionKey] = useState(newSubmissionKey);
  const form = useFormErrors(FIELDS);
  const action = useAction(form);
  const hintId = useId();
  const moodError = form.errorFor('mood');

  const submit = async () => {
    const parsed = checkinSchema.safeParse({ mood: mood ?? undefined, note, wantsToTalk, submissionKey });
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    await action.run(
      async () => {
        const answer = await apiPost(`${familySchoolApi(schoolId)}/checkins`, parsed.data, checkinAnswer);
        form.clear();
        onSent(answer, parsed.data.wantsToTalk);
      },
      { stayBusy: true },
    );
  };

  return (
    <Form onSubmit={submit} label={weekly ? W.checkinWeek : W.checkinToday}>
      <ErrorSummary errors={form.errors} />
      <div className={moodError !== undefined ? 'form-group form-group--error' : 'form-group'}>
        <fieldset
          className="fieldset"
          aria-describedby={moodError !== undefined ? `${hintId} mood-group-error` : hintId}
        >
          <legend className="legend legend--heading">
            <h2 className="heading-l">{weekly ? W.checkinWeek : W.checkinToday}</h2>
          </legend>
          <p className="hint" id={hintId}>
            {W.checkinHint}
          </p>
          {moodError !== undefined && <ErrorMessage id="mood-group-error">{moodError}</ErrorMessage>}
          <div className="mood-choices">
            {MOODS.map((m, i) => {
              const id = i === 0 ? 'mood' : `mood-${String(m)}`;
              return (
                <div className="mood-choice" key={m}>
                  <input
                    className="mood-choice__input"
                    type="radio"
                    name="mood"
                    id={id}
                    value={m}
                    checked={mood === m}
                    onChange={() => {
                      setMood(m);
                    }}
                  />
                  <label className="mood-choice__label" htmlFor={id}>
                    <span className="mood-choice__face" aria-hidden="true">
                      <MoodFace mood={m} size={32} />
                    </span>
                    <span>{MOOD_LABELS[m].words}</span>
                    {mood === m && (
                      <span className="mood-choice__tick" aria-hidden="true">
                        ✓
                      </span>
                    )}
                  </label>
                </div>
              );
            })}
          </div>
        </fieldset>
      </div>
      <TextareaField
        name="note"
        label={W.noteLabel}
        hint={W.noteHint}
        rows={4}
        maxChars={2000}
        value={note}
        onValueChange={setNote}
        error={form.errorFor('note')}
      />
      <div className="form-group">
        <div className="choices">
          <div className="choice">
            <input
              className="choice__input"
              type="checkbox"
              id="wantsToTalk"
              name="wantsToTalk"
              checked={wantsToTalk}
              aria-describedby="wantsToTalk-hint"
              onChange={(e) => {
                setWantsToTalk(e.target.checked);
              }}
            />
            <label className="choice__label" htmlFor="wantsToTalk">
              {W.talkLabel}
            </label>
            <div id="wantsToTalk-hint" className="hint choice__hint">
              {W.talkHint(trustedAdultName)}
            </div>
          </div>
        </div>
      </div>
      <Button type="submit" busy={action.busy} busyText={W.sendBusy}>
        {W.send}
      </Button>
    </Form>
  );
}
