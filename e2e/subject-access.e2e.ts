/**
 * A subject access review (issue 20), at desktop width: the Senior Mental Health Lead opens
 * "Subject access requests" from the menu, records a request from a pupil's parent (first without
 * saying who asked: refused, with the message), records the identity check, opens the review,
 * redacts the first item and discloses the rest, each with a reason, and downloads the JSON export,
 * which holds exactly what was decided. Every page: axe and screenshots (at desktop and at 360 px).
 */
import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { baseUrl, checkPage, newPage, useBrowser } from './support/browser';
import { openFromNav } from './support/pages';
import { SMHL } from './support/people';
import { signIn } from './support/sign-in';

useBrowser();

const REDACTED = 'Spoke to the school nurse about [redacted].';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('subject access requests', () => {
  test('at desktop width: the SMHL records a request, checks identity, decides every item and downloads the JSON', async () => {
    const lead = await newPage('desktop');
    await signIn(lead, SMHL);
    const schoolPath = new URL(lead.url()).pathname;

    // A pupil with no level and a parent on record: the first of form 10W.
    await lead.goto(`${baseUrl()}${schoolPath}/pupils?form=10W&level=none`);
    const first = lead.getByRole('table', { name: 'Pupils, by surname' }).getByRole('link').first();
    const pupil = (await first.textContent())?.trim() ?? '';
    expect(pupil).not.toBe('');

    await openFromNav(lead, 'Subject access requests', 'Subject access requests');
    await lead.getByRole('heading', { level: 2, name: 'Open requests' }).waitFor();
    await checkPage(lead, 'sar-register');

    await lead.getByRole('link', { name: 'Record a request' }).click();
    await lead.getByRole('heading', { level: 1, name: 'Record a request' }).waitFor();
    const form = lead.getByRole('form', { name: 'Record a subject access request' });
    const surname = pupil.split(' ').slice(-1)[0] ?? pupil;
    await form.getByLabel('Search by name').fill(surname);
    await form
      .getByRole('list', { name: 'Matching pupils' })
      .getByRole('button', { name: new RegExp(`^${escapeRegExp(pupil)}\\b.*form 10W`) })
      .click();
    await form.getByRole('radio', { name: 'E-mail' }).check();
    await form.getByRole('button', { name: 'Record the request' }).click();
    const summary = lead.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: 'Choose who made the request' }).waitFor();
    await checkPage(lead, 'sar-record-refused');
    await form.getByRole('radio', { name: 'A parent or carer' }).check();
    const parents = form.getByRole('group', { name: /Which parent or carer\?/ });
    await parents.getByRole('radio').first().check();
    await checkPage(lead, 'sar-record');
    await form.getByRole('button', { name: 'Record the request' }).click();

    await lead.getByText('Request recorded').waitFor();
    await lead.getByRole('heading', { level: 1, name: `Subject access request: ${pupil}` }).waitFor();
    await lead
      .getByText(/days left/)
      .first()
      .waitFor();
    await checkPage(lead, 'sar-request');

    await lead.getByRole('button', { name: 'Record the identity check' }).click();
    await lead.getByLabel('How was their identity checked?').fill('Passport seen at the office.');
    await lead.getByLabel('Who checked it?').fill('Jo Bennett');
    await lead.getByRole('button', { name: 'Record the check' }).click();
    await lead.getByText('Identity check recorded').waitFor();

    await lead.getByRole('link', { name: 'Start the review' }).click();
    await lead.getByRole('heading', { level: 1, name: `Review what is held: ${pupil}` }).waitFor();
    const progress = lead.locator('.sar-progress');
    await progress.waitFor();
    const total = Number(/of (\d+) decided/.exec((await progress.textContent()) ?? '')?.[1] ?? '0');
    expect(total).toBeGreaterThan(0);
    await checkPage(lead, 'sar-review');

    const forms = lead.getByRole('form', { name: /^Decide: / });
    let decided = 0;
    let redactedTitle = '';
    while ((await forms.count()) > 0) {
      const next = forms.first();
      const title = ((await next.getAttribute('aria-label')) ?? '').replace(/^Decide: /, '');
      if (decided === 0) {
        redactedTitle = title;
        await next.getByRole('radio', { name: 'Disclose with redactions' }).check();
        await next.getByLabel('Why is it redacted or withheld?').selectOption('third_party');
        await next.getByLabel('Text to disclose, with the redactions made').fill(REDACTED);
        await next.getByLabel('Reason for the decision').fill('Names another pupil.');
      } else {
        await next.getByRole('radio', { name: 'Disclose', exact: true }).check();
        await next.getByLabel('Reason for the decision').fill('Held about the pupil; nothing exempt.');
      }
      await next.getByRole('button', { name: /^Save the decision/ }).click();
      decided += 1;
      await lead.getByText(`${String(decided)} of ${String(total)} decided`).waitFor();
    }
    expect(decided).toBe(total);
    await checkPage(lead, 'sar-review-decided');

    const [download] = await Promise.all([
      lead.waitForEvent('download'),
      lead.getByRole('button', { name: 'Download the JSON export' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const bundle = JSON.parse(fs.readFileSync(await download.path(), 'utf8')) as {
      pupil: { name: string };
      items: { title: string; redacted: boolean; text: string }[];
      withheld: { count: number };
    };
    expect(bundle.pupil.name).toBe(pupil);
    expect(bundle.items).toHaveLength(total);
    expect(bundle.items.find((i) => i.title === redactedTitle)).toMatchObject({ redacted: true, text: REDACTED });
    expect(bundle.withheld.count).toBe(0);
  }, 240_000);
});
