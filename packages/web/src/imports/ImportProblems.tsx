import type { ImportPreview, ImportStatusResponse } from '@tandem/core';
import { Table } from '../components/Table';
import { Link } from '../router/router';
import { importPage } from './importApi';
import { lineLabel } from './importLabels';

/** A file with problems: nothing imported, and each problem by line (or by pupil in a CTF). */
export function ProblemList({
  schoolId,
  status,
  preview,
}: {
  schoolId: string;
  status: ImportStatusResponse;
  preview: ImportPreview | undefined;
}) {
  const count = status.summary.errorCount;
  return (
    <>
      <div className="problem-box">
        <h2 className="problem-box__title">
          {count === 1
            ? 'There is 1 problem in the file'
            : `There are ${count.toLocaleString('en-GB')} problems in the file`}
        </h2>
        <p>
          Nothing has been imported. Correct {status.kind === 'ctf' ? 'these pupils' : 'these rows'} in your MIS export
          and upload the file again.
        </p>
        <p>
          <Link to={importPage(schoolId)} className="button button--primary">
            Upload a corrected file
          </Link>
        </p>
      </div>
      {preview === undefined ? (
        <p>The list of problems is shown only straight after the file is checked. Upload the file again to see it.</p>
      ) : (
        <Table
          caption={status.kind === 'ctf' ? 'Problems in the file, by pupil' : 'Problems in the file, by line'}
          rows={preview.errors}
          rowKey={(e) => `${String(e.line)}-${e.upn ?? ''}-${e.column ?? ''}-${e.message}`}
          columns={[
            {
              key: 'line',
              header: lineLabel(status.kind),
              label: lineLabel(status.kind),
              numeric: true,
              cell: (e) => e.line,
            },
            {
              // Which pupil the row is about, so the record can be found and fixed in the MIS.
              key: 'pupil',
              header: 'Pupil',
              label: 'Pupil',
              cell: (e) =>
                e.upn === undefined && e.pupilName === undefined ? (
                  <span className="secondary-text">Not given</span>
                ) : (
                  <>
                    {e.pupilName ?? <span className="secondary-text">Not on roll</span>}
                    {e.upn !== undefined && <span className="block secondary-text">UPN {e.upn}</span>}
                  </>
                ),
            },
            {
              key: 'column',
              header: 'Column',
              label: 'Column',
              nowrap: true,
              cell: (e) => e.column ?? <span className="secondary-text">Whole row</span>,
            },
            { key: 'problem', header: 'Problem', label: 'Problem', cell: (e) => e.message },
          ]}
        />
      )}
    </>
  );
}
