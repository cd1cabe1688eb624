/** The details tab of a pupil's record: what the MIS holds about them, and their parents and carers. */
import { recipientName, SEX_LABELS, yearGroupLabel } from '@tandem/core';
import { schoolCan, type SessionSchool } from '../auth/session';
import { formatIsoDay } from '../components/dates';
import { SummaryList } from '../components/Page';
import { Table } from '../components/Table';
import { Link } from '../router/router';
import { Characteristics } from './CaseSummary';
import { pupilName, pupilPage, type PupilCaseView } from './pupilsApi';

export function DetailsAndParents({ school, data }: { school: SessionSchool; data: PupilCaseView }) {
  const p = data.pupil;
  return (
    <>
      <SummaryList
        rows={[
          { key: 'legal', label: 'Legal name', value: `${p.givenName} ${p.familyName}` },
          {
            key: 'preferred',
            label: 'Preferred name',
            value: p.preferredName ?? <span className="secondary-text">None</span>,
          },
          { key: 'dob', label: 'Date of birth', value: formatIsoDay(p.dateOfBirth) },
          {
            key: 'sex',
            label: 'Sex',
            value: p.sex === null ? <span className="secondary-text">Not given</span> : SEX_LABELS[p.sex],
          },
          { key: 'upn', label: 'UPN', value: <code>{p.upn}</code> },
          { key: 'year', label: 'Year group', value: yearGroupLabel(p.yearGroup) },
          { key: 'form', label: 'Form', value: p.form === '' ? <span className="secondary-text">None</span> : p.form },
          { key: 'characteristics', label: 'Characteristics', value: <Characteristics pupil={p} /> },
          {
            key: 'groups',
            label: 'Teaching groups',
            value:
              data.teachingGroups.length === 0 ? (
                <span className="secondary-text">None</span>
              ) : (
                data.teachingGroups.map((g) => `${g.name} (${g.code})`).join(', ')
              ),
          },
          ...(p.leftOn !== null ? [{ key: 'left', label: 'Left the school', value: formatIsoDay(p.leftOn) }] : []),
        ]}
      />
      {schoolCan(school, 'pupil.editDetails') && (
        <p>
          <Link to={`${pupilPage(school.id, p.id)}/correct`} className="button button--secondary">
            Correct details
          </Link>{' '}
          {p.leftOn === null && (
            <Link to={`${pupilPage(school.id, p.id)}/leaving`} className="button button--secondary">
              Record leaving
            </Link>
          )}
        </p>
      )}
      <p className="hint">
        Names, date of birth, sex, UPN and year group come from the school&rsquo;s MIS. Correct them there, then import
        again.
      </p>

      <h3 className="heading-m">Parents and carers</h3>
      {data.contacts.length === 0 ? (
        <p>No parents or carers are recorded. They are added by importing contacts from the MIS.</p>
      ) : (
        <Table
          caption={`Parents and carers of ${pupilName(p)}, in the order to contact them`}
          captionHidden
          rows={[...data.contacts].sort((a, b) => a.priority - b.priority)}
          rowKey={(c) => c.id}
          columns={[
            {
              key: 'name',
              header: 'Name',
              label: 'Name',
              cell: (c) => (
                <>
                  {recipientName(c)}
                  {c.address !== null && <span className="block secondary-text pre-line">{c.address}</span>}
                </>
              ),
            },
            {
              key: 'relationship',
              header: 'Relationship',
              label: 'Relationship',
              cell: (c) => (
                <>
                  {c.relationship === '' ? <span className="secondary-text">Not recorded</span> : c.relationship}
                  {c.parentalResponsibility && (
                    <span className="block secondary-text">Has parental responsibility</span>
                  )}
                </>
              ),
            },
            {
              key: 'phone',
              header: 'Phone',
              label: 'Phone',
              nowrap: true,
              cell: (c) =>
                c.phone === null ? (
                  <span className="secondary-text">None</span>
                ) : (
                  <a href={`tel:${c.phone.replace(/[^\d+]/g, '')}`}>{c.phone}</a>
                ),
            },
            {
              key: 'email',
              header: 'Email',
              label: 'Email',
              cell: (c) =>
                c.email === null ? (
                  <span className="secondary-text">None</span>
                ) : (
                  <a href={`mailto:${c.email}`} className="break-anywhere">
                    {c.email}
                  </a>
                ),
            },
          ]}
        />
      )}
    </>
  );
}
