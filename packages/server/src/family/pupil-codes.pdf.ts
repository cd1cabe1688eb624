/**
 * The sheet of pupils' set-up codes: one slip per pupil (name, form, sign-in name, code, where to
 * go), cut apart and handed out by the tutor. It carries nothing but what the pupil needs to set up
 * their account, and is marked to be kept safe until handed out.
 */
import { BOLD, MUTED, Pen, REGULAR, RECORD_LAYOUT, RULE, openDocument, toBuffer } from '../platform/pdf-layout';

export interface CodeSlip {
  name: string;
  form: string;
  signInName: string;
  code: string;
}

const SLIP_HEIGHT = 150;

export async function pupilCodesPdf(o: {
  schoolName: string;
  setUpUrl: string;
  slips: CodeSlip[];
  now: Date;
}): Promise<Buffer> {
  const doc = openDocument({
    title: `Set-up codes: ${o.schoolName}`,
    author: o.schoolName,
    date: o.now,
    layout: RECORD_LAYOUT,
    bufferPages: false,
  });
  const pen = new Pen(doc, RECORD_LAYOUT, { size: 11 });
  return toBuffer(doc, () => {
    doc.addPage();
    pen.use(BOLD, 13).paragraph(`${o.schoolName}: Tandem set-up codes`);
    pen
      .use(REGULAR, 9, MUTED)
      .paragraph(
        'Keep this sheet safe until each slip is handed to its pupil. Each code works once, for 30 days. A lost code can be replaced from the Pupil accounts page.',
      );
    pen.gap(10);
    for (const s of o.slips) {
      pen.ensure(SLIP_HEIGHT);
      const top = doc.y;
      doc
        .lineWidth(0.75)
        .dash(4, { space: 3 })
        .strokeColor(RULE)
        .rect(RECORD_LAYOUT.margin.left, top, RECORD_LAYOUT.contentWidth, SLIP_HEIGHT - 12)
        .stroke()
        .undash();
      doc.y = top + 10;
      const x = RECORD_LAYOUT.margin.left + 12;
      const w = RECORD_LAYOUT.contentWidth - 24;
      pen.use(BOLD, 12).paragraph(`${s.name}  (${s.form || 'no form'})`, {}, x, w);
      pen.use(REGULAR, 10).paragraph(`1. Go to ${o.setUpUrl}`, {}, x, w);
      pen.paragraph('2. Type in your code:', {}, x, w);
      pen.use(BOLD, 16).paragraph(s.code, { characterSpacing: 2 }, x, w);
      pen.use(REGULAR, 10).paragraph(`3. Choose a password. After that, sign in with: ${s.signInName}`, {}, x, w);
      pen.use(REGULAR, 8, MUTED).paragraph('Do not share your code or your password with anyone.', {}, x, w);
      doc.y = top + SLIP_HEIGHT;
    }
  });
}
