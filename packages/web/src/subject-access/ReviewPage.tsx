/**
 * The review of a subject access request: everything Tandem holds about the pupil, grouped by
 * kind and in date order, each item with its suggested decision and the decision a person made
 * (disclose; redact, writing the text to give; or withhold), with a reason. Items from the
 * safeguarding record are shown to the DSL team only. Once every item is decided, the bundle is
 * downloaded as a PDF and as JSON.
 */
import {
  DISCLOSURE_DECISION_LABELS,
  DISCLOSURE_DECISIONS,
  decideItemBody,
  EXEMPTION_CATEGORIES,
  EXEMPTION_CATEGORY_LABELS,
  RECORD_CLASS_LABELS,
  subjectAccessReviewResponse,
  type ReviewItem,
} from '@tandem/core';
import { useState } from 'react';
import { apiGetFile, apiPut } from '../api/client';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool } from '../auth/session';
import { formatDate } from '../components/dates';
import { DownloadButton } from '../components/DownloadButton';
import { Button, ErrorSummary, Form, Radios, SaveOrCancel, SelectField, TextareaField } from '../components/Form';
import { BackLink, InsetText, PageTitle, Tag } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { useWorkForm } from '../components/useWorkForm';
import { NotFoundPage } from '../errors/ErrorPages';
import { kindWords, okResponse, requestApi, requestPage } from './subjectAccessApi';
import './subject-access.css';

const DECISION_FIELDS = ['decision', 'category', 'redactedText', 'reason'] as const;

const keyOf = (i: Pick<ReviewItem, 'source' | 'kind' | 'id'>) => `${i.source}/${i.kind}/${i.id}`;

export function ReviewPage({ schoolId, requestId }: { schoolId: string; requestId: string }) {
  const school = useSchool(schoolId);
  const allowed = schoolCan(school, 'records.subjectAccess');
  const { resource, reload } = useResource(
    allowed ? `${requestApi(schoolId, requestId)}/review` : null,
    subjectAccessReviewResponse,
  );
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  if (school === undefined || !allowed) return <NotFoundPage />;
  const back = { to: requestPage(schoolId, requestId), text: 'The request' };
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: 'Review what is held',
      caption: school.name,
      loading: 'Gathering everything held about the pupil',
      back,
      onRetry: reload,
    });
  }
  const { request: r, items, progress, restrictedNote, complete, exportNeedsDsl } = resource.data;
  const isOpen = r.status !== 'sent' && r.status !== 'closed';
  const groups = new Map<string, ReviewItem[]>();
  for (const i of items) {
    const k = i.gone ? 'Items no longer held' : kindWords(i.kind);
    groups.set(k, [...(groups.get(k) ?? []), i]);
  }
  const base = requestApi(schoolId, requestId);
  return (
    <div className="sar">
      <BackLink to={back.to}>{back.text}</BackLink>
      <PageTitle caption={`Subject access request from ${r.requesterName}`}>
        Review what is held: {r.pupil.name}
      </PageTitle>
      <p className="sar-progress" aria-live="polite">
        {String(progress.decided)} of {String(progress.total)} decided
      </p>
      <p role="status" className="visually-hidden">
        {saved ?? ''}
      </p>
      {restrictedNote !== null && <InsetText>{restrictedNote}</InsetText>}
      <p>
        Decide each item: disclose it, disclose it with redactions (write the text to give), or withhold it. Give a
        reason each time. Redact or withhold information about other people, staff opinions given in confidence, and
        anything whose disclosure could put the child or someone else at risk of serious harm.
      </p>
      <h2 className="heading-m">The bundle</h2>
      {complete && !exportNeedsDsl ? (
        <div className="sar-downloads">
          <DownloadButton
            busyText="Preparing the PDF…"
            getFile={() => apiGetFile(`${base}/bundle.pdf`, 'subject-access.pdf')}
          >
            Download the PDF bundle
          </DownloadButton>
          <DownloadButton
            busyText="Preparing the JSON…"
            getFile={() => apiGetFile(`${base}/bundle.json`, 'subject-access.json')}
          >
            Download the JSON export
          </DownloadButton>
        </div>
      ) : exportNeedsDsl ? (
        <p>This bundle discloses items from the safeguarding record: a member of the DSL team downloads it.</p>
      ) : progress.decided === progress.total ? (
        <p>Every item you can see is decided. The bundle is ready once the DSL team has decided the rest.</p>
      ) : (
        <p>The PDF bundle and the JSON export can be downloaded once every item has a decision.</p>
      )}
      {items.length === 0 && <p>Tandem holds nothing about this pupil that you can see.</p>}
      {[...groups].map(([heading, list]) => (
        <section key={heading} aria-labelledby={`group-${heading.replace(/\W+/g, '-')}`}>
          <h2 className="heading-m" id={`group-${heading.replace(/\W+/g, '-')}`}>
            {heading} <span className="hint">({String(list.length)})</span>
          </h2>
          {list.map((i) => (
            <ItemRow
              key={keyOf(i)}
              item={i}
              base={base}
              isOpen={isOpen}
              editing={editing === keyOf(i)}
              onEdit={() => {
                setEditing(keyOf(i));
              }}
              onCancel={() => {
                setEditing(null);
              }}
              onSaved={() => {
                setEditing(null);
                setSaved(`Decision saved: ${i.title}`);
                reload();
              }}
            />
          ))}
        </section>
      ))}
    </div>
  );
}

