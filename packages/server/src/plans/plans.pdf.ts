/**
 * The printed plan: one version of an Individual Care Plan, crisis plan, risk assessment or Signs of
 * Safety record for one pupil. Pure layout from data already loaded and filtered by the reader's
 * rights; nothing here reads the database. The staff view carries only what staff given the plan
 * may see (the caller passes staff-facing content, and no agreements or reviews); the case view
 * adds who agreed the version and the reviews.
 */
import {
  ADJUSTMENT_LABELS,
  ADJUSTMENTS,
  AGREEMENT_HOW_LABELS,
  AGREEMENT_PARTY_LABELS,
  isReviewOverdue,
  KIND_SECTIONS,
  londonToday,
  PLAN_KIND_LABELS,
  PLAN_STATUS_LABELS,
  SAFETY_SCALE_MAX,
  SAFETY_SCALE_MIN,
  SAFETY_SCALE_QUESTION,
  SECTION_INFO,
  type Adjustment,
  type AgreementHow,
  type AgreementParty,
  type PlanKind,
  type PlanSection,
  type PlanStatus,
} from '@tandem/core';
import {
  ACCENT,
  ALERT,
  BOLD,
  CONFIDENTIAL_MARK,
  INK,
  MUTED,
  numberPages,
  OBLIQUE,
  openDocument,
  PANEL,
  PANEL_EDGE,
  Pen,
  printable,
  RECORD_LAYOUT,
  REGULAR,
  ruleAcross,
  runningHeader,
  tableHeader,
  toBuffer,
  type Doc,
} from '../platform/pdf-layout';
import { isoDay, longCalendarDate, longDate, shortDate, yearLabel } from '../platform/dates';

export interface PlanPdfInput {
  schoolName: string;
  /** When it was printed. */
  date: Date;
  /** Who printed it. */
  preparedBy: string;
  view: 'case' | 'staff';
  pupil: { name: string; dateOfBirth: string; yearGroup: number; form: string };
  plan: {
    kind: PlanKind;
    version: number;
    status: PlanStatus;
    reviewDue: string;
    leadName: string;
    versionCreatedAt: string;
    versionCreatedBy: string;
    versionReason: string | null;
    /** False when printing an earlier version from the history. */
    isCurrent: boolean;
  };
  content: {
    sections: Partial<Record<PlanSection, string>>;
    adjustments: Partial<Record<Adjustment, string>>;
    contacts: { name: string; relationship: string; phone: string }[];
    safetyScale: number | null;
  };
  /** Agreement to the printed version. Empty in the staff view. */
  agreements: { party: AgreementParty; name: string; relationship: string; how: AgreementHow; agreedOn: string }[];
  /** Empty in the staff view. */
  reviews: {
    reviewedOn: string;
    whatWasDone: string;
    whatChanged: string;
    nextReviewOn: string;
    safetyScale: number | null;
  }[];
}

// Layout: as the chronology.
const { margin: MARGIN, contentWidth: CONTENT_WIDTH, bottom: BOTTOM } = RECORD_LAYOUT;

const CALENDAR_DAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "22 Nov 2026" for a calendar date stored as YYYY-MM-DD. */
function day(iso: string): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : CALENDAR_DAY.format(d);
}

/** "22 Nov 2026" (UK time) for a moment. */
function dayOf(at: string): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? at : shortDate(d);
}

