/**
 * Choosing the pupil or pupils a concern is about: search by name, then pick from a list that shows
 * the year group and form beside each name, so that two pupils with the same name are not mixed up.
 */
import { yearGroupLabel, type PupilListItem } from '@tandem/core';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { apiGet, lazySchema, toApiError, withQuery } from '../api/client';
import { ErrorMessage } from '../components/Form';
import { fieldId } from '../components/formErrors';
import { useSession } from '../auth/session';
import { searchOffline } from '../offline/offlinePupils';
import { pupilName, pupilsApi } from '../pupils/pupilsApi';

// Lazily: the log-a-concern form is shown without waiting for zod (see client.ts).
const pupilListResponse = lazySchema(() => import('./logConcernCheck').then((m) => m.pupilListResponse));

export interface ChosenPupil {
  id: string;
  name: string;
  form: string;
  yearGroup: number | null;
}

export function describePupil(p: { form: string; yearGroup: number | null }): string {
  const year = p.yearGroup === null ? '' : yearGroupLabel(p.yearGroup);
  if (p.form === '') return year;
  return year === '' ? `Form ${p.form}` : `${year}, form ${p.form}`;
}

type Results =
  | { status: 'idle' }
  | { status: 'loading'; query: string }
  | { status: 'ready'; query: string; pupils: PupilListItem[]; total: number; onDevice?: boolean }
  | { status: 'error'; message: string };

const MIN_CHARS = 2;

