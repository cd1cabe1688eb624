/** Files attached to a concern: choosing them, checking them before upload, and sending them. */
import { CONCERN_FILE_UPLOAD_TYPES, MAX_CONCERN_FILE_BYTES, MAX_FILES_PER_CONCERN } from '@tandem/core';
import type { ReactNode } from 'react';
import { apiUpload, lazySchema, toApiError, withQuery } from '../api/client';
import { ErrorMessage } from '../components/Form';
import { isOneOf } from '../components/format';
import { fieldId } from '../components/formErrors';
import { concernApi } from './concernsApi';

// Lazily: the log-a-concern form is shown without waiting for zod (see client.ts).
const concernFileSchema = lazySchema(() => import('./logConcernCheck').then((m) => m.concernFileSchema));

export const FILE_ACCEPT = 'image/png,image/jpeg,image/webp,image/heic,image/heif,application/pdf,.heic,.heif,.pdf';

const EXTENSIONS = /\.(png|jpe?g|webp|heic|heif|pdf)$/i;

export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${String(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;
}

/** "5 MB": the most a file can be, for the hints beside the file pickers. */
export const MAX_FILE_SIZE_WORDS = fileSize(MAX_CONCERN_FILE_BYTES);

/** What is wrong with a file before it is sent, or null. The server checks the real type again. */
export function fileProblem(file: File): string | null {
  if (file.size === 0) return `${file.name} is empty. Choose another file.`;
  if (file.size > MAX_CONCERN_FILE_BYTES) {
    return `${file.name} is ${fileSize(file.size)}. Each file can be at most ${fileSize(MAX_CONCERN_FILE_BYTES)}: take the photo at a lower size, or choose a smaller file.`;
  }
  const knownType = isOneOf(CONCERN_FILE_UPLOAD_TYPES, file.type);
  if (!EXTENSIONS.test(file.name) && !(knownType && file.type !== 'application/octet-stream')) {
    return `${file.name} is not a photo or a PDF. Only photos (JPEG, PNG, WebP or HEIC) and PDF documents can be added.`;
  }
  return null;
}

function contentTypeFor(file: File): string {
  return isOneOf(CONCERN_FILE_UPLOAD_TYPES, file.type) ? file.type : 'application/octet-stream';
}

/** Sends one file to a concern. */
export async function uploadConcernFile(schoolId: string, concernId: string, file: File) {
  const path = withQuery(`${concernApi(schoolId, concernId)}/files`, { fileName: file.name.slice(-200) });
  return apiUpload(path, file, contentTypeFor(file), concernFileSchema, () => undefined);
}

/** Sends files one after another; returns how many arrived and what went wrong with the others. */
export async function uploadAll(
  schoolId: string,
  concernId: string,
  files: readonly File[],
  onFile: (index: number) => void,
): Promise<{ attached: number; failures: { name: string; message: string }[] }> {
  let attached = 0;
  const failures: { name: string; message: string }[] = [];
  for (const [i, file] of files.entries()) {
    onFile(i);
    try {
      await uploadConcernFile(schoolId, concernId, file);
      attached += 1;
    } catch (error) {
      failures.push({ name: file.name, message: toApiError(error).message });
    }
  }
  return { attached, failures };
}

/**
 * A picker for several files, listing those chosen with a way to remove each. The browser's own
 * list is cleared after each choice, so the page's list is the one that counts.
 */
export function FilesField({
  name,
  label,
  hint,
  error,
  files,
  onFilesChange,
  max = MAX_FILES_PER_CONCERN,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  files: readonly File[];
  onFilesChange: (files: File[]) => void;
  max?: number;
}) {
  const id = fieldId(name);
  const describedBy = [hint !== undefined ? `${id}-hint` : null, error !== undefined ? `${id}-error` : null]
    .filter((x): x is string => x !== null)
    .join(' ');
  return (
    <div className={error !== undefined ? 'form-group form-group--error' : 'form-group'}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint !== undefined && (
        <div id={`${id}-hint`} className="hint">
          {hint}
        </div>
      )}
      {error !== undefined && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
      {files.length > 0 && (
        <ul className="picked" aria-label="Files chosen">
          {files.map((f, i) => (
            <li key={`${f.name}-${String(f.size)}-${String(i)}`} className="picked__item">
              <span className="picked__text">
                <strong className="break-anywhere">{f.name}</strong>
                <span className="picked__meta">{fileSize(f.size)}</span>
              </span>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  onFilesChange(files.filter((_, j) => j !== i));
                }}
              >
                Remove<span className="visually-hidden"> {f.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {files.length < max && (
        <input
          id={id}
          name={name}
          type="file"
          multiple
          accept={FILE_ACCEPT}
          className={error !== undefined ? 'file-upload file-upload--error' : 'file-upload'}
          aria-describedby={describedBy === '' ? undefined : describedBy}
          aria-invalid={error !== undefined ? true : undefined}
          onChange={(e) => {
            const picked = [...(e.target.files ?? [])];
            e.target.value = '';
            if (picked.length > 0) onFilesChange([...files, ...picked].slice(0, max));
          }}
        />
      )}
    </div>
  );
}

/** The log-a-concern form's field, with its hint (that form loads this module after it is shown). */
export function ConcernFilesField(props: Omit<Parameters<typeof FilesField>[0], 'hint'>) {
  return (
    <FilesField
      {...props}
      hint={`For example, a photo of a note. Photos (JPEG, PNG, WebP or HEIC) or PDF documents, up to ${MAX_FILE_SIZE_WORDS} each.`}
    />
  );
}
