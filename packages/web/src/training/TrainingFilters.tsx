/** The staff table's filters: a course, a status and a role, kept in the page's address. */
import {
  ROLE_LABELS,
  SCHOOL_STAFF_ROLES,
  TRAINING_COURSES,
  TRAINING_COURSE_SHORT_LABELS,
  TRAINING_STATUSES,
  TRAINING_STATUS_LABELS,
  type SchoolStaffRole,
  type TrainingCourse,
  type TrainingStatus,
} from '@tandem/core';
import { useState } from 'react';
import { withQuery } from '../api/client';
import { Button, ButtonGroup, Form, SelectField, type Option } from '../components/Form';
import { Link, useLocation, useNavigate } from '../router/router';

export interface Filters {
  course: TrainingCourse | '';
  status: TrainingStatus | '';
  role: SchoolStaffRole | '';
}

const COURSE_OPTIONS: Option[] = [
  { value: '', label: 'Any training' },
  ...TRAINING_COURSES.filter((c) => c !== 'other').map((c) => ({ value: c, label: TRAINING_COURSE_SHORT_LABELS[c] })),
];
const STATUS_OPTIONS: Option[] = [
  { value: '', label: 'Any status' },
  ...TRAINING_STATUSES.map((s) => ({ value: s, label: TRAINING_STATUS_LABELS[s] })),
];
const ROLE_OPTIONS: Option[] = [
  { value: '', label: 'Any role' },
  ...SCHOOL_STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] })),
];

export function TrainingFilters({ initial }: { initial: Filters }) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [filters, setFilters] = useState<Filters>(initial);
  const set = (key: keyof Filters) => (value: string) => {
    setFilters((f) => ({ ...f, [key]: value }));
  };
  const any = Object.values(initial).some((v) => v !== '');
  return (
    <Form
      onSubmit={() => {
        navigate(withQuery(pathname, { ...filters }));
      }}
      className="filters training-filters"
      label="Filter the staff"
    >
      <h4 className="heading-s filters__title">Filter the staff</h4>
      <div className="training-filters__grid">
        <SelectField
          name="course"
          label="Training"
          options={COURSE_OPTIONS}
          value={filters.course}
          onValueChange={set('course')}
        />
        <SelectField
          name="status"
          label="Status"
          options={STATUS_OPTIONS}
          value={filters.status}
          onValueChange={set('status')}
        />
        <SelectField name="role" label="Role" options={ROLE_OPTIONS} value={filters.role} onValueChange={set('role')} />
      </div>
      <ButtonGroup>
        <Button type="submit" variant="secondary">
          Show staff
        </Button>
        {any && <Link to={pathname}>Clear filters</Link>}
      </ButtonGroup>
    </Form>
  );
}
