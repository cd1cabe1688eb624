/**
 * The filters of a report: which days (this term, last term, this school year, or dates chosen),
 * which year group and which characteristic. They go into the page's address when shown, so a view
 * can be shared and reloaded; the version (leads' or governors') is kept as it is.
 */
import {
  CHARACTERISTICS,
  CHARACTERISTIC_LABELS,
  REPORT_PERIODS,
  REPORT_PERIOD_LABELS,
  yearGroupLabel,
  type Characteristic,
  type ReportPeriod,
} from '@tandem/core';
import { useEffect, useState } from 'react';
import { withQuery, type ApiError } from '../api/client';
import { DateInput, dateProblems, isIsoDay } from '../components/DateInput';
import { Button, ButtonGroup, ErrorSummary, Form, Radios, SelectField, type Option } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { isOneOf } from '../components/format';
import { Link, useLocation, useNavigate } from '../router/router';
import { DEFAULT_FILTERS, filtersQuery, type ReportFilters } from './reportsApi';

const FIELDS = ['period', 'from', 'to', 'yearGroup', 'characteristic'] as const;

const PERIOD_OPTIONS: Option[] = REPORT_PERIODS.map((p) => ({ value: p, label: REPORT_PERIOD_LABELS[p] }));
const CHARACTERISTIC_OPTIONS: Option[] = [
  { value: '', label: 'All pupils' },
  ...CHARACTERISTICS.map((c) => ({ value: c, label: CHARACTERISTIC_LABELS[c] })),
];

export function ReportFiltersForm({
  initial,
  yearGroups,
  refusal,
}: {
  initial: ReportFilters;
  /** The year groups to offer. */
  yearGroups: readonly number[];
  /** The server's refusal of the filters in the address (a range it cannot take), if any. */
  refusal: ApiError | null;
}) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [period, setPeriod] = useState<ReportPeriod>(initial.period);
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [yearGroup, setYearGroup] = useState(initial.yearGroup === null ? '' : String(initial.yearGroup));
  const [characteristic, setCharacteristic] = useState<Characteristic | ''>(initial.characteristic ?? '');
  const form = useFormErrors(FIELDS);
  const { fromApi } = form;

  useEffect(() => {
    if (refusal !== null) fromApi(refusal);
  }, [refusal, fromApi]);

  const years = new Set(yearGroups);
  if (initial.yearGroup !== null) years.add(initial.yearGroup);
  const yearOptions: Option[] = [
    { value: '', label: 'All year groups' },
    ...[...years].sort((a, b) => a - b).map((y) => ({ value: String(y), label: yearGroupLabel(y) })),
  ];

  const show = () => {
    if (period === 'custom') {
      const problems = dateProblems([
        { path: 'from', value: from, what: 'First day' },
        { path: 'to', value: to, what: 'Last day' },
      ]);
      if (problems.length === 0 && isIsoDay(from) && isIsoDay(to) && from > to) {
        problems.push({ path: 'to', message: 'The last day must be the same as or after the first day' });
      }
      if (problems.length > 0) {
        form.fromFields(problems);
        return;
      }
    }
    form.clear();
    const next: ReportFilters = {
      ...initial,
      period,
      from: period === 'custom' ? from : '',
      to: period === 'custom' ? to : '',
      yearGroup: yearGroup === '' ? null : Number(yearGroup),
      characteristic: isOneOf(CHARACTERISTICS, characteristic) ? characteristic : null,
    };
    navigate(withQuery(pathname, filtersQuery(next)));
  };

  const filtered =
    initial.period !== DEFAULT_FILTERS.period || initial.yearGroup !== null || initial.characteristic !== null;
  return (
    <Form onSubmit={show} className="filters report-filters" label="Choose the figures">
      <ErrorSummary errors={form.errors} />
      <h2 className="heading-s filters__title">Which days and pupils</h2>
      <Radios
        name="period"
        legend="Days"
        options={PERIOD_OPTIONS}
        value={period}
        onValueChange={(v) => {
          if (isOneOf(REPORT_PERIODS, v)) setPeriod(v);
        }}
        inline
        error={form.errorFor('period')}
      />
      {period === 'custom' && (
        <div className="report-filters__dates">
          <DateInput
            name="from"
            legend="First day"
            hint="For example, 1 9 2026"
            value={from}
            onValueChange={setFrom}
            error={form.errorFor('from')}
          />
          <DateInput
            name="to"
            legend="Last day"
            hint="For example, 18 12 2026"
            value={to}
            onValueChange={setTo}
            error={form.errorFor('to')}
          />
        </div>
      )}
      <div className="filters__grid">
        <SelectField
          name="yearGroup"
          label="Year group"
          options={yearOptions}
          value={yearGroup}
          onValueChange={setYearGroup}
          error={form.errorFor('yearGroup')}
        />
        <SelectField
          name="characteristic"
          label="Pupils who are"
          options={CHARACTERISTIC_OPTIONS}
          value={characteristic}
          onValueChange={(v) => {
            setCharacteristic(isOneOf(CHARACTERISTICS, v) ? v : '');
          }}
          error={form.errorFor('characteristic')}
        />
      </div>
      <ButtonGroup>
        <Button type="submit" variant="secondary">
          Show the figures
        </Button>
        {filtered && (
          <Link to={withQuery(pathname, filtersQuery({ ...DEFAULT_FILTERS, version: initial.version }))}>
            Clear filters
          </Link>
        )}
      </ButtonGroup>
    </Form>
  );
}
