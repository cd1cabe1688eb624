/**
 * The printed side of termly sharing: letters home (one per home of a pupil's parents) and the
 * staff briefing. Pure layout from data already loaded and checked; nothing here reads the
 * database or logs.
 *
 * Letters carry only the level in plain words and the parent wording of the home lines (never the
 * staff lists, whose shorthand is for colleagues). Nothing about a concern, a safeguarding or
 * child-protection matter, or any case note may ever be added to a letter: the data given to
 * renderLevelLetters has no field for it, and must not gain one.
 */
import {
  parentHomeLines,
  recipientName,
  salutation,
  THRIVING_PARENT_SUMMARY,
  type LetterContact,
  type LevelCode,
} from '@tandem/core';
import {
  ACCENT,
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
  pageLayout,
  printable,
  REGULAR,
  ruleAcross,
  runningHeader,
  tableHeader,
  toBuffer,
  type Doc,
} from '../platform/pdf-layout';
import { longDate } from '../platform/dates';

// Imported from here by the tests of the printed documents.
export { CONFIDENTIAL_MARK } from '../platform/pdf-layout';

export interface LetterWording {
  name: string;
  parentSummary: string;
  /** The parent wording of the home lines: the only lines a letter shows. */
  parentAtHome: string[];
}

export interface LetterPupil {
  givenName: string;
  familyName: string;
  preferredName: string | null;
  form: string;
  /** null = Thriving (no level). */
  level: LevelCode | null;
}

/** One letter: a pupil, and who at one address it goes to (none known: "the parents and carers"). */
export interface Letter {
  pupil: LetterPupil;
  recipients: Pick<LetterContact, 'name' | 'title'>[];
  address: string | null;
}

export interface LettersInput {
  schoolName: string;
  letterhead: string;
  date: Date;
  signedBy: { name: string; role: string };
  wording: ReadonlyMap<LevelCode, LetterWording>;
  letters: Letter[];
}

export interface BriefingLevel {
  code: LevelCode;
  name: string;
  description: string;
  schoolProvides: string[];
  schoolToDo: string[];
}

export interface BriefingPupil {
  givenName: string;
  familyName: string;
  preferredName: string | null;
  form: string;
  level: LevelCode;
}

export interface BriefingGroup {
  code: string;
  name: string;
  staff: string[];
  pupils: BriefingPupil[];
}

export interface BriefingInput {
  schoolName: string;
  date: Date;
  preparedBy: { name: string; role: string };
  groups: BriefingGroup[];
  /** Pupils at MH2 and above who are in no teaching group, so no teacher would otherwise hear. */
  ungrouped: BriefingPupil[];
  /** The wording of every level that appears, MH2 first. */
  levels: BriefingLevel[];
  /** Different pupils named (one pupil may be in several groups). */
  pupilCount: number;
}

/** Words that a letter home may contain and that a parent may not know. */
const GLOSSARY: { term: RegExp; explanation: string }[] = [
  { term: /\bCAMHS\b/, explanation: "CAMHS: the NHS service for children's mental health." },
  { term: /\bGPs?\b/, explanation: 'GP: your family doctor.' },
];

// Layout: margins about 2 cm.
const LAYOUT = pageLayout({ top: 50, bottom: 48, left: 62, right: 62 });
const { margin: MARGIN, contentWidth: CONTENT_WIDTH, bottom: BOTTOM } = LAYOUT;

/** Letters and the briefing: 11 point text to start, paragraphs with a line gap of 2.5. */
class SharingPen extends Pen {
  constructor(doc: Doc) {
    super(doc, LAYOUT, { size: 11, lineGap: 2.5 });
  }

  heading(text: string, size = 12.5): void {
    this.use(BOLD, size, ACCENT);
    // Keep a heading with at least two lines of what follows it.
    this.ensure(size * 1.4 + 34);
    this.paragraph(text);
    this.doc.moveDown(0.3);
  }

  bullets(items: readonly string[], size: number, indent = 0): void {
    const doc = this.doc;
    const x = MARGIN.left + indent;
    const width = CONTENT_WIDTH - indent - 15;
    for (const raw of items) {
      const item = printable(raw);
      this.use(REGULAR, size, INK);
      // Room for at least a line; a longer item carries on over the page break by itself.
      this.ensure(size * 1.4);
      const y = doc.y;
      doc.circle(x + 4, y + size * 0.42, 1.9).fill(INK);
      this.apply();
      doc.text(item, x + 15, y, { width, lineGap: 2 });
      doc.moveDown(0.14);
    }
    doc.x = MARGIN.left;
  }
}

