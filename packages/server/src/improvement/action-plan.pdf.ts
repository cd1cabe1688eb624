/**
 * The action plan printed for governors: the school, the self-assessment's period and framework,
 * each area's ratings counted, then the actions by area with owner, due date, status, success
 * criteria and the latest progress note. It holds no pupil data.
 */
import {
  ACTION_STATUS_LABELS,
  FRAMEWORK_LABELS,
  RATING_LABELS,
  RATINGS,
  type ActionPlanAssessment,
  type ImprovementAction,
  type Rating,
} from '@tandem/core';
import { calendarDay, longDate } from '../platform/dates';
import {
  ACCENT,
  ALERT,
  BOLD,
  INK,
  MUTED,
  numberPages,
  openDocument,
  Pen,
  printable,
  RECORD_LAYOUT,
  REGULAR,
  ruleAcross,
  runningHeader,
  PANEL,
  toBuffer,
} from '../platform/pdf-layout';

export interface ActionPlanPdfInput {
  schoolName: string;
  assessment: ActionPlanAssessment;
  /** Each area of the framework with how many statements were given each rating. */
  ratingSummary: { areaTitle: string; counts: Record<Rating, number>; unrated: number }[];
  areas: { areaTitle: string; actions: ImprovementAction[] }[];
  date: Date;
}

const L = RECORD_LAYOUT;

/** The summary's shaded header row (the columns are wide enough for each rating on one line). */
function header(pen: Pen, columns: readonly { title: string }[], widths: readonly number[]): void {
  const doc = pen.doc;
  const y = doc.y;
  const height = 22;
  doc.rect(L.margin.left, y, L.contentWidth, height).fill(PANEL);
  pen.use(BOLD, 9, INK);
  let x = L.margin.left;
  columns.forEach((c, i) => {
    doc.text(c.title, x + 5, y + 6, { width: (widths[i] ?? 0) - 10, lineBreak: false });
    x += widths[i] ?? 0;
  });
  doc.x = L.margin.left;
  doc.y = y + height;
}

function summaryTable(pen: Pen, rows: ActionPlanPdfInput['ratingSummary']): void {
  const doc = pen.doc;
  const columns = [{ title: 'Area' }, ...RATINGS.map((r) => ({ title: RATING_LABELS[r] })), { title: 'Not rated' }];
  const first = L.contentWidth * 0.34;
  const rest = (L.contentWidth - first) / (columns.length - 1);
  const widths = [first, ...columns.slice(1).map(() => rest)];
  pen.ensure(22 + 24);
  header(pen, columns, widths);
  for (const row of rows) {
    const cells = [row.areaTitle, ...RATINGS.map((r) => String(row.counts[r])), String(row.unrated)];
    pen.use(REGULAR, 10, INK);
    const height = doc.heightOfString(printable(row.areaTitle), { width: first - 10, lineGap: 1 }) + 10;
    if (doc.y + height > L.bottom) {
      doc.addPage();
      header(pen, columns, widths);
    }
    const y = doc.y;
    let x = L.margin.left;
    cells.forEach((c, i) => {
      doc.text(printable(c), x + 5, y + 5, { width: (widths[i] ?? 0) - 10, lineGap: 1 });
      x += widths[i] ?? 0;
    });
    ruleAcross(doc, L, y + height, 0.5);
    doc.x = L.margin.left;
    doc.y = y + height;
  }
}

function labelled(pen: Pen, label: string, text: string): void {
  pen.use(BOLD, 10, INK).paragraph(label);
  pen.use(REGULAR, 10, INK).paragraph(text);
  pen.gap(3);
}

function drawAction(pen: Pen, a: ImprovementAction): void {
  pen.ensure(pen.height(a.title) + 60);
  pen.use(BOLD, 11, INK).paragraph(a.title);
  const status = `${ACTION_STATUS_LABELS[a.status]}${a.overdue ? ' (overdue)' : ''}`;
  pen
    .use(REGULAR, 9.5, a.overdue ? ALERT : MUTED)
    .paragraph(`Owner: ${a.owner.name} · Due: ${calendarDay(a.dueOn)} · Status: ${status}`);
  if (a.carriedFrom) pen.use(REGULAR, 9.5, MUTED).paragraph(`Carried forward from ${a.carriedFrom}`);
  if (a.statementText) pen.use(REGULAR, 9.5, MUTED).paragraph(`Answers: ${a.statementText}`);
  pen.gap(3);
  labelled(pen, 'Success criteria', a.successCriteria);
  const latest = a.notes.at(-1);
  labelled(
    pen,
    'Latest progress',
    latest ? `${latest.note} (${latest.byName}, ${calendarDay(latest.at.slice(0, 10))})` : 'No progress noted yet.',
  );
  pen.gap(4);
}

export async function actionPlanPdf(input: ActionPlanPdfInput): Promise<Buffer> {
  const { assessment } = input;
  const doc = openDocument({
    title: printable(`Action plan: ${input.schoolName}`),
    author: printable(input.schoolName),
    date: input.date,
    layout: L,
    bufferPages: true,
  });
  const pen = new Pen(doc, L, { size: 10, lineGap: 2 });
  const running = printable(`${input.schoolName} · Action plan · ${assessment.periodLabel}`);
  doc.on('pageAdded', () => {
    runningHeader(pen, [{ text: running, font: REGULAR, size: 8.5, color: MUTED, above: 28 }], 14);
  });
  return toBuffer(doc, () => {
    doc.addPage();
    pen.use(BOLD, 18, ACCENT).paragraph('Mental health and wellbeing action plan');
    pen.use(BOLD, 12, INK).paragraph(input.schoolName);
    pen
      .use(REGULAR, 10, MUTED)
      .paragraph(
        `Self-assessment for ${assessment.periodLabel}, against ${FRAMEWORK_LABELS[assessment.framework].toLowerCase()}. Printed ${longDate(input.date)}.`,
      );
    pen.gap(14);
    pen.use(BOLD, 13, ACCENT).paragraph('Where we are: the self-assessment');
    pen.gap(4);
    summaryTable(pen, input.ratingSummary);
    pen.gap(16);
    pen.use(BOLD, 13, ACCENT).paragraph('What we will do: the actions');
    pen.gap(4);
    if (input.areas.length === 0) pen.use(REGULAR, 10, INK).paragraph('No actions have been written yet.');
    for (const area of input.areas) {
      // Keep the area's heading with its first action.
      pen.ensure(110 + pen.height(area.actions[0]?.title ?? ''));
      pen.use(BOLD, 12, ACCENT).paragraph(area.areaTitle);
      pen.gap(4);
      for (const a of area.actions) drawAction(pen, a);
      pen.gap(6);
    }
    numberPages(pen, `${input.schoolName} · Action plan · ${assessment.periodLabel}`, 8.5, 22);
  });
}