const FILE_KIND: Record<PlanKind, string> = {
  care: 'care-plan',
  crisis: 'crisis-plan',
  risk: 'risk-assessment',
  signs_of_safety: 'signs-of-safety',
};
const ASCII_FALLBACK: Record<string, string> = { ł: 'l', đ: 'd', ı: 'i', ħ: 'h', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe' };

function fileSlug(name: string): string {
  const bare = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, (ch) => ASCII_FALLBACK[ch] ?? ch);
  return bare.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** e.g. "care-plan-clarke-olivia-v2-2026-11-22.pdf": ASCII only, safe in a Content-Disposition header. */
export function planPdfFilename(
  kind: PlanKind,
  pupilFamily: string,
  pupilGiven: string,
  version: number,
  date: Date,
): string {
  const who = [fileSlug(pupilFamily), fileSlug(pupilGiven)].filter((s) => s !== '').join('-') || 'pupil';
  return `${FILE_KIND[kind]}-${who}-v${version}-${isoDay(date)}.pdf`;
}

/** Plans: 10.5 point text to start, paragraphs with a line gap of 2. */
class PlanPen extends Pen {
  constructor(doc: Doc) {
    super(doc, RECORD_LAYOUT, { size: 10.5, lineGap: 2 });
  }

  /** A section heading, kept with the first lines of what follows. */
  heading(text: string, following = 30): void {
    this.use(BOLD, 12.5, ACCENT);
    this.ensure(this.height(text) + following);
    this.paragraph(text);
    this.doc.moveDown(0.3);
  }
}

interface Column {
  title: string;
  width: number;
}

/** A simple table: a shaded header row (repeated after a page break), then one row per item. */
function table(pen: PlanPen, columns: Column[], rows: string[][]): void {
  const doc = pen.doc;
  const widths = columns.map((c) => c.width * CONTENT_WIDTH);
  const header = () => tableHeader(pen, columns, widths, 19, 5.5);
  pen.ensure(19 + 24);
  header();
  for (const raw of rows) {
    const cells = raw.map((c) => printable(c));
    pen.use(REGULAR, 10, INK);
    const height =
      Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: (widths[i] ?? 0) - 10, lineGap: 1 }))) + 10;
    if (doc.y + height > BOTTOM) {
      doc.addPage();
      header();
    }
    const y = doc.y;
    let x = MARGIN.left;
    pen.use(REGULAR, 10, INK);
    cells.forEach((c, i) => {
      doc.text(c, x + 5, y + 5, { width: (widths[i] ?? 0) - 10, lineGap: 1 });
      x += widths[i] ?? 0;
    });
    ruleAcross(doc, RECORD_LAYOUT, y + height, 0.5);
    doc.x = MARGIN.left;
    doc.y = y + height;
  }
}

/** The 0..10 scale as a row of boxes with today's rating filled in. */
function drawScale(pen: PlanPen, value: number): void {
  const doc = pen.doc;
  const steps = SAFETY_SCALE_MAX - SAFETY_SCALE_MIN + 1;
  const box = 26;
  const gapBetween = 4;
  pen.ensure(box + 34);
  const top = doc.y;
  for (let i = 0; i < steps; i++) {
    const n = SAFETY_SCALE_MIN + i;
    const x = MARGIN.left + i * (box + gapBetween);
    const chosen = n === value;
    doc
      .rect(x, top, box, box)
      .lineWidth(chosen ? 1.5 : 0.75)
      .fillAndStroke(chosen ? ACCENT : PANEL, chosen ? ACCENT : PANEL_EDGE);
    pen.use(chosen ? BOLD : REGULAR, 10.5, chosen ? '#ffffff' : INK);
    doc.text(String(n), x, top + 8, { width: box, align: 'center', lineBreak: false });
  }
  pen.use(REGULAR, 8.5, MUTED);
  doc.text('0: harm is certain', MARGIN.left, top + box + 4, { width: 160, lineBreak: false });
  const right = MARGIN.left + steps * (box + gapBetween) - gapBetween;
  doc.text('10: safe enough to close', right - 160, top + box + 4, { width: 160, align: 'right', lineBreak: false });
  doc.x = MARGIN.left;
  doc.y = top + box + 18;
}

/** A label beside its value, in two columns; the value wraps within its own column. */
function labelled(pen: PlanPen, label: string, value: string, labelWidth: number, x: number, width: number): void {
  const doc = pen.doc;
  const valueWidth = width - labelWidth;
  pen.use(REGULAR, 10, INK);
  const height = Math.max(pen.height(value, valueWidth, 1.5), 12);
  pen.ensure(height);
  const y = doc.y;
  pen.use(BOLD, 10, INK);
  doc.text(label, x, y, { width: labelWidth - 8, lineGap: 1.5 });
  const labelBottom = doc.y;
  pen.use(REGULAR, 10, INK);
  doc.text(printable(value), x + labelWidth, y, { width: valueWidth, lineGap: 1.5 });
  doc.y = Math.max(doc.y, labelBottom);
  doc.x = MARGIN.left;
}