function newDocument(title: string, author: string, date: Date, bufferPages: boolean): Doc {
  const doc = openDocument({ title, author, date, layout: LAYOUT, bufferPages });
  memoiseFontMetrics(doc);
  return doc;
}

interface FontMetrics {
  widthOfString(text: string, size: number, features?: unknown): number;
  encode(text: string, features?: unknown): [string[], unknown[]];
}

/**
 * Remember the measured width and encoding of each string per font. Letters at the same level
 * share almost every line, and pdfkit otherwise re-measures every word, kerning pair by kerning
 * pair, several times per page: with this, 2,000 letters take a few seconds rather than fifteen.
 * pdfkit does not expose its font objects, so this reaches the built-in fonts through the
 * document and does nothing if their shape ever changes.
 */
function memoiseFontMetrics(doc: Doc): void {
  for (const name of [REGULAR, BOLD, OBLIQUE]) {
    doc.font(name);
    const font = (doc as unknown as { _font?: Partial<FontMetrics> })._font;
    if (typeof font?.widthOfString !== 'function' || typeof font.encode !== 'function') continue;
    const measure = font.widthOfString.bind(font);
    const encode = font.encode.bind(font);
    const widths = new Map<string, number>();
    const encodings = new Map<string, [string[], unknown[]]>();
    font.widthOfString = (text: string, size: number, features?: unknown) => {
      if (features !== undefined) return measure(text, size, features);
      let perThousand = widths.get(text);
      if (perThousand === undefined) {
        perThousand = measure(text, 1000);
        widths.set(text, perThousand);
      }
      return (perThousand * size) / 1000;
    };
    font.encode = (text: string, features?: unknown) => {
      if (features !== undefined) return encode(text, features);
      let encoded = encodings.get(text);
      if (!encoded) {
        encoded = encode(text);
        encodings.set(text, encoded);
      }
      return encoded;
    };
  }
}

/** Letters laid out between pauses, so that a large school's run does not hold up other requests. */
const LETTERS_BETWEEN_PAUSES = 20;
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

function letterheadLines(letterhead: string, schoolName: string): string[] {
  const lines = letterhead
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  return lines.length > 0 ? lines : [schoolName];
}

function possessive(name: string): string {
  return `${name}'s`;
}

