/** The lead starts a self-assessment: which framework, and the year or term it is for. */
import { useState } from 'react';
import { FRAMEWORK_LABELS, FRAMEWORKS, startAssessmentSchema } from '@tandem/core';
import { z } from 'zod';
import { apiPost } from '../api/client';
import { Button, ErrorSummary, Form, Radios, TextField } from '../components/Form';
import { useWorkForm } from '../components/useWorkForm';
import { useNavigate } from '../router/router';
import { assessmentPage, assessmentsApi } from './selfAssessmentApi';

const FIELDS = ['framework', 'periodLabel'] as const;
const created = z.object({ id: z.string() });

export function StartAssessmentForm({ schoolId, openDrafts }: { schoolId: string; openDrafts: readonly string[] }) {
  const navigate = useNavigate();
  const form = useWorkForm(FIELDS);
  const [framework, setFramework] = useState<string>(FRAMEWORKS.find((f) => !openDrafts.includes(f)) ?? 'county');
  const [periodLabel, setPeriodLabel] = useState('');
  const submit = async () => {
    const body = form.check(startAssessmentSchema.safeParse({ framework, periodLabel }));
    if (body === null) return;
    await form.send(async () => {
      const made = await apiPost(assessmentsApi(schoolId), body, created);
      navigate(assessmentPage(schoolId, made.id), {
        flash: { kind: 'success', title: 'Self-assessment started', text: 'Colleagues can now rate statements.' },
      });
    });
  };
  return (
    <Form onSubmit={submit} label="Start a self-assessment">
      <ErrorSummary errors={form.errors} />
      <Radios
        name="framework"
        legend="Framework"
        value={framework}
        onValueChange={setFramework}
        error={form.errorFor('framework')}
        options={FRAMEWORKS.map((f) => ({
          value: f,
          label: FRAMEWORK_LABELS[f],
          ...(openDrafts.includes(f) ? { hint: 'A draft is open: confirm it before starting another.' } : {}),
        }))}
      />
      <TextField
        name="periodLabel"
        label="Year or term"
        hint='For example "2026 to 2027" or "Spring term 2027"'
        value={periodLabel}
        onValueChange={setPeriodLabel}
        error={form.errorFor('periodLabel')}
        maxLength={60}
      />
      <Button type="submit" busy={form.busy} busyText="Starting…">
        Start the self-assessment
      </Button>
    </Form>
  );
}
