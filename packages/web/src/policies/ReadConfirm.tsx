/**
 * The reader's own confirmation of the current version: asked of them or not, read or not. A new
 * version added meanwhile is loaded again with a word to read that one first.
 */
import type { PolicySummary } from '@tandem/core';
import { useState } from 'react';
import { apiPost } from '../api/client';
import { Button } from '../components/Form';
import { InsetText } from '../components/Page';
import { useAction } from '../components/useAction';
import { myWorkChanged } from '../home/myWorkApi';
import { okResponse, policyApi } from './policiesApi';

export function ReadConfirm({
  schoolId,
  policy,
  onDone,
  onStale,
}: {
  schoolId: string;
  policy: PolicySummary;
  onDone: (title: string, text?: string) => void;
  onStale: () => void;
}) {
  const action = useAction();
  const [problem, setProblem] = useState<string | null>(null);
  if (policy.readByMe) {
    return (
      <InsetText>
        <p>You have confirmed reading version {policy.version}. Thank you.</p>
      </InsetText>
    );
  }
  const confirm = () =>
    action.run(
      async () => {
        setProblem(null);
        await apiPost(`${policyApi(schoolId, policy.id)}/read`, { version: policy.version }, okResponse);
        myWorkChanged();
        onDone('Thank you: your reading is confirmed', `You have confirmed reading version ${String(policy.version)}.`);
      },
      {
        onRefused: (e) => {
          setProblem(e.message);
          if (e.code === 'conflict') onStale();
        },
      },
    );
  return (
    <section aria-labelledby="confirm-title" className="policies__confirm">
      <h2 className="heading-m" id="confirm-title">
        {policy.requiredOfMe ? 'You are asked to read this policy' : 'Your reading'}
      </h2>
      <p>
        {policy.requiredOfMe
          ? `Read version ${String(policy.version)}, then confirm that you have read it.`
          : 'You are not required to read this policy, but you may confirm that you have.'}
      </p>
      {problem !== null && (
        <p className="error-message" role="alert">
          {problem}
        </p>
      )}
      <Button
        variant={policy.requiredOfMe ? 'primary' : 'secondary'}
        busy={action.busy}
        busyText="Saving…"
        onClick={() => void confirm()}
      >
        I have read this version
      </Button>
    </section>
  );
}