/** Who a letter is to, on one line: "Ms Emma Clarke and Mr Daniel Clarke". */
function addressees(letter: Letter): string {
  const names = letter.recipients.map(recipientName);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function drawLetter(pen: SharingPen, input: LettersInput, letter: Letter, head: string[], date: string): void {
  const { pupil } = letter;
  const wording = pupil.level ? input.wording.get(pupil.level) : undefined;
  const known = pupil.preferredName?.trim() || pupil.givenName;
  const fullName = `${pupil.givenName} ${pupil.familyName}`;

  // Letterhead: the school's name, then its address and contact lines.
  pen.use(BOLD, 15, INK);
  pen.paragraph(head[0] ?? input.schoolName);
  if (head.length > 1) {
    pen.use(REGULAR, 9.5, MUTED);
    pen.paragraph(head.slice(1).join('\n'), { lineGap: 1.5 });
  }
  pen.gap(8);
  pen.rule();
  pen.gap(14);

  pen.use(REGULAR, 10.5, INK);
  pen.paragraph(date);
  pen.gap(4);
  const about = `${fullName}${pupil.form ? ` (${pupil.form})` : ''}`;
  if (letter.recipients.length > 0) {
    pen.use(BOLD, 10.5, INK);
    pen.paragraph(addressees(letter));
    if (letter.address) {
      pen.use(REGULAR, 10.5, INK);
      pen.paragraph(letter.address, { lineGap: 1.5 });
    }
    pen.gap(6);
    pen.use(REGULAR, 10.5, INK);
    pen.paragraph(`About ${about}`);
  } else {
    pen.use(BOLD, 10.5, INK);
    pen.paragraph(`To the parents and carers of ${about}`);
  }
  pen.gap(14);

  pen.use(BOLD, 17, ACCENT);
  pen.paragraph(`${possessive(known)} wellbeing this term`);
  pen.gap(8);

  pen.use(REGULAR, 11, INK);
  pen.paragraph(`${salutation(letter.recipients)},`);
  pen.gap(5);
  pen.paragraph(
    'Every term we write to all our families about how their child is feeling in school. We want school and home to work together, so that every child feels safe, happy and ready to learn.',
  );
  pen.gap(9);

  pen.heading(`How ${known} is doing`);
  pen.use(REGULAR, 11, INK);
  pen.paragraph(wording?.parentSummary ?? THRIVING_PARENT_SUMMARY);
  pen.gap(3);
  pen.use(REGULAR, 9.5, MUTED);
  pen.paragraph(`In school, we call this: ${wording ? wording.name : 'Thriving'}.`);
  pen.gap(9);

  const home = parentHomeLines(pupil.level, wording);
  pen.heading('What you can do at home');
  pen.bullets(home, 10.5);

  const words = [wording?.parentSummary ?? '', ...home].join('\n');
  const explained = GLOSSARY.filter((g) => g.term.test(words)).map((g) => g.explanation);
  if (explained.length > 0) {
    pen.gap(2);
    pen.use(REGULAR, 9.5, MUTED);
    pen.paragraph(explained.join('  '));
  }
  pen.gap(9);

  pen.heading('Talking to us');
  pen.use(REGULAR, 11, INK);
  pen.paragraph(
    `If you have a question, or something changes at home, please talk to ${possessive(known)} form tutor or the school office${head.length > 1 ? ' (our details are at the top of this letter)' : ''}. We are always happy to help.`,
  );
  pen.gap(9);
  pen.use(REGULAR, 11, INK);
  pen.paragraph('With best wishes,');
  pen.gap(4);
  pen.use(BOLD, 11, INK);
  pen.paragraph(input.signedBy.name);
  pen.use(REGULAR, 10, MUTED);
  pen.paragraph(`${input.signedBy.role}, ${input.schoolName}`);

  drawHelpNow(pen);
}

/** Who to contact, two to a row: [who, how]. */
const HELP_CONTACTS: [string, string][] = [
  ['In an emergency', 'call 999'],
  ['Childline', 'call 0800 1111'],
  ['Shout', 'text SHOUT to 85258'],
  ['Samaritans', 'call 116 123'],
];
const HELP_INTRO = 'If you are worried about your child right now, you do not need to wait for school to open.';
const HELP_NOTE = 'All are free, day or night. Children and young people can call Childline themselves.';

/** The "Help now" panel, at the foot of the page where there is room. */
function drawHelpNow(pen: SharingPen): void {
  const doc = pen.doc;
  const pad = 12;
  const inner = CONTENT_WIDTH - 2 * pad;
  const column = inner / 2;
  const labelWidth = 92;
  const rowHeight = 14;
  pen.use(REGULAR, 10, INK);
  const introHeight = doc.heightOfString(HELP_INTRO, { width: inner, lineGap: 1.5 });
  pen.use(REGULAR, 9, MUTED);
  const noteHeight = doc.heightOfString(HELP_NOTE, { width: inner, lineGap: 1.5 });
  const rows = Math.ceil(HELP_CONTACTS.length / 2);
  const height = pad + 17 + introHeight + 6 + rows * rowHeight + 3 + noteHeight + pad - 2;
  let top = Math.max(doc.y + 10, BOTTOM - height);
  if (top + height > BOTTOM) {
    doc.addPage();
    top = doc.y;
  }

  doc.roundedRect(MARGIN.left, top, CONTENT_WIDTH, height, 4).lineWidth(1).fillAndStroke(PANEL, PANEL_EDGE);
  const x = MARGIN.left + pad;
  let y = top + pad;
  pen.use(BOLD, 12, ACCENT);
  doc.text('Help now', x, y, { width: inner });
  y += 17;
  pen.use(REGULAR, 10, INK);
  doc.text(HELP_INTRO, x, y, { width: inner, lineGap: 1.5 });
  y += introHeight + 6;
  HELP_CONTACTS.forEach(([who, how], i) => {
    const cx = x + (i % 2) * column;
    const cy = y + Math.floor(i / 2) * rowHeight;
    pen.use(BOLD, 10, INK);
    doc.text(who, cx, cy, { width: labelWidth, lineBreak: false });
    pen.use(REGULAR, 10, INK);
    doc.text(how, cx + labelWidth, cy, { width: column - labelWidth, lineBreak: false });
  });
  y += rows * rowHeight + 3;
  pen.use(REGULAR, 9, MUTED);
  doc.text(HELP_NOTE, x, y, { width: inner, lineGap: 1.5 });
  doc.x = MARGIN.left;
  doc.y = top + height;
}

/**
 * Each letter starting on a new page, as one printable PDF. A letter that runs over (a school's long
 * home lists) continues on a page headed with who it is for, so a printed stack stays in order.
 */
export function renderLevelLetters(input: LettersInput): Promise<Buffer> {
  const doc = newDocument('Letters home: wellbeing this term', input.schoolName, input.date, false);
  const pen = new SharingPen(doc);
  const head = letterheadLines(input.letterhead, input.schoolName);
  const date = longDate(input.date);
  let continuing: string | null = null;
  doc.on('pageAdded', () => {
    if (!continuing) return;
    runningHeader(pen, [{ text: continuing, font: REGULAR, size: 9, color: MUTED, above: 24 }]);
  });
  return toBuffer(doc, async () => {
    for (const [i, letter] of input.letters.entries()) {
      if (i > 0 && i % LETTERS_BETWEEN_PAUSES === 0) await pause();
      const { pupil } = letter;
      const about = `${pupil.givenName} ${pupil.familyName}${pupil.form ? ` (${pupil.form})` : ''}`;
      continuing = null;
      doc.addPage();
      continuing = printable(
        letter.recipients.length > 0
          ? `Letter for ${addressees(letter)} about ${about}, continued`
          : `Letter for the parents and carers of ${about}, continued`,
      );
      drawLetter(pen, input, letter, head, date);
    }
  });
}

function displayName(p: BriefingPupil): string {
  const preferred = p.preferredName?.trim();
  return preferred && preferred !== p.givenName
    ? `${p.givenName} (${preferred}) ${p.familyName}`
    : `${p.givenName} ${p.familyName}`;
}

interface GuideRef {
  page: number;
  x: number;
  y: number;
  width: number;
  code: LevelCode;
}

const COLUMNS = [
  { title: 'Pupil', width: 0.33 },
  { title: 'Form', width: 0.09 },
  { title: 'Level', width: 0.33 },
  { title: 'What staff should do', width: 0.25 },
] as const;

/**
 * The staff briefing: for each teaching group with pupils at MH2 and above, who teaches it and
 * which of its pupils are at which level; then, once per level, what staff should do. Every page
 * is marked confidential and numbered.
 */
export function renderStaffBriefing(input: BriefingInput): Promise<Buffer> {
  const doc = newDocument('Staff briefing: mental health levels', input.schoolName, input.date, true);
  const pen = new SharingPen(doc);
  const date = longDate(input.date);
  const guideRefs: GuideRef[] = [];
  const guidePages = new Map<LevelCode, number>();
  const widths = COLUMNS.map((c) => c.width * CONTENT_WIDTH);
  const levelName = new Map(input.levels.map((l) => [l.code, l.name]));

  doc.on('pageAdded', () => {
    runningHeader(pen, [{ text: CONFIDENTIAL_MARK, font: BOLD, size: 9, color: INK, above: 26 }], 12);
  });

  const header = () => tableHeader(pen, COLUMNS, widths, 20, 6);

  const table = (pupils: BriefingPupil[]) => {
    header();
    for (const p of pupils) {
      pen.use(REGULAR, 10, INK);
      const cells = [
        printable(displayName(p)),
        printable(p.form),
        printable(`${levelName.get(p.level) ?? p.level} (${p.level})`),
        `${p.level} guide: page 00`,
      ];
      const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: (widths[i] ?? 0) - 10 }))) + 10;
      if (doc.y + height > BOTTOM) {
        doc.addPage();
        header();
      }
      const y = doc.y;
      let x = MARGIN.left;
      pen.use(REGULAR, 10, INK);
      cells.forEach((c, i) => {
        const w = (widths[i] ?? 0) - 10;
        if (i === 3)
          guideRefs.push({ page: doc.bufferedPageRange().count - 1, x: x + 5, y: y + 5, width: w, code: p.level });
        else doc.text(c, x + 5, y + 5, { width: w });
        x += widths[i] ?? 0;
      });
      ruleAcross(doc, LAYOUT, y + height, 0.5);
      doc.x = MARGIN.left;
      doc.y = y + height;
    }
    pen.gap(18);
  };

  return toBuffer(doc, () => {
    doc.addPage();
    pen.use(BOLD, 18, ACCENT);
    pen.paragraph('Staff briefing: mental health levels');
    pen.gap(2);
    pen.use(REGULAR, 11, MUTED);
    pen.paragraph(`${input.schoolName} · ${date}`);
    pen.gap(10);
    const markTop = doc.y;
    doc.rect(MARGIN.left, markTop, CONTENT_WIDTH, 26).lineWidth(1.25).stroke(INK);
    pen.use(BOLD, 10.5, INK);
    doc.text(CONFIDENTIAL_MARK, MARGIN.left + 10, markTop + 8, { width: CONTENT_WIDTH - 20, lineBreak: false });
    doc.x = MARGIN.left;
    doc.y = markTop + 26;
    pen.gap(12);
    pen.use(REGULAR, 10.5, INK);
    pen.paragraph(
      `This briefing lists the pupils in each of your teaching groups who are at Mental Health Level 2 or above. For each level, the guide at the end says what staff should do. Please read it for the pupils you teach. Do not talk about a pupil's level with other pupils. If you have a question, talk to ${input.preparedBy.name} (${input.preparedBy.role}).`,
    );
    pen.gap(8);
    pen.use(BOLD, 10.5, INK);
    const pupilCount = input.pupilCount;
    const groupWord = input.groups.length === 1 ? 'teaching group' : 'teaching groups';
    pen.paragraph(`${pupilCount} ${pupilCount === 1 ? 'pupil' : 'pupils'} in ${input.groups.length} ${groupWord}.`);
    pen.gap(16);

    for (const group of input.groups) {
      pen.ensure(22 + 30 + 20 + 28);
      pen.use(BOLD, 13, ACCENT);
      pen.paragraph(group.name && group.name !== group.code ? `${group.code}: ${group.name}` : group.code);
      pen.gap(2);
      pen.use(REGULAR, 10, MUTED);
      pen.paragraph(
        group.staff.length > 0
          ? `Taught by ${group.staff.join(', ')}`
          : 'No staff are linked to this group in Tandem. Tell the office who teaches it.',
      );
      pen.gap(6);
      table(group.pupils);
    }

    if (input.ungrouped.length > 0) {
      pen.ensure(22 + 30 + 20 + 28);
      pen.use(BOLD, 13, ACCENT);
      pen.paragraph('Pupils not in any teaching group');
      pen.gap(2);
      pen.use(REGULAR, 10, MUTED);
      pen.paragraph(
        'No teacher is linked to these pupils in Tandem, so no one else will see them in this briefing. Check their groups in the next import from the school information system.',
      );
      pen.gap(6);
      table(input.ungrouped);
    }

    doc.addPage();
    pen.use(BOLD, 16, ACCENT);
    pen.paragraph('What staff should do at each level');
    pen.gap(10);
    for (const level of input.levels) {
      pen.ensure(90);
      guidePages.set(level.code, doc.bufferedPageRange().count);
      pen.use(BOLD, 13, INK);
      pen.paragraph(`${level.name} (${level.code})`);
      pen.gap(2);
      pen.use(OBLIQUE, 10, MUTED);
      pen.paragraph(level.description);
      pen.gap(6);
      if (level.schoolProvides.length > 0) {
        pen.use(BOLD, 10.5, INK);
        pen.ensure(40);
        pen.paragraph('What school provides');
        pen.gap(3);
        pen.bullets(level.schoolProvides, 10);
      }
      if (level.schoolToDo.length > 0) {
        pen.gap(4);
        pen.use(BOLD, 10.5, INK);
        pen.ensure(40);
        pen.paragraph('What school will do next');
        pen.gap(3);
        pen.bullets(level.schoolToDo, 10);
      }
      pen.gap(16);
    }

    // Now that the guides are placed, fill in their page numbers and number every page.
    const { count } = doc.bufferedPageRange();
    for (const ref of guideRefs) {
      doc.switchToPage(ref.page);
      pen.use(REGULAR, 10, INK);
      doc.text(`${ref.code} guide: page ${guidePages.get(ref.code) ?? count}`, ref.x, ref.y, {
        width: ref.width,
      });
    }
    numberPages(pen, `${input.schoolName} · Staff briefing · ${date}`, 9, 18);
  });
}
