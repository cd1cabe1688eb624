/**
 * The school's early identification rules, each in plain words with its settings: the SMHL reads
 * them, switches each on or off, and changes its settings within their bounds.
 */
import { checkEarlyRuleParams, earlyRulesResponse, earlyRuleView, type EarlyRuleView } from '@tandem/core';
import { useState } from 'react';
import { apiPut } from '../api/client';
import { useResource } from '../api/useResource';
import { useSchool } from '../auth/session';
import { formatDate } from '../components/dates';
import { Button, ErrorSummary, Form, Radios, TextField } from '../components/Form';
import { BackLink, Loading, PageTitle, Tag } from '../components/Page';
import { useFormErrors } from '../components/formErrors';
import { useAction } from '../components/useAction';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { earlyRulesApi, mayReview, toReviewPage } from './earlyApi';
import './early.css';

export function EarlyRulesPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const allowed = mayReview(school);
  const { resource, reload } = useResource(allowed ? earlyRulesApi(schoolId) : null, earlyRulesResponse);
  if (school === undefined || !allowed) return <NotFoundPage />;
  return (
    <div className="early narrow-wide">
      <BackLink to={toReviewPage(school.id)}>Back to pupils to review</BackLink>
      <PageTitle caption={school.name}>Rules for pupils to review</PageTitle>
      <p className="lead">
        Each rule lists a pupil for you to review, with the figures behind it. A rule never changes a level. Change a
        rule here; the list follows from its next view.
      </p>
      {resource.status === 'loading' && <Loading what="Loading the rules" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' &&
        resource.data.rules.map((r) => (
          <RuleForm key={`${r.kind}:${String(r.revision)}`} schoolId={school.id} rule={r} />
        ))}
    </div>
  );
}

function RuleForm({ schoolId, rule: initial }: { schoolId: string; rule: EarlyRuleView }) {
  const [rule, setRule] = useState(initial);
  const [enabled, setEnabled] = useState(rule.enabled ? 'on' : 'off');
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(rule.bounds.map((b) => [b.key, String(rule.params[b.key] ?? '')])),
  );
  const [saved, setSaved] = useState(false);
  const prefix = rule.kind;
  // Several rules' forms share the page: each field's path starts with its rule, so its id is unique.
  const path = (key: string) => `${prefix}.${key}`;
  // Not useWorkForm: this form stays on the page after a save, ready for the next change.
  const form = useFormErrors([path('enabled'), ...rule.bounds.map((b) => path(b.key))]);
  const action = useAction();
  const submit = async () => {
    setSaved(false);
    const params = Object.fromEntries(
      rule.bounds.map((b) => [b.key, values[b.key]?.trim() === '' ? NaN : Number(values[b.key])]),
    );
    // The server's own check, from core, so the words match whichever refuses.
    const issues = checkEarlyRuleParams(rule.kind, params);
    if (issues.length > 0) {
      form.fromFields(issues.map((i) => ({ path: path(i.path.replace(/^params\./, '')), message: i.message })));
      return;
    }
    const body = { kind: rule.kind, enabled: enabled === 'on', params, revision: rule.revision };
    await action.run(
      async () => {
        const next = await apiPut(earlyRulesApi(schoolId), body, earlyRuleView);
        form.clear();
        setRule(next);
        setSaved(true);
      },
      { onRefused: form.fromApi },
    );
  };
  const headingId = `rule-${prefix}`;
  return (
    <section className="early__rule" aria-labelledby={headingId}>
      <h2 className="heading-m" id={headingId}>
        {rule.label} {rule.enabled ? <Tag tone="green">On</Tag> : <Tag>Off</Tag>}
      </h2>
      <p>{rule.description}</p>
      {rule.changedAt !== null && (
        <p className="secondary-text">
          Changed {formatDate(rule.changedAt)}
          {rule.changedBy === null ? '' : ` by ${rule.changedBy}`}.
        </p>
      )}
      {saved && (
        <p role="status" className="early__flag">
          Saved.
        </p>
      )}
      <Form onSubmit={submit} label={`Change the rule: ${rule.label}`}>
        <ErrorSummary errors={form.errors} />
        <Radios
          name={`${prefix}-enabled`}
          legend="Is this rule on?"
          inline
          value={enabled}
          onValueChange={setEnabled}
          error={form.errorFor(path('enabled'))}
          options={[
            { value: 'on', label: 'On' },
            { value: 'off', label: 'Off' },
          ]}
        />
        {rule.bounds.map((b) => (
          <TextField
            key={b.key}
            name={`${prefix}-${b.key}`}
            label={`${b.label[0]!.toUpperCase()}${b.label.slice(1)}`}
            hint={`From ${String(b.min)} to ${String(b.max)}. The default is ${String(rule.defaults[b.key] ?? '')}.`}
            width="number"
            inputMode="decimal"
            value={values[b.key] ?? ''}
            onValueChange={(v) => {
              setValues((old) => ({ ...old, [b.key]: v }));
            }}
            error={form.errorFor(path(b.key))}
          />
        ))}
        <Button type="submit" variant="secondary" busy={action.busy} busyText="Saving…">
          Save<span className="visually-hidden"> {rule.label}</span>
        </Button>
      </Form>
    </section>
  );
}
