/** Year on year for one framework: a table, a CSV download and a chart of the same ratings. */
import { useState } from 'react';
import { assessmentProgressSchema, FRAMEWORK_LABELS, type AssessmentProgress, type Framework } from '@tandem/core';
import { apiGetFile } from '../api/client';
import { useResource } from '../api/useResource';
import { DownloadButton } from '../components/DownloadButton';
import { SelectField } from '../components/Form';
import { Loading } from '../components/Page';
import { Table } from '../components/Table';
import { LoadError } from '../errors/ErrorPages';
import { periodName, ProgressChart } from './ProgressChart';
import { progressApi, progressCsvApi, ratingWords } from './selfAssessmentApi';

type Area = AssessmentProgress['areas'][number] & { index: number };

export function ProgressSection({ schoolId, frameworks }: { schoolId: string; frameworks: readonly Framework[] }) {
  const [framework, setFramework] = useState<Framework>(frameworks[0] ?? 'county');
  const { resource, reload } = useResource(progressApi(schoolId, framework), assessmentProgressSchema);
  return (
    <section aria-labelledby="sa-progress" className="sa-section">
      <h2 className="heading-m" id="sa-progress">
        Year on year
      </h2>
      {frameworks.length > 1 && (
        <SelectField
          name="progressFramework"
          label="Framework"
          value={framework}
          onValueChange={(v) => {
            setFramework(v as Framework);
          }}
          options={frameworks.map((f) => ({ value: f, label: FRAMEWORK_LABELS[f] }))}
        />
      )}
      {resource.status === 'loading' && <Loading what="Loading the ratings over time" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && <Progress schoolId={schoolId} framework={framework} progress={resource.data} />}
    </section>
  );
}

function Progress({
  schoolId,
  framework,
  progress,
}: {
  schoolId: string;
  framework: Framework;
  progress: AssessmentProgress;
}) {
  const rows: Area[] = progress.areas.map((a, index) => ({ ...a, index }));
  return (
    <>
      <h3 className="heading-s">{FRAMEWORK_LABELS[framework]}: each area&rsquo;s rating by year or term</h3>
      <div id="sa-progress-table">
        <Table
          caption={`Each area's rating by year or term: ${FRAMEWORK_LABELS[framework]}`}
          captionHidden
          rows={rows}
          rowKey={(r) => r.key}
          columns={[
            { key: 'area', header: 'Area', label: 'Area', cell: (r) => r.title },
            ...progress.periods.map((p) => ({
              key: p.assessmentId,
              header: periodName(p),
              label: periodName(p),
              nowrap: true,
              cell: (r: Area) => ratingWords(p.ratings[r.index] ?? null),
            })),
          ]}
        />
      </div>
      <DownloadButton
        busyText="Making the file…"
        getFile={() => apiGetFile(progressCsvApi(schoolId, framework), `self-assessment-${framework}.csv`)}
      >
        Download as a spreadsheet (CSV)
      </DownloadButton>
      <ProgressChart progress={progress} describedBy="sa-progress-table" />
    </>
  );
}
