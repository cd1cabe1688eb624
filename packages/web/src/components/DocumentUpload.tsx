/**
 * Whole-school documents (a policy's file, evidence, a library entry): a field that uploads the
 * chosen file at once and hands back what the server stored, and a link that opens one. The server
 * decides the real type from the file's bytes; the page only catches the obvious mistakes first.
 */
import { DOCUMENT_TYPE_LABELS, MAX_DOCUMENT_BYTES, documentSchema, type DocumentInfo } from '@tandem/core';
import { useId, useState, type ReactNode } from 'react';
import { apiUpload, enc, toApiError, withQuery } from '../api/client';
import { ErrorMessage } from './Form';
import { fieldId } from './formErrors';

const ACCEPT = '.pdf,.docx,.xlsx,.pptx,.png,.jpg,.jpeg,.webp,application/pdf,image/png,image/jpeg,image/webp';
const EXTENSIONS = /\.(pdf|docx|xlsx|pptx|png|jpe?g|webp)$/i;

export function documentSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${String(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;
}

/** Where a document is uploaded and opened: a school's own (and its trust's shared ones), or the trust's. */
export type DocumentPlace = { schoolId: string } | { trustId: string };

const base = (place: DocumentPlace) =>
  'schoolId' in place ? `/api/schools/${enc(place.schoolId)}/documents` : `/api/trusts/${enc(place.trustId)}/documents`;

/** The address that opens a document (a plain link: the browser downloads it with the session). */
export function documentHref(place: DocumentPlace, documentId: string): string {
  return `${base(place)}/${enc(documentId)}`;
}

function problemWith(file: File): string | null {
  if (file.size === 0) return `${file.name} is empty. Choose another file.`;
  if (file.size > MAX_DOCUMENT_BYTES) {
    return `${file.name} is ${documentSize(file.size)}. A document can be at most ${documentSize(MAX_DOCUMENT_BYTES)}.`;
  }
  if (!EXTENSIONS.test(file.name)) {
    return `${file.name} is not a PDF, Word, Excel or PowerPoint file or an image, so it cannot be added.`;
  }
  return null;
}

/**
 * A file field that uploads the chosen file straight away. Before choosing it says what may be
 * added; while uploading, how far it has got; afterwards the parent shows the document it was given.
 */
export function DocumentUpload({
  name,
  place,
  label,
  hint,
  error,
  onUploaded,
}: {
  /** The field's name in the form, so that the error summary's link reaches it. */
  name?: string;
  place: DocumentPlace;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  onUploaded: (doc: DocumentInfo) => void;
}) {
  const ownId = useId();
  const id = name !== undefined ? fieldId(name) : ownId;
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const shown = problem ?? error;
  const upload = async (file: File) => {
    const early = problemWith(file);
    if (early !== null) {
      setProblem(early);
      return;
    }
    setProblem(null);
    setProgress(0);
    try {
      const path = withQuery(base(place), { fileName: file.name.slice(-200) });
      const doc = await apiUpload(path, file, 'application/octet-stream', documentSchema, (p) => {
        setProgress(p.total > 0 ? Math.round((100 * p.loaded) / p.total) : 0);
      });
      onUploaded(doc);
    } catch (e) {
      setProblem(toApiError(e).message);
    } finally {
      setProgress(null);
    }
  };
  return (
    <div className={shown !== undefined && shown !== null ? 'form-group form-group--error' : 'form-group'}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <div id={`${id}-hint`} className="hint">
        {hint ??
          `A PDF, Word, Excel or PowerPoint file, or an image, up to ${documentSize(MAX_DOCUMENT_BYTES)}. Nothing about a pupil.`}
      </div>
      {shown !== undefined && shown !== null && <ErrorMessage id={`${id}-error`}>{shown}</ErrorMessage>}
      {progress !== null ? (
        <p role="status" className="hint">
          Uploading… {progress}%
        </p>
      ) : (
        <input
          id={id}
          type="file"
          accept={ACCEPT}
          className={shown ? 'file-upload file-upload--error' : 'file-upload'}
          aria-describedby={shown ? `${id}-hint ${id}-error` : `${id}-hint`}
          aria-invalid={shown ? true : undefined}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file !== undefined) void upload(file);
          }}
        />
      )}
    </div>
  );
}

/** A link that opens a document, with its kind and size: "Anti-bullying policy.pdf (PDF, 230 KB)". */
export function DocumentLink({ place, doc }: { place: DocumentPlace; doc: DocumentInfo }) {
  return (
    <a href={documentHref(place, doc.id)} download={doc.fileName} className="break-anywhere">
      {doc.fileName}
      <span className="document-link__meta">
        {' '}
        ({DOCUMENT_TYPE_LABELS[doc.contentType]}, {documentSize(doc.size)})
      </span>
    </a>
  );
}