export function renderPlanPdf(input: PlanPdfInput): Promise<Buffer> {
  const { plan, pupil } = input;
  const kindLabel = PLAN_KIND_LABELS[plan.kind];
  const doc = openDocument({
    title: printable(`${kindLabel}: ${pupil.name}`),
    author: printable(input.schoolName),
    date: input.date,
    layout: RECORD_LAYOUT,
    bufferPages: true,
  });
  const pen = new PlanPen(doc);
  const running = printable(
    `${kindLabel} · ${pupil.name} · version ${plan.version}${plan.isCurrent ? '' : ' (earlier version)'}${input.view === 'staff' ? ' · staff copy' : ''}`,
  );

  doc.on('pageAdded', () => {
    runningHeader(
      pen,
      [
        { text: CONFIDENTIAL_MARK, font: BOLD, size: 8.5, color: INK, above: 40 },
        { text: running, font: REGULAR, size: 8.5, color: MUTED, above: 28 },
      ],
      14,
    );
  });

  return toBuffer(doc, () => {
    drawPlan(pen, input);
  });
}

function drawPlan(pen: PlanPen, input: PlanPdfInput): void {
  const { plan, pupil, content } = input;
  const doc = pen.doc;
  const kindLabel = PLAN_KIND_LABELS[plan.kind];
  const printedOn = longDate(input.date);
  doc.addPage();

  // Title: what it is, and whose.
  pen.use(BOLD, 18, ACCENT);
  pen.paragraph(kindLabel);
  pen.gap(2);
  pen.use(BOLD, 14, INK);
  pen.paragraph(pupil.name);
  pen.gap(3);
  const facts = [
    `Born ${longCalendarDate(new Date(`${pupil.dateOfBirth.slice(0, 10)}T00:00:00Z`))}`,
    `${yearLabel(pupil.yearGroup)}${pupil.form ? `, form ${pupil.form}` : ''}`,
  ];
  pen.use(REGULAR, 10.5, INK);
  pen.paragraph(facts.join(' · '));
  pen.gap(2);
  pen.use(REGULAR, 10, MUTED);
  pen.paragraph(`${input.schoolName} · printed by ${input.preparedBy} on ${printedOn}`);
  pen.gap(6);
  pen.use(REGULAR, 9.5, MUTED);
  pen.paragraph(
    input.view === 'staff'
      ? 'Staff copy: what staff given this plan need to know and do. It is correct at the time of printing. Store it securely and destroy it when no longer needed.'
      : 'Case copy: the plan as written, with who agreed this version and its reviews. It is correct at the time of printing. Store it securely and destroy it when no longer needed.',
  );
  pen.gap(12);

  // The version box.
  {
    const pad = 10;
    const inner = CONTENT_WIDTH - 2 * pad;
    const labelWidth = 118;
    const overdue = plan.status !== 'ended' && isReviewOverdue(plan.reviewDue, londonToday(input.date));
    const rows: [string, string][] = [
      ['Status', PLAN_STATUS_LABELS[plan.status]],
      ['Review due', `${day(plan.reviewDue)}${overdue ? ' (overdue)' : ''}`],
      ['Lead', plan.leadName],
      ['This version', `Written by ${plan.versionCreatedBy} on ${dayOf(plan.versionCreatedAt)}`],
    ];
    if (plan.versionReason) rows.push(['Why it changed', plan.versionReason]);
    const versionLine = `Version ${plan.version}`;
    const earlier = 'Earlier version — not the one in force';
    pen.use(REGULAR, 10, INK);
    let height = pad + 18 + (plan.isCurrent ? 0 : 15) + 4;
    for (const [, value] of rows) height += Math.max(pen.height(value, inner - labelWidth, 1.5), 12) + 3;
    height += pad - 3;
    pen.ensure(height);
    const top = doc.y;
    doc
      .roundedRect(MARGIN.left, top, CONTENT_WIDTH, height, 4)
      .lineWidth(1)
      .fillAndStroke(PANEL, plan.isCurrent ? PANEL_EDGE : ALERT);
    const x = MARGIN.left + pad;
    pen.use(BOLD, 13, INK);
    doc.text(versionLine, x, top + pad, { width: inner, lineBreak: false });
    doc.y = top + pad + 18;
    if (!plan.isCurrent) {
      pen.use(BOLD, 10, ALERT);
      doc.text(earlier, x, doc.y, { width: inner, lineBreak: false });
      doc.y += 15;
    }
    doc.y += 4;
    for (const [label, value] of rows) {
      labelled(pen, label, value, labelWidth, x, inner);
      doc.y += 3;
    }
    doc.x = MARGIN.left;
    doc.y = top + height;
  }
  pen.gap(16);

  // The kind's sections, in order; empty ones are left out.
  let written = 0;
  for (const key of KIND_SECTIONS[plan.kind]) {
    const text = content.sections[key]?.trim();
    if (!text) continue;
    written++;
    pen.use(REGULAR, 10.5, INK);
    pen.heading(SECTION_INFO[key].label, Math.min(pen.height(text), 40));
    pen.use(REGULAR, 10.5, INK);
    pen.paragraph(text);
    pen.gap(12);
  }
  if (written === 0) {
    pen.use(OBLIQUE, 10.5, MUTED);
    pen.paragraph('Nothing is written in this version.');
    pen.gap(12);
  }

  if (plan.kind === 'signs_of_safety' && content.safetyScale !== null) {
    pen.heading('Safety scale', 80);
    pen.use(REGULAR, 9.5, MUTED);
    pen.paragraph(SAFETY_SCALE_QUESTION);
    pen.gap(6);
    pen.use(BOLD, 11, INK);
    pen.paragraph(`Rated ${content.safetyScale} out of ${SAFETY_SCALE_MAX}`);
    pen.gap(6);
    drawScale(pen, content.safetyScale);
    pen.gap(12);
  }

  const adjustments = ADJUSTMENTS.flatMap((a) => {
    const text = content.adjustments[a]?.trim();
    return text ? [{ label: ADJUSTMENT_LABELS[a], text }] : [];
  });
  if (adjustments.length > 0) {
    pen.heading('Reasonable adjustments');
    for (const a of adjustments) {
      labelled(pen, a.label, a.text, 120, MARGIN.left, CONTENT_WIDTH);
      pen.gap(6);
    }
    pen.gap(8);
  }

  if (content.contacts.length > 0) {
    pen.heading('Emergency contacts', 45);
    table(
      pen,
      [
        { title: 'Name', width: 0.4 },
        { title: 'Relationship', width: 0.3 },
        { title: 'Phone', width: 0.3 },
      ],
      content.contacts.map((c) => [c.name, c.relationship, c.phone]),
    );
    pen.gap(18);
  }

  if (input.view === 'case') {
    pen.heading(`Agreement to version ${plan.version}`, 45);
    if (input.agreements.length === 0) {
      pen.use(OBLIQUE, 10.5, MUTED);
      pen.paragraph('No agreement to this version is recorded yet.');
    } else {
      table(
        pen,
        [
          { title: 'Who', width: 0.34 },
          { title: 'Relationship', width: 0.22 },
          { title: 'How', width: 0.24 },
          { title: 'Date', width: 0.2 },
        ],
        input.agreements.map((a) => [
          `${a.name}\n${AGREEMENT_PARTY_LABELS[a.party]}`,
          a.relationship,
          AGREEMENT_HOW_LABELS[a.how],
          day(a.agreedOn),
        ]),
      );
    }
    pen.gap(18);

    pen.heading('Reviews', 45);
    if (input.reviews.length === 0) {
      pen.use(OBLIQUE, 10.5, MUTED);
      pen.paragraph('No reviews are recorded yet.');
    }
    for (const r of input.reviews) {
      // Keep a review's heading with its date line and the start of what was done.
      pen.use(REGULAR, 10, INK);
      pen.ensure(44 + Math.min(pen.height(r.whatWasDone, CONTENT_WIDTH - 110, 1.5), 36));
      pen.use(BOLD, 11, INK);
      pen.paragraph(`Reviewed on ${day(r.reviewedOn)}`);
      pen.gap(2);
      pen.use(REGULAR, 9.5, MUTED);
      pen.paragraph(
        `Next review ${day(r.nextReviewOn)}${r.safetyScale !== null ? ` · safety scale ${r.safetyScale} out of ${SAFETY_SCALE_MAX}` : ''}`,
      );
      pen.gap(4);
      labelled(pen, 'What was done', r.whatWasDone, 110, MARGIN.left, CONTENT_WIDTH);
      pen.gap(4);
      labelled(pen, 'What changed', r.whatChanged, 110, MARGIN.left, CONTENT_WIDTH);
      pen.gap(8);
      if (doc.y + 10 < BOTTOM) {
        pen.rule();
        pen.gap(8);
      }
    }
  }

  // Number every page and repeat who and what it is at the foot.
  numberPages(pen, `${pupil.name} · ${kindLabel} · ${printedOn}`, 8.5, 22);
}
