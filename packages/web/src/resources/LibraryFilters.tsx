/**
 * The library's search: words, the area (grouped by framework), who it is for and what kind of
 * resource. Applying it changes the address, so a search can be shared and a self-assessment's low
 * rating can link straight to its area.
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
import { useState } from 'react';
import { Button, ButtonGroup, Form, SelectField, TextField } from '../components/Form';
import { Link, useNavigate } from '../router/router';
import { filtersInUse, searchAddress, type LibrarySearch } from './resourcesApi';

const AUDIENCE_OPTIONS = [
  { value: '', label: 'Anyone' },
  ...RESOURCE_AUDIENCES.map((a) => ({ value: a, label: RESOURCE_AUDIENCE_LABELS[a] })),
];
const KIND_OPTIONS = [
  { value: '', label: 'Any kind' },
  ...RESOURCE_KINDS.map((k) => ({ value: k, label: RESOURCE_KIND_LABELS[k] })),
];

/** The areas in groups, as the frameworks name them. */
export function AreaSelect({ value, onValueChange }: { value: string; onValueChange: (v: string) => void }) {
  return (
    <div className="form-group">
      <label className="label" htmlFor="field-area">
        Area of the whole school approach
      </label>
      <select
        id="field-area"
        name="area"
        className="select"
        value={value}
        onChange={(e) => {
          onValueChange(e.target.value);
        }}
      >
        <option value="">Any area</option>
        {AREA_GROUPS.map((g) => (
          <optgroup key={g} label={AREA_GROUP_LABELS[g]}>
            {areasOf(g).map((a) => (
              <option key={a.key} value={a.key}>
                {a.title}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

export function LibraryFilters({ listPage, initial }: { listPage: string; initial: LibrarySearch }) {
  const navigate = useNavigate();
  const [search, setSearch] = useState<LibrarySearch>(initial);
  const applied = filtersInUse(initial);
  // Open on wider screens; folded away on a phone, where its summary says how many are in use, so
  // that the entries come straight after it.
  const [open, setOpen] = useState(() => window.matchMedia('(min-width: 641px)').matches);
  const set = (key: keyof LibrarySearch) => (value: string) => {
    setSearch((s) => ({ ...s, [key]: value }));
  };
  return (
    <Form
      onSubmit={() => {
        navigate(searchAddress(listPage, { ...search, q: search.q.trim().slice(0, 100) }));
      }}
      className="filters"
      label="Search the library"
    >
      <div className="filters__search">
        <TextField
          name="q"
          type="search"
          label="Search by words"
          hint="For example, “bereavement” or “peer support”."
          autoComplete="off"
          maxLength={100}
          value={search.q}
          onValueChange={set('q')}
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
        <div className="filters__grid library-filters__grid">
          <AreaSelect value={search.area} onValueChange={set('area')} />
          <SelectField
            name="audience"
            label="Who it is for"
            options={AUDIENCE_OPTIONS}
            value={search.audience}
            onValueChange={set('audience')}
          />
          <SelectField
            name="kind"
            label="Kind of resource"
            options={KIND_OPTIONS}
            value={search.kind}
            onValueChange={set('kind')}
          />
        </div>
      </details>
      <ButtonGroup>
        <Button type="submit" variant="secondary">
          Search
        </Button>
        {(initial.q !== '' || applied > 0) && (
          <Link to={listPage} className="link-cancel">
            Clear search and filters
          </Link>
        )}
      </ButtonGroup>
    </Form>
  );
}
