/** "Start a questionnaire": choose the measure and who answers, then go to its page. */
import { RESPONDENT_LABELS, startQuestionnaireSchema, type PupilOutcomes } from '@tandem/core';
import { useState } from 'react';
import { apiPost } from '../api/client';
import { Button, ErrorSummary, Form, Radios, SaveOrCancel, SelectField } from '../components/Form';
import { useWorkForm } from '../components/useWorkForm';
import { useNavigate } from '../router/router';
import { pupilQuestionnairesApi, questionnairePage } from './questionnairesApi';
import { createdResponse } from './questionnaireRequests';

const FIELDS = ['measureKey', 'respondent'] as const;

export function StartQuestionnaire({
  schoolId,
  pupilId,
  measures,
}: {
  schoolId: string;
  pupilId: string;
  measures: PupilOutcomes['measures'];
}) {
  const [open, setOpen] = useState(false);
  const [measureKey, setMeasureKey] = useState('');
  const [respondent, setRespondent] = useState('');
  const form = useWorkForm(FIELDS);
  const navigate = useNavigate();
  const chosen = measures.find((m) => m.key === measureKey);

  if (!open) {
    return (
      <p>
        <Button
          variant="secondary"
          onClick={() => {
            setOpen(true);
          }}
        >
          Start a questionnaire
        </Button>
      </p>
    );
  }

  const submit = async () => {
    const data = form.check(startQuestionnaireSchema.safeParse({ measureKey, respondent }));
    if (data === null) return;
    await form.send(async () => {
      const { id } = await apiPost(pupilQuestionnairesApi(schoolId, pupilId), data, createdResponse);
      navigate(questionnairePage(schoolId, id));
    });
  };

  return (
    <Form onSubmit={submit} label="Start a questionnaire" className="panel-form">
      <h4 className="heading-s">Start a questionnaire</h4>
      <ErrorSummary errors={form.errors} />
      <SelectField
        name="measureKey"
        label="Questionnaire"
        value={measureKey}
        error={form.errorFor('measureKey')}
        options={[
          { value: '', label: 'Choose a questionnaire' },
          ...measures.map((m) => ({ value: m.key, label: m.name })),
        ]}
        onValueChange={(key) => {
          setMeasureKey(key);
          const next = measures.find((m) => m.key === key);
          if (next?.respondents.length === 1) setRespondent(next.respondents[0] ?? '');
          else if (next !== undefined && !next.respondents.some((r) => r === respondent)) setRespondent('');
        }}
      />
      {chosen !== undefined && (
        <Radios
          name="respondent"
          legend="Who answers it"
          error={form.errorFor('respondent')}
          options={chosen.respondents.map((r) => ({ value: r, label: RESPONDENT_LABELS[r] }))}
          value={respondent}
          onValueChange={setRespondent}
        />
      )}
      <SaveOrCancel
        busy={form.busy}
        submitText="Start"
        onCancel={() => {
          setOpen(false);
          form.clear();
        }}
      />
    </Form>
  );
}
