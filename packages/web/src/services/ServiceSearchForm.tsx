/**
 * The directory's search: words, and (folded away on a phone unless in use) the need, the pupil's
 * age, who it is for and whether to show retired entries. Applying it changes the address, so a
 * search can be shared, bookmarked and reloaded.
 */
import { SERVICE_AUDIENCE_LABELS, SERVICE_AUDIENCES, SERVICE_NEED_LABELS, SERVICE_NEEDS } from '@tandem/core';
import { useState } from 'react';
import { Button, ButtonGroup, Checkboxes, ErrorSummary, Form, SelectField, TextField } from '../components/Form';
import { useFormErrors, type FieldError } from '../components/formErrors';
import { Link, useNavigate } from '../router/router';
import { filtersInUse, searchAddress, servicesPage, type ServiceSearch } from './servicesApi';

const FIELDS = ['q', 'need', 'age', 'audience', 'includeRetired'] as const;

const NEED_OPTIONS = [
  { value: '', label: 'Any need' },
  ...SERVICE_NEEDS.map((n) => ({ value: n, label: SERVICE_NEED_LABELS[n] })),
];
const AUDIENCE_OPTIONS = [
  { value: '', label: 'Anyone' },
  ...SERVICE_AUDIENCES.map((a) => ({ value: a, label: SERVICE_AUDIENCE_LABELS[a] })),
];

/** The form's own checks, in the words of the questions (the server's limits). */
function problems(s: ServiceSearch): FieldError[] {
  const found: FieldError[] = [];
  const age = s.age.trim();
  if (age !== '' && (!/^\d{1,2}$/.test(age) || Number(age) > 25)) {
    found.push({ path: 'age', message: 'Enter an age from 0 to 25, in whole years, or leave it empty' });
  }
  if (s.q.trim().length > 100) found.push({ path: 'q', message: 'Enter 100 characters or fewer' });
  return found;
}

export function ServiceSearchForm({ schoolId, initial }: { schoolId: string; initial: ServiceSearch }) {
  const navigate = useNavigate();
  const [search, setSearch] = useState<ServiceSearch>(initial);
  const applied = filtersInUse(initial);
  // Open on wider screens; folded away on a phone, where its summary says how many are in use, so
  // that the results of a search come straight after it.
  const [open, setOpen] = useState(() => window.matchMedia('(min-width: 641px)').matches);
  const form = useFormErrors(FIELDS);

  const set = (key: 'q' | 'need' | 'age' | 'audience') => (value: string) => {
    setSearch((s) => ({ ...s, [key]: value }));
  };

  const submit = () => {
    const found = problems(search);
    if (found.length > 0) {
      form.fromFields(found);
      if (found.some((f) => f.path !== 'q')) setOpen(true);
      return;
    }
    form.clear();
    navigate(searchAddress(schoolId, search));
  };

  return (
    <>
      <ErrorSummary errors={form.errors} />
      <Form onSubmit={submit} className="filters" label="Search the directory">
        <div className="filters__search">
          <TextField
            name="q"
            type="search"
            label="Search by words"
            hint="For example, a service’s name, or “sleep”."
            autoComplete="off"
            value={search.q}
            onValueChange={set('q')}
            error={form.errorFor('q')}
          />
        </div>
        <details
          className="details filters__more"
          open={open}
          onToggle={(e) => {
            setOpen(e.currentTarget.open);
          }}
        >
          <summary className="details__summary">
            <span className="details__summary-text">Filter{applied > 0 ? ` (${String(applied)} in use)` : ''}</span>
          </summary>
          <div className="filters__grid services-filters__grid">
            <SelectField
              name="need"
              label="What it helps with"
              options={NEED_OPTIONS}
              value={search.need}
              onValueChange={set('need')}
              error={form.errorFor('need')}
            />
            <TextField
              name="age"
              label="Age in years"
              width="number"
              inputMode="numeric"
              autoComplete="off"
              value={search.age}
              onValueChange={set('age')}
              error={form.errorFor('age')}
            />
            <SelectField
              name="audience"
              label="Who it is for"
              options={AUDIENCE_OPTIONS}
              value={search.audience}
              onValueChange={set('audience')}
              error={form.errorFor('audience')}
            />
          </div>
          <Checkboxes
            name="includeRetired"
            legend={<span className="visually-hidden">Retired entries</span>}
            options={[{ value: 'true', label: 'Show retired entries' }]}
            values={search.includeRetired ? ['true'] : []}
            onValuesChange={(values) => {
              setSearch((s) => ({ ...s, includeRetired: values.includes('true') }));
            }}
          />
        </details>
        <ButtonGroup>
          <Button type="submit" variant="secondary">
            Search
          </Button>
          {(initial.q !== '' || applied > 0) && (
            <Link to={servicesPage(schoolId)} className="link-cancel">
              Clear search and filters
            </Link>
          )}
        </ButtonGroup>
      </Form>
    </>
  );
}