export function PupilPicker({
  schoolId,
  name,
  legend,
  hint,
  chosen,
  onChange,
  error,
  max = 10,
}: {
  schoolId: string;
  /** The field's name; the search box carries its id so the error summary can link to it. */
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  chosen: readonly ChosenPupil[];
  onChange: (pupils: ChosenPupil[]) => void;
  error?: string | undefined;
  max?: number;
}) {
  const id = fieldId(name);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Results>({ status: 'idle' });
  const [announcement, setAnnouncement] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const requestNumber = useRef(0);
  const { session } = useSession();
  const userId = session.user?.id ?? null;

  const search = useCallback(
    (text: string) => {
      const q = text.trim();
      if (q.length < MIN_CHARS) {
        setResults({ status: 'idle' });
        return;
      }
      const mine = ++requestNumber.current;
      setResults({ status: 'loading', query: q });
      apiGet(withQuery(pupilsApi(schoolId), { search: q, limit: 8 }), pupilListResponse).then(
        (data) => {
          if (mine === requestNumber.current) {
            setResults({ status: 'ready', query: q, pupils: data.pupils, total: data.total });
          }
        },
        (e: unknown) => {
          const error = toApiError(e);
          if (error.code !== 'network' || userId === null) {
            if (mine === requestNumber.current) setResults({ status: 'error', message: error.message });
            return;
          }
          // Offline: search the list kept on this device for logging a concern (issue 19).
          void searchOffline(schoolId, userId, q, 8).then((found) => {
            if (mine !== requestNumber.current) return;
            if (found === null) {
              setResults({
                status: 'error',
                message:
                  'Tandem cannot be reached and this device has no list of pupils yet. Write the pupil’s name and form in “What did you see or hear?” and tell the DSL team in person.',
              });
              return;
            }
            setResults({
              status: 'ready',
              query: q,
              pupils: found.pupils.map((p) => ({ ...p, left: false })),
              total: found.total,
              onDevice: true,
            });
          });
        },
      );
    },
    [schoolId, userId],
  );

  // Search as the person types, once they pause.
  useEffect(() => {
    const timer = window.setTimeout(() => {
      search(query);
    }, 300);
    return () => {
      window.clearTimeout(timer);
    };
  }, [query, search]);

  const choose = (p: PupilListItem) => {
    if (chosen.some((c) => c.id === p.id) || chosen.length >= max) return;
    const picked: ChosenPupil = { id: p.id, name: pupilName(p), form: p.form, yearGroup: p.yearGroup };
    onChange([...chosen, picked]);
    setQuery('');
    requestNumber.current++;
    setResults({ status: 'idle' });
    setAnnouncement(`${picked.name} chosen.`);
    inputRef.current?.focus();
  };

  const remove = (p: ChosenPupil) => {
    onChange(chosen.filter((c) => c.id !== p.id));
    setAnnouncement(`${p.name} removed.`);
    inputRef.current?.focus();
  };

  const full = chosen.length >= max;
  const describedBy = [hint !== undefined ? `${id}-hint` : null, error !== undefined ? `${id}-error` : null]
    .filter((x): x is string => x !== null)
    .join(' ');

  let status = announcement;
  if (results.status === 'loading') status = 'Searching…';
  if (results.status === 'ready') {
    status =
      results.total === 0
        ? `No pupils found for “${results.query}”. Check the spelling, or try their surname.`
        : results.total > results.pupils.length
          ? `${String(results.total)} pupils found. Showing the first ${String(results.pupils.length)}: type more of the name to narrow it down.`
          : `${String(results.total)} ${results.total === 1 ? 'pupil' : 'pupils'} found.`;
    if (results.onDevice === true) status += ' (Offline: from the list kept on this device.)';
  }
  if (results.status === 'error') status = results.message;

  return (
    <div className={error !== undefined ? 'form-group form-group--error' : 'form-group'}>
      <fieldset className="fieldset" aria-describedby={describedBy === '' ? undefined : describedBy}>
        <legend className="legend">{legend}</legend>
        {hint !== undefined && (
          <div id={`${id}-hint`} className="hint">
            {hint}
          </div>
        )}
        {error !== undefined && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
        {chosen.length > 0 && (
          <ul className="picked" aria-label="Pupils chosen">
            {chosen.map((p) => (
              <li key={p.id} className="picked__item">
                <span className="picked__text">
                  <strong>{p.name}</strong>
                  <span className="picked__meta">{describePupil(p)}</span>
                </span>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    remove(p);
                  }}
                >
                  Remove<span className="visually-hidden"> {p.name}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {!full && (
          <div className="picker">
            <label className="label picker__label" htmlFor={id}>
              {chosen.length === 0 ? 'Search by name' : 'Add another pupil'}
            </label>
            <div className="hint" id={`${id}-search-hint`}>
              First name, preferred name or surname.
            </div>
            <input
              ref={inputRef}
              id={id}
              name={`${name}-search`}
              type="search"
              className={error !== undefined ? 'input input--error' : 'input'}
              autoComplete="off"
              spellCheck={false}
              enterKeyHint="search"
              value={query}
              aria-describedby={`${id}-search-hint`}
              aria-invalid={error !== undefined ? true : undefined}
              onChange={(e) => {
                setAnnouncement('');
                setQuery(e.target.value);
              }}
              onKeyDown={(e) => {
                // Enter searches now; it must not send the whole form.
                if (e.key === 'Enter') {
                  e.preventDefault();
                  search(query);
                }
              }}
            />
            <p className="picker__status" role="status">
              {status}
            </p>
            {results.status === 'ready' && results.pupils.length > 0 && (
              <ul className="picker__results" aria-label="Matching pupils">
                {results.pupils.map((p) => {
                  const already = chosen.some((c) => c.id === p.id);
                  return (
                    <li key={p.id}>
                      <button
                        type="button"
                        className="picker__choose"
                        disabled={already}
                        onClick={() => {
                          choose(p);
                        }}
                      >
                        <span className="picker__name">{pupilName(p)}</span>
                        <span className="picker__meta">
                          {describePupil(p)}
                          {already && ' (chosen)'}
                        </span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        )}
        {full && <p className="hint">You have chosen {String(max)} pupils, the most one concern can be about.</p>}
      </fieldset>
    </div>
  );
}
