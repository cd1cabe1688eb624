/**
 * Pupils from a common transfer file (issue 21): the Senior Mental Health Lead uploads a CTF
 * addressed to another school (refused, with a box to confirm), confirms it is meant for Kingsmead,
 * checks the preview of the joining pupils and their parents and carers, and imports them. At
 * desktop width and at 360 px; every page: axe, a screenshot, no sideways scroll at 360 px.
 */
import { describe, test } from 'vitest';
import { buildCtf } from '../packages/server/src/pupils/import/ctf.test-support';
import { baseUrl, checksAtOwnWidth, newPage, useBrowser, type Viewport } from './support/browser';
import { randomUpn } from './support/pages';
import { SMHL } from './support/people';
import { signIn } from './support/sign-in';

useBrowser();

const check = checksAtOwnWidth('ctf');

function ctfFile(surname: string) {
  const xml = buildCtf({
    qualifier: 'partial',
    dest: { lea: '888', estab: '4321', urn: '777777', name: 'Hillside School' },
    pupils: [
      {
        upn: randomUpn(),
        surname,
        forename: 'Orla',
        dob: '2013-05-14',
        sex: 'F',
        ncYear: '8',
        firstLanguage: 'ENG',
        sen: [{ start: '2023-01-09', provision: 'K' }],
        contacts: [
          {
            title: 'Mrs',
            forename: 'Nell',
            surname,
            relationship: 'PAR',
            responsibility: true,
            phones: [{ type: 'M', number: '07700 900123' }],
            email: 'nell@example.org',
          },
        ],
      },
      {
        upn: randomUpn(),
        surname,
        forename: 'Pip',
        dob: '2015-02-02',
        sex: 'M',
        ncYear: '6',
        firstLanguage: 'WEL',
        contacts: [{ forename: 'Quin', surname, relationship: 'CAR', responsibility: true, email: 'quin@example.org' }],
      },
    ],
  });
  return { name: '888LLLL_CTF_8884321_001.xml', mimeType: 'application/xml', buffer: Buffer.from(xml, 'utf8') };
}

async function journey(viewport: Viewport, surname: string): Promise<void> {
  const lead = await newPage(viewport);
  await signIn(lead, SMHL);
  const schoolPath = new URL(lead.url()).pathname;
  await lead.goto(`${baseUrl()}${schoolPath}/import`);
  await lead.getByRole('heading', { level: 1, name: 'Import from your MIS' }).waitFor();

  await lead.getByRole('radio', { name: 'Common transfer file (CTF)' }).check();
  await lead.getByLabel('CTF file').setInputFiles(ctfFile(surname));
  await check(lead, 'upload');
  await lead.getByRole('button', { name: 'Check file' }).click();

  // Addressed to another school: refused until the lead confirms it is meant for Kingsmead.
  await lead
    .getByText(/This file is addressed to Hillside School/)
    .first()
    .waitFor();
  await lead.getByRole('checkbox', { name: 'I have checked: this file is meant for our school' }).waitFor();
  await check(lead, 'other-school');
  await lead.getByRole('checkbox', { name: 'I have checked: this file is meant for our school' }).check();
  await lead.getByRole('button', { name: 'Check file' }).click();

  await lead.getByRole('heading', { level: 1, name: 'Check the changes' }).waitFor();
  await lead.getByRole('heading', { name: 'The common transfer file' }).waitFor();
  await lead.getByRole('table', { name: 'New pupils' }).getByText(`Orla ${surname}`).waitFor();
  await lead.getByRole('table', { name: 'New parents and carers' }).getByText(`Mrs Nell ${surname}`).waitFor();
  await check(lead, 'preview');

  await lead.getByRole('button', { name: 'Import the pupils and their contacts' }).click();
  await lead.getByRole('heading', { level: 1, name: 'Import complete' }).waitFor();
  await lead.getByText('2 new pupils added').waitFor();
  await check(lead, 'done');
}

describe('pupils from a common transfer file', () => {
  test(
    'at desktop width: a CTF for another school confirmed, previewed and imported',
    { timeout: 300_000 },
    async () => {
      await journey('desktop', 'Thistlewood');
    },
  );
  test('at 360 px: the same', { timeout: 300_000 }, async () => {
    await journey('phone', 'Brackenbury');
  });
});
