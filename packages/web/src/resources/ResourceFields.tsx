/**
 * The questions of the library editor: what it is, who it is for, what kind, the areas it serves,
 * and where to find it (a web address, a document, or both).
 */
import {
  AREA_GROUP_LABELS,
  AREA_GROUPS,
  areasOf,
  RESOURCE_AUDIENCE_LABELS,
  RESOURCE_AUDIENCES,
  RESOURCE_KIND_LABELS,
  RESOURCE_KINDS,
} from '@tandem/core';
import { DocumentLink, DocumentUpload } from '../components/DocumentUpload';
import { Button, Checkboxes, Radios, TextareaField, TextField } from '../components/Form';
import type { LibraryPlace } from './resourcesApi';
import type { ResourceFormValues } from './resourceValues';

export function ResourceFields({
  place,
  values,
  onChange,
  errorFor,
}: {
  place: LibraryPlace;
  values: ResourceFormValues;
  onChange: (patch: Partial<ResourceFormValues>) => void;
  errorFor: (path: string) => string | undefined;
}) {
  const areasError = errorFor('areas');
  return (
    <>
      <h2 className="heading-m">What it is</h2>
      <TextField
        name="title"
        label="Title"
        hint="As staff will know it."
        autoComplete="off"
        value={values.title}
        onValueChange={(title) => {
          onChange({ title });
        }}
        error={errorFor('title')}
      />
      <TextareaField
        name="description"
        label="What it is, in plain words"
        hint="What someone will find, and how it helps."
        rows={4}
        maxChars={1000}
        value={values.description}
        onValueChange={(description) => {
          onChange({ description });
        }}
        error={errorFor('description')}
      />
      <Checkboxes
        name="audiences"
        legend="Who it is for"
        hint="Choose all that apply."
        options={RESOURCE_AUDIENCES.map((a) => ({ value: a, label: RESOURCE_AUDIENCE_LABELS[a] }))}
        values={values.audiences}
        onValuesChange={(audiences) => {
          onChange({ audiences });
        }}
        error={errorFor('audiences')}
      />
      <Radios
        name="kind"
        legend="What kind of resource it is"
        options={RESOURCE_KINDS.map((k) => ({ value: k, label: RESOURCE_KIND_LABELS[k] }))}
        value={values.kind}
        onValueChange={(kind) => {
          onChange({ kind });
        }}
        error={errorFor('kind')}
      />
      <h2 className="heading-m">The areas it serves</h2>
      <p className="hint">
        Choose every area of a whole school approach it helps with, from any of the three lists. Staff find it under
        each, and a low self-assessment rating in an area links to its resources.
      </p>
      {AREA_GROUPS.map((g, i) => (
        <Checkboxes
          key={g}
          name={i === 0 ? 'areas' : `areas-${g}`}
          legend={AREA_GROUP_LABELS[g]}
          options={areasOf(g).map((a) => ({ value: a.key, label: a.title }))}
          values={values.areas.filter((k) => k.startsWith(`${g}.`))}
          onValuesChange={(chosen) => {
            onChange({ areas: [...values.areas.filter((k) => !k.startsWith(`${g}.`)), ...chosen] });
          }}
          error={i === 0 ? areasError : undefined}
        />
      ))}
      <h2 className="heading-m">Where to find it</h2>
      <p className="hint">Give a web address, upload a document, or both.</p>
      <TextField
        name="url"
        label="Web address (optional)"
        hint="Starting https://"
        type="url"
        spellCheck={false}
        autoComplete="off"
        value={values.url}
        onValueChange={(url) => {
          onChange({ url });
        }}
        error={errorFor('url')}
      />
      {values.document !== null ? (
        <div className="form-group">
          <p className="label">Document</p>
          <p>
            <DocumentLink place={place.documents} doc={values.document} />
          </p>
          <Button
            variant="secondary"
            onClick={() => {
              onChange({ document: null });
            }}
          >
            Remove the document<span className="visually-hidden"> {values.document.fileName}</span>
          </Button>
        </div>
      ) : (
        <DocumentUpload
          name="documentId"
          place={place.documents}
          label="Document (optional)"
          error={errorFor('documentId')}
          onUploaded={(document) => {
            onChange({ document });
          }}
        />
      )}
    </>
  );
}