function ItemRow({
  item,
  base,
  isOpen,
  editing,
  onEdit,
  onCancel,
  onSaved,
}: {
  item: ReviewItem;
  base: string;
  isOpen: boolean;
  editing: boolean;
  onEdit: () => void;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const d = item.decision;
  const showForm = isOpen && !item.gone && (editing || d === null);
  return (
    <article className="sar-item" aria-label={item.title}>
      <h3 className="heading-s sar-item__title">{item.title}</h3>
      <p className="hint">
        {formatDate(item.at)} · {RECORD_CLASS_LABELS[item.recordClass]}
        {item.restricted && (
          <>
            {' '}
            <Tag tone="red">Safeguarding record</Tag>
          </>
        )}
        {item.gone && (
          <>
            {' '}
            <Tag tone="grey">No longer held</Tag>
          </>
        )}
      </p>
      {item.body !== '' && <div className="sar-item__body">{item.body}</div>}
      {!item.gone && (
        <p>
          Suggested: <strong>{DISCLOSURE_DECISION_LABELS[item.suggested.decision]}</strong>. {item.suggested.reason}
        </p>
      )}
      {d !== null && !editing && (
        <div className="sar-item__decision">
          <p>
            <Tag tone={d.decision === 'withhold' ? 'yellow' : 'green'}>
              Decided: {DISCLOSURE_DECISION_LABELS[d.decision]}
            </Tag>{' '}
            by {d.decidedByName}, {formatDate(d.decidedAt)}.
          </p>
          <p>
            {d.category !== null && <>{EXEMPTION_CATEGORY_LABELS[d.category]}. </>}
            {d.reason}
          </p>
          {d.redactedText !== null && (
            <>
              <p className="hint">Text to disclose:</p>
              <div className="sar-item__body">{d.redactedText}</div>
            </>
          )}
          {isOpen && !item.gone && (
            <Button variant="secondary" onClick={onEdit}>
              Change the decision<span className="visually-hidden">: {item.title}</span>
            </Button>
          )}
        </div>
      )}
      {showForm && <DecisionForm item={item} base={base} onCancel={d === null ? null : onCancel} onSaved={onSaved} />}
    </article>
  );
}

function DecisionForm({
  item,
  base,
  onCancel,
  onSaved,
}: {
  item: ReviewItem;
  base: string;
  onCancel: (() => void) | null;
  onSaved: () => void;
}) {
  const prefix = `d-${item.kind}-${item.id}`.replace(/[^A-Za-z0-9-]/g, '-');
  const fields = {
    decision: `${prefix}-decision`,
    category: `${prefix}-category`,
    reason: `${prefix}-reason`,
    text: `${prefix}-text`,
  };
  const form = useWorkForm(DECISION_FIELDS);
  const d = item.decision;
  const [decision, setDecision] = useState<string>(d?.decision ?? item.suggested.decision);
  const [category, setCategory] = useState<string>(d?.category ?? '');
  const [reason, setReason] = useState(d?.reason ?? (d === null ? item.suggested.reason : ''));
  const [text, setText] = useState(d?.redactedText ?? item.body);
  const submit = async () => {
    const body = {
      source: item.source,
      kind: item.kind,
      id: item.id,
      decision,
      category: decision === 'disclose' || category === '' ? null : category,
      reason,
      redactedText: decision === 'redact' ? text : null,
    };
    const extra = [];
    if (decision !== 'disclose' && category === '')
      extra.push({ path: 'category', message: 'Choose why it is redacted or withheld' });
    const data = form.check(decideItemBody.safeParse(body), extra);
    if (data === null) return;
    await form.send(async () => {
      await apiPut(`${base}/decisions`, data, okResponse);
      onSaved();
    });
  };
  const errorFor = (path: string) => form.errorFor(path);
  // Several items' forms share the page: each field's id carries the item, and the summary links to it.
  const ids: Record<string, string> = {
    decision: fields.decision,
    category: fields.category,
    redactedText: fields.text,
    reason: fields.reason,
  };
  const errors = { ...form.errors, fields: form.errors.fields.map((f) => ({ ...f, path: ids[f.path] ?? f.path })) };
  return (
    <Form onSubmit={submit} label={`Decide: ${item.title}`}>
      <ErrorSummary errors={errors} />
      <Radios
        name={fields.decision}
        legend="Decision"
        options={DISCLOSURE_DECISIONS.map((x) => ({ value: x, label: DISCLOSURE_DECISION_LABELS[x] }))}
        value={decision}
        onValueChange={setDecision}
        error={errorFor('decision')}
        inline
      />
      {decision !== 'disclose' && (
        <SelectField
          name={fields.category}
          label="Why is it redacted or withheld?"
          value={category}
          onValueChange={setCategory}
          options={[
            { value: '', label: 'Choose' },
            ...EXEMPTION_CATEGORIES.map((c) => ({ value: c, label: EXEMPTION_CATEGORY_LABELS[c] })),
          ]}
          error={errorFor('category')}
        />
      )}
      {decision === 'redact' && (
        <TextareaField
          name={fields.text}
          label="Text to disclose, with the redactions made"
          hint="Replace what must not be disclosed with [redacted]."
          value={text}
          onValueChange={setText}
          error={errorFor('redactedText')}
          rows={6}
        />
      )}
      <TextareaField
        name={fields.reason}
        label="Reason for the decision"
        value={reason}
        onValueChange={setReason}
        error={errorFor('reason')}
        rows={2}
      />
      {onCancel === null ? (
        <Button type="submit" busy={form.busy} busyText="Saving…">
          Save the decision<span className="visually-hidden">: {item.title}</span>
        </Button>
      ) : (
        <SaveOrCancel busy={form.busy} submitText="Save the decision" onCancel={onCancel} />
      )}
    </Form>
  );
}
