/**
 * Adding and removing a statement's evidence: a web link with what it is, a record in Tandem picked
 * from the school's records (the policy register, training figures), or a document uploaded here.
 */
import { useState } from 'react';
import { evidenceInputSchema, type Evidence, type EvidenceRecords } from '@tandem/core';
import { DocumentUpload } from '../components/DocumentUpload';
import { Button, SelectField, TextField } from '../components/Form';
import { EvidenceItem, evidenceKey } from './EvidenceList';

export function EvidenceEditor({
  schoolId,
  name,
  items,
  records,
  onChange,
}: {
  schoolId: string;
  /** Unique on the page: the statement's key. */
  name: string;
  items: readonly Evidence[];
  records: EvidenceRecords | null;
  onChange: (items: Evidence[]) => void;
}) {
  const add = (e: Evidence) => {
    if (items.some((x) => evidenceKey(x) === evidenceKey(e))) return;
    onChange([...items, e]);
  };
  return (
    <div className="sa-evidence-editor">
      {items.length > 0 && (
        <ul className="list sa-evidence">
          {items.map((e) => (
            <li key={evidenceKey(e)} className="sa-evidence__item">
              <span>
                <EvidenceItem schoolId={schoolId} item={e} />
              </span>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  onChange(items.filter((x) => evidenceKey(x) !== evidenceKey(e)));
                }}
              >
                Remove<span className="visually-hidden"> {e.label}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <details className="details sa-add">
        <summary className="details__summary">Add evidence</summary>
        <div className="details__text">
          <AddLink name={name} onAdd={add} />
          <AddRecord name={name} records={records} onAdd={add} />
          <DocumentUpload
            place={{ schoolId }}
            label="Upload a document"
            onUploaded={(doc) => {
              add({ kind: 'document', documentId: doc.id, label: doc.fileName, size: doc.size });
            }}
          />
        </div>
      </details>
    </div>
  );
}

function AddLink({ name, onAdd }: { name: string; onAdd: (e: Evidence) => void }) {
  const [url, setUrl] = useState('');
  const [label, setLabel] = useState('');
  const [errors, setErrors] = useState<{ url?: string; label?: string }>({});
  const addLink = () => {
    const parsed = evidenceInputSchema.safeParse({ kind: 'link', url, label });
    if (!parsed.success || parsed.data.kind !== 'link') {
      const found: { url?: string; label?: string } = {};
      for (const issue of parsed.error?.issues ?? []) {
        const field = issue.path[0];
        if (field === 'url' || field === 'label') found[field] ??= issue.message;
      }
      setErrors(found);
      return;
    }
    setErrors({});
    onAdd({ kind: 'link', url: parsed.data.url, label: parsed.data.label });
    setUrl('');
    setLabel('');
  };
  return (
    <fieldset className="fieldset sa-add__group">
      <legend className="legend">A web page</legend>
      <TextField
        name={`${name}-link-url`}
        label="Web address"
        hint="Starting https://"
        type="url"
        value={url}
        onValueChange={setUrl}
        error={errors.url}
        autoComplete="off"
      />
      <TextField
        name={`${name}-link-label`}
        label="What it is"
        value={label}
        onValueChange={setLabel}
        error={errors.label}
        maxLength={120}
      />
      <Button variant="secondary" onClick={addLink}>
        Add the link
      </Button>
    </fieldset>
  );
}

function AddRecord({
  name,
  records,
  onAdd,
}: {
  name: string;
  records: EvidenceRecords | null;
  onAdd: (e: Evidence) => void;
}) {
  const [choice, setChoice] = useState('');
  const offered = (records?.groups ?? []).flatMap((g) =>
    g.records.map((r) => ({ ...r, value: `${g.kind}|${r.id}`, heading: g.heading })),
  );
  if (offered.length === 0) {
    return (
      <p className="hint">
        No records in Tandem to cite yet. Policies and training figures appear here once they are in their registers.
      </p>
    );
  }
  const addRecord = () => {
    const r = offered.find((o) => o.value === choice);
    if (r === undefined) return;
    onAdd({ kind: 'record', recordKind: r.kind, recordId: r.id, label: r.label, href: r.href });
    setChoice('');
  };
  return (
    <div className="sa-add__group">
      <SelectField
        name={`${name}-record`}
        label="A record in Tandem"
        value={choice}
        onValueChange={setChoice}
        options={[
          { value: '', label: 'Choose a record' },
          ...offered.map((o) => ({ value: o.value, label: `${o.heading}: ${o.label}` })),
        ]}
      />
      <Button variant="secondary" onClick={addRecord} disabled={choice === ''}>
        Add the record
      </Button>
    </div>
  );
}
