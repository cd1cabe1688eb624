/**
 * Journeys for the parent and pupil portals (issue 12), at 360 px (and the parent's at desktop width too):
 *  - The Senior Mental Health Lead invites a parent or carer from "Parents and carers"; the
 *    invitation arrives by e-mail; the parent sets a password from its link, signs in, sees their
 *    child's level in plain words with "What you can do at home", and tells the school about
 *    something at home ("We have received this"). The lead finds it in the concerns queue marked
 *    "From a parent or carer" and acknowledges it; the parent then sees it as read.
 *  - The second demo parent, with a child in each school of the trust, switches between them.
 *  - The lead makes a set-up code for one pupil (a PDF sheet); the pupil sets up an account with it
 *    at /set-up, chooses a password and signs in to their own page; the code then works no more.
 *  - The demo pupil finds Help now (Childline, Shout, Samaritans, 999), checks in with a face, a
 *    note and "I would like to talk to someone", and sees who it went to. Her trusted adult (the
 *    ELSA) sees it first on her home page and says she has seen it; the pupil sees it as read; the
 *    lead sees it among all requests and on the pupil's record, with the trusted adult.
 * Every page: axe, a screenshot (test-results/screenshots/fam-…), no sideways scroll at 360 px.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { pageTexts } from '../packages/server/test/pdf-text';
import { baseUrl, newPage, useBrowser, type Viewport, checksAtOwnWidth } from './support/browser';
import { linksIn, waitForMail } from './support/mail';
import { openFromNav } from './support/pages';
import { PARENT, PUPIL, SECOND_PARENT, SMHL } from './support/people';
import { fillSignIn, openSignIn, signIn, signOut } from './support/sign-in';

useBrowser();

/** Levels a parent is told in person, not in the portal, until the school shares them (levels.family.ts). */
const IN_PERSON_LEVELS = ['MH4', 'MH5'];
const FROM_A_PARENT = 'From a parent or carer';

/** axe, a screenshot named fam-<name>-<phone|desktop>, and at 360 px no sideways scroll. */
const check = checksAtOwnWidth('fam');

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Signs in a parent or pupil (no two-factor) and waits for their portal's home page. */
async function signInToPortal(page: Page, email: string, password: string | undefined, home: string, heading: string) {
  await openSignIn(page);
  await fillSignIn(page, email, password);
  await page.waitForURL((url) => url.pathname === home);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

interface ContactRow {
  contactId: string;
  name: string;
  relationship: string;
  email: string | null;
  pupilId: string;
  pupilName: string;
  state: string;
}

interface Invitable {
  contact: ContactRow;
  /** The child's level as the school holds it ("MH1" …), or null when Thriving. */
  level: string | null;
}

/**
 * A contact the lead may invite (not one of the Clarkes), whose child's level the portal shows: not
 * a level told in person (MH4, MH5). With `levelled`, a child on a level (MH1 to MH3) if there is
 * one, so that the level's own name and words are checked; otherwise the first (often Thriving).
 */
async function findInvitable(lead: Page, schoolPath: string, levelled: boolean): Promise<Invitable> {
  const api = `${baseUrl()}/api${schoolPath}`;
  const res = await lead.request.get(`${api}/family/contacts?state=not_invited`);
  expect(res.status()).toBe(200);
  const { rows } = (await res.json()) as { rows: ContactRow[] };
  let fallback: Invitable | null = null;
  for (const contact of rows) {
    if (contact.email === null || /clarke/i.test(contact.pupilName)) continue;
    const pupil = await lead.request.get(`${api}/pupils/${contact.pupilId}`);
    if (pupil.status() !== 200) continue;
    const body = (await pupil.json()) as { view: string; level?: { code: string | null } };
    if (body.view !== 'case' || body.level === undefined) continue;
    const level = body.level.code;
    if (level !== null && IN_PERSON_LEVELS.includes(level)) continue;
    if (!levelled || level !== null) return { contact, level };
    fallback ??= { contact, level };
  }
  if (fallback !== null) return fallback;
  return expect.fail('no parent or carer who can be invited, with a child whose level the portal shows');
}

async function parentJourney(viewport: Viewport): Promise<void> {
  const suffix = randomBytes(3).toString('hex');
  const password = `lantern meadow quartz ${suffix}`;

  // --- The lead opens "Parents and carers" and invites a contact.
  const lead = await newPage(viewport);
  await signIn(lead, SMHL);
  const schoolPath = new URL(lead.url()).pathname;
  const { contact, level } = await findInvitable(lead, schoolPath, viewport === 'phone');
  const email = contact.email ?? '';
  await openFromNav(lead, 'Parents and carers', 'Parents and carers');
  await lead.getByRole('heading', { level: 2, name: /^[\d,]+ parents? (and|or) carers?$/ }).waitFor();
  await check(lead, 'lead-families');

  // By the child's surname: the search matches one name at a time, not "given family" together.
  const surname = contact.pupilName.split(' ').slice(-1)[0] ?? contact.pupilName;
  const find = lead.getByRole('form', { name: 'Find parents and carers' });
  await find.getByLabel('Search by name').fill(surname);
  await find.getByRole('button', { name: 'Search', exact: true }).click();
  await lead.waitForURL((url) => url.searchParams.get('q') === surname);
  const card = lead
    .getByRole('listitem')
    .filter({ has: lead.getByRole('heading', { level: 3, name: contact.name, exact: true }) })
    .filter({ hasText: email });
  await card.getByText('Not invited', { exact: true }).waitFor();
  await check(lead, 'lead-families-search');
  await card.getByRole('button', { name: /^Invite\b/ }).click();
  await lead.getByText(`${contact.name} is invited`).waitFor();
  await card.getByText('Invited', { exact: true }).waitFor();
  await check(lead, 'lead-families-invited');

  // --- The invitation e-mail, and its link to set a password.
  const mail = await waitForMail(email, { subject: /has invited you to Tandem/ });
  // It names the school and the parent, never the child.
  expect(mail.text).not.toContain(contact.pupilName);
  const link = linksIn(mail).find((l) => l.startsWith(`${baseUrl()}/`) && l.includes('token='));
  expect(link, `a set-password link in the invitation:\n${mail.text}`).toBeDefined();

  // --- The parent, in their own browser, sets a password and signs in.
  const parent = await newPage(viewport);
  await parent.goto(link!);
  await parent.getByRole('heading', { level: 1, name: 'Set up your account' }).waitFor();
  await check(parent, 'parent-set-password');
  await parent.getByLabel('New password', { exact: true }).fill(password);
  await parent.getByLabel('Enter the new password again').fill(password);
  await parent.getByRole('button', { name: 'Set up my account' }).click();
  await parent.waitForURL(/\/sign-in/);
  await parent.getByText('Your account is ready.').waitFor();
  await check(parent, 'parent-sign-in');
  await fillSignIn(parent, email, password);
  await parent.waitForURL((url) => url.pathname === '/family');
  await parent.getByRole('heading', { level: 1, name: 'Your children' }).waitFor();
  await check(parent, 'parent-home');

  // --- Their child's page: the level in plain words, and what they can do at home.
  const children = parent.getByRole('list', { name: 'Your children' });
  expect(await children.getByRole('link').count()).toBe(1);
  await children.getByRole('link').first().click();
  await parent.waitForURL((url) => url.pathname === `/family${schoolPath}/children/${contact.pupilId}`);
  const title = parent.getByRole('heading', { level: 1 });
  await parent.getByRole('link', { name: 'Tell the school about something at home' }).waitFor();
  const childName = ((await title.textContent()) ?? '').trim();
  expect(childName).not.toBe('');
  const first = childName.split(' ')[0] ?? childName;
  const doing = parent.getByRole('region', { name: `How ${first} is doing` });
  await doing.waitFor();
  await doing.getByText(level ?? 'Thriving', { exact: true }).waitFor();
  // On a level, since when (Thriving has no date).
  if (level !== null) await doing.getByText(/^Since \d{1,2} \w{3} \d{4}\.$/).waitFor();
  // A sentence in plain words about the level (the letter's parent summary).
  const summary = ((await doing.locator('p.lead').textContent()) ?? '').trim();
  expect(summary.length, 'the level in plain words').toBeGreaterThan(20);
  await doing.getByRole('heading', { level: 3, name: 'What you can do at home' }).waitFor();
  const homeList = doing.getByRole('list').first();
  expect(await homeList.getByRole('listitem').count(), 'things to do at home').toBeGreaterThan(0);
  await doing.getByRole('heading', { level: 3, name: 'What school is doing' }).waitFor();
  await parent
    .getByRole('region', { name: 'What you sent the school' })
    .getByText(/have not sent/)
    .waitFor();
  await check(parent, 'parent-child');

  // --- They tell the school about something at home.
  const difficulty = `${first} has not been sleeping well since our dog died last week (${suffix}).`;
  await parent.getByRole('link', { name: 'Tell the school about something at home' }).click();
  await parent.getByRole('heading', { level: 1, name: 'Tell the school about something at home' }).waitFor();
  await check(parent, 'parent-tell');
  await parent.getByLabel('What would you like the school to know?').fill(difficulty);
  await parent.getByRole('button', { name: 'Send to the school' }).click();
  const received = parent.getByRole('status').filter({ hasText: 'We have received this' });
  await received.waitFor();
  await check(parent, 'parent-tell-received');
  await received.getByRole('link', { name: `Back to ${first}` }).click();
  const sent = parent.getByRole('region', { name: 'What you sent the school' });
  const message = sent.getByRole('listitem').filter({ hasText: difficulty });
  await message.getByText('Received', { exact: true }).waitFor();
  await message.getByText('Not read yet.').waitFor();
  await check(parent, 'parent-child-sent');

  // --- The lead's concerns queue has it, marked as from a parent or carer.
  await openFromNav(lead, 'Concerns', 'Concerns');
  await lead.getByRole('heading', { level: 2, name: 'Mental Health Lead queue' }).waitFor();
  const pupilLink = lead.getByRole('link', { name: new RegExp(`^${escapeRegExp(contact.pupilName)}\\s*, concern`) });
  const row = lead.getByRole('row').filter({ has: pupilLink }).first();
  await row.getByText(FROM_A_PARENT, { exact: true }).waitFor();
  await check(lead, 'lead-queue');

  // She opens it: the parent's words, marked as from a parent; acknowledging it marks it read.
  await row.getByRole('link').first().click();
  await lead.getByRole('heading', { level: 1, name: `Concern about ${contact.pupilName}` }).waitFor();
  await lead.getByText(FROM_A_PARENT, { exact: true }).first().waitFor();
  await lead.getByText(difficulty).first().waitFor();
  await check(lead, 'lead-concern');
  await lead.getByRole('button', { name: 'Acknowledge', exact: true }).click();
  await lead.getByRole('alert').getByText('Concern acknowledged').waitFor();

  // --- The parent sees that the school has read it.
  await parent.reload();
  await message.getByText('Read', { exact: true }).waitFor();
  await message.getByText(/Read on \d/).waitFor();
  await check(parent, 'parent-child-read');
  await signOut(parent);
}

describe('the parent and carer portal', () => {
  test(
    'at 360 px: the lead invites a parent, who sets a password, sees the level and home list, and tells the school',
    { timeout: 240_000 },
    async () => {
      await parentJourney('phone');
    },
  );

  test(
    'at desktop width: the lead invites a parent, who sets a password, sees the level and home list, and tells the school',
    { timeout: 240_000 },
    async () => {
      await parentJourney('desktop');
    },
  );

  test(
    'at 360 px: the demo parent sees what the school shares, the partnership, services and settings',
    { timeout: 120_000 },
    async () => {
      const [child] = PARENT.children as [string];
      const first = child.split(' ')[0] ?? child;
      const parent = await newPage('phone');
      await signInToPortal(parent, PARENT.email, undefined, '/family', 'Your children');
      await parent.getByRole('list', { name: 'Your children' }).getByRole('link', { name: child }).click();
      await parent.getByRole('heading', { level: 1, name: child }).waitFor();
      // The demo shares a level, an agreed plan's home parts, a meeting, a place and a waiting position.
      await parent
        .getByRole('region', { name: `How ${first} is doing` })
        .getByText('What you can do at home')
        .waitFor();
      await parent.getByRole('region', { name: 'Plans you agreed with the school' }).waitFor();
      await parent.getByRole('region', { name: 'Meetings' }).getByText('Next steps').first().waitFor();
      const support = parent.getByRole('region', { name: 'Support in school' });
      await support.getByText('Taking part').first().waitFor();
      await support.getByText('On the waiting list').first().waitFor();
      await check(parent, 'demo-parent-child');

      await parent.getByRole('link', { name: 'Ask for support in school' }).click();
      await parent.getByRole('heading', { level: 1, name: 'Ask for support in school' }).waitFor();
      await check(parent, 'demo-parent-ask');
      await parent.getByRole('link', { name: `Back to ${first}` }).click();
      await parent.getByRole('heading', { level: 1, name: child }).waitFor();

      for (const [link, heading, name] of [
        [/^How .+ and home work together$/, 'How school and home work together', 'demo-parent-partnership'],
        [/^Services that can help: /, 'Services that can help', 'demo-parent-services'],
        ['Your settings', 'Your settings', 'demo-parent-settings'],
      ] as const) {
        await parent.goto('/family');
        await parent.getByRole('heading', { level: 1, name: 'Your children' }).waitFor();
        await parent.getByRole('link', { name: link }).first().click();
        await parent.getByRole('heading', { level: 1, name: heading }).waitFor();
        await check(parent, name);
      }
    },
  );

  test('at 360 px: a parent with a child in each school switches between them', { timeout: 120_000 }, async () => {
    const [zara, adam] = SECOND_PARENT.children as [string, string];
    const parent = await newPage('phone');
    await signInToPortal(parent, SECOND_PARENT.email, undefined, '/family', 'Your children');
    const children = parent.getByRole('list', { name: 'Your children' });
    await children.getByRole('link', { name: zara }).waitFor();
    await children.getByRole('link', { name: adam }).waitFor();
    await check(parent, 'second-parent-home');

    await children.getByRole('link', { name: zara }).click();
    await parent.getByRole('heading', { level: 1, name: zara }).waitFor();
    const switcher = parent.getByRole('navigation', { name: 'Your children' });
    await switcher.getByRole('link', { name: /Zara \(shown now\)/ }).waitFor();
    await check(parent, 'second-parent-child-1');

    await switcher.getByRole('link', { name: /^Adam/ }).click();
    await parent.getByRole('heading', { level: 1, name: adam }).waitFor();
    await switcher.getByRole('link', { name: /Adam \(shown now\)/ }).waitFor();
    await parent
      .getByRole('main')
      .getByText(/^Willow Brook Primary School, Year/)
      .waitFor();
    await check(parent, 'second-parent-child-2');
  });
});

describe('the pupil portal', () => {
  test(
    'at 360 px: the lead makes a set-up code for a pupil, who sets up an account with it and signs in',
    { timeout: 180_000 },
    async () => {
      const suffix = randomBytes(3).toString('hex');
      const password = `pebble rocket willow ${suffix}`;

      // --- The lead makes a code for one pupil in Year 8, on a printable sheet (a PDF).
      const lead = await newPage('phone');
      await signIn(lead, SMHL);
      await openFromNav(lead, 'Pupil accounts', 'Pupil accounts');
      await lead.getByRole('form', { name: 'Show one year group' }).getByLabel('Show pupils in').selectOption({
        label: 'Year 8',
      });
      await lead.getByRole('button', { name: 'Show', exact: true }).click();
      await lead.waitForURL((url) => url.searchParams.get('yearGroup') === '8');
      await lead.getByRole('heading', { level: 2, name: 'Pupils in Year 8' }).waitFor();
      const card = lead
        .getByRole('list', { name: 'Pupils in Year 8' })
        .getByRole('listitem')
        .filter({ hasText: 'No account' })
        .first();
      const name = ((await card.getByRole('heading', { level: 3 }).textContent()) ?? '').trim();
      expect(name).not.toBe('');
      const firstName = name.split(' ')[0] ?? name;
      await check(lead, 'lead-pupil-accounts');
      await card.getByRole('checkbox', { name: `Make a set-up code for ${name}` }).check();
      const [download] = await Promise.all([
        lead.waitForEvent('download'),
        lead.getByRole('button', { name: 'Make set-up codes for 1 ticked pupil' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      await lead.getByText('Set-up codes made for 1 pupil').waitFor();
      const sheet = pageTexts(fs.readFileSync(await download.path())).join(' ');
      expect(sheet).toContain(name);
      const code = /\b([A-Z0-9]{5}-[A-Z0-9]{5})\b/.exec(sheet)?.[1];
      expect(code, `a set-up code on the sheet:\n${sheet}`).toBeDefined();
      const row = lead.getByRole('list', { name: 'Pupils in Year 8' }).getByRole('listitem').filter({ hasText: name });
      await row.getByText('Set-up code given', { exact: true }).waitFor();
      await check(lead, 'lead-pupil-accounts-code-given');

      // --- The pupil, on a phone, types the code, chooses a password and signs in.
      const pupil = await newPage('phone');
      await openSignIn(pupil);
      await pupil.getByRole('link', { name: 'Pupil with a set-up code? Set up your account' }).click();
      await pupil.getByRole('heading', { level: 1, name: 'Set up your account' }).waitFor();
      await check(pupil, 'pupil-set-up-code');
      await pupil.getByLabel('Your set-up code').fill(code!.toLowerCase());
      await pupil.getByRole('button', { name: 'Next', exact: true }).click();
      await pupil.getByRole('heading', { level: 1, name: `Hello ${firstName}` }).waitFor();
      const signInName = (
        (await pupil.getByText('Your sign-in name is:').locator('xpath=following-sibling::*[1]').textContent()) ?? ''
      ).trim();
      expect(signInName, 'the sign-in name shown').toMatch(/\S+@\S+/);
      await check(pupil, 'pupil-set-up-password');
      await pupil.getByLabel('Choose a password').fill(password);
      await pupil.getByLabel('Type the password again').fill(password);
      await pupil.getByRole('button', { name: 'Set up my account' }).click();
      await pupil.waitForURL(/\/sign-in/);
      await pupil.getByText('Your account is ready.').waitFor();
      await fillSignIn(pupil, signInName, password);
      await pupil.waitForURL((url) => url.pathname === '/pupil');
      await pupil.getByRole('heading', { level: 1, name: `Hello ${firstName}` }).waitFor();
      await pupil.getByRole('link', { name: 'Help now', exact: true }).waitFor();
      await pupil.getByRole('form', { name: 'How are you feeling today?' }).waitFor();
      await check(pupil, 'new-pupil-home');

      // The code works once only.
      const again = await newPage('phone');
      await again.goto('/set-up');
      await again.getByLabel('Your set-up code').fill(code!);
      await again.getByRole('button', { name: 'Next', exact: true }).click();
      await again
        .getByText(/This code does not work|That code does not work/)
        .first()
        .waitFor();
    },
  );

  test(
    'at 360 px: a pupil finds Help now, checks in asking to talk, and her trusted adult acknowledges it',
    { timeout: 240_000 },
    async () => {
      const note = 'Fell out with my friends at lunch again and I sat on my own.';
      const adult = PUPIL.trustedAdult;

      // --- Olivia signs in: her page, with Help now at the top.
      const pupil = await newPage('phone');
      await openSignIn(pupil);
      await check(pupil, 'pupil-sign-in');
      await fillSignIn(pupil, PUPIL.email);
      await pupil.waitForURL((url) => url.pathname === '/pupil');
      await pupil.getByRole('heading', { level: 1, name: `Hello ${PUPIL.firstName}` }).waitFor();
      const helpNow = pupil.getByRole('link', { name: 'Help now', exact: true });
      await helpNow.waitFor();
      const box = await helpNow.boundingBox();
      expect(box, 'Help now is on screen without scrolling').not.toBeNull();
      expect(box!.y + box!.height).toBeLessThanOrEqual(740);
      expect(box!.height, 'Help now is a 44 px target').toBeGreaterThanOrEqual(44);
      await check(pupil, 'pupil-home');

      // --- Help now: who can help in school today, the free lines and 999.
      await helpNow.click();
      await pupil.waitForURL((url) => url.pathname === '/pupil/help');
      await pupil.getByRole('heading', { level: 1, name: 'Help now' }).waitFor();
      await pupil.getByRole('heading', { level: 2, name: 'Talk to someone in school today' }).waitFor();
      for (const [line, how, href] of [
        ['Childline', 'Call 0800 1111', 'tel:08001111'],
        ['Shout', 'Text SHOUT to 85258', 'sms:85258?body=SHOUT'],
        ['Samaritans', 'Call 116 123', 'tel:116123'],
      ] as const) {
        await pupil.getByText(line, { exact: true }).waitFor();
        expect(await pupil.getByRole('link', { name: how }).getAttribute('href')).toBe(href);
      }
      expect(await pupil.getByRole('link', { name: 'Call 999' }).getAttribute('href')).toBe('tel:999');
      await check(pupil, 'pupil-help');
      await pupil.getByRole('link', { name: 'Back to my page' }).click();
      await pupil.getByRole('heading', { level: 1, name: `Hello ${PUPIL.firstName}` }).waitFor();

      // --- Questions waiting for her (one per screen), with Help now there too; she leaves them for later.
      const questions = pupil.getByRole('region', { name: 'Questions for you' });
      const questionnaire = ((await questions.getByRole('heading', { level: 3 }).first().textContent()) ?? '').trim();
      expect(questionnaire).not.toBe('');
      await questions
        .getByRole('listitem')
        .filter({ hasText: questionnaire })
        .getByRole('link', { name: /^(Start|Carry on)\b/ })
        .click();
      await pupil.waitForURL(/\/pupil\/questionnaires\/[0-9a-f-]{36}$/);
      await pupil.getByRole('heading', { level: 1 }).first().waitFor();
      await helpNow.waitFor();
      await check(pupil, 'pupil-questionnaire');
      await pupil.getByRole('link', { name: 'Back to my page' }).click();
      await pupil.getByRole('heading', { level: 1, name: `Hello ${PUPIL.firstName}` }).waitFor();

      // --- The check-in: a face, a note, and "I would like to talk to someone".
      const form = pupil.getByRole('form', { name: 'How are you feeling today?' });
      await form.getByRole('radio', { name: 'Not good' }).check();
      await form.getByLabel('Do you want to say more?').fill(note);
      await form.getByRole('checkbox', { name: 'I would like to talk to someone' }).check();
      await form.getByText(`We will tell ${adult.name}.`).waitFor();
      await check(pupil, 'pupil-checkin');
      await form.getByRole('button', { name: 'Send', exact: true }).click();
      const thanks = pupil.getByRole('status').filter({ hasText: 'Thank you for checking in' });
      await thanks.waitFor();
      await thanks.getByText(`We have told ${adult.name} that you would like to talk.`).waitFor();
      const checkins = pupil.getByRole('region', { name: 'Your check-ins' });
      const newest = checkins.getByRole('listitem').first();
      await newest.getByText(note).waitFor();
      await newest.getByText('Not read yet.').waitFor();
      await helpNow.waitFor();
      await check(pupil, 'pupil-checkin-sent');

      // --- Her trusted adult: the request comes first on her home page.
      const staff = await newPage('phone');
      await signIn(staff, adult);
      const talk = staff.getByRole('region', { name: /^Pupils who’d like to talk/ });
      await talk.getByRole('link', { name: PUPIL.name }).waitFor();
      expect(await staff.locator('main section').first().getAttribute('id')).toBe('talk-requests');
      await check(staff, 'adult-home');

      await talk.getByRole('link', { name: PUPIL.name }).click();
      await staff.getByRole('heading', { level: 1, name: 'Pupils who’d like to talk' }).waitFor();
      const waiting = staff.getByRole('region', { name: /^Waiting/ });
      const request = waiting.getByRole('listitem').filter({ hasText: note });
      await request.getByRole('link', { name: PUPIL.name }).waitFor();
      await request.getByText('Not good').waitFor();
      await check(staff, 'adult-talk-requests');
      await request.getByRole('button', { name: /^I’ve seen this/ }).click();
      await staff.getByText(`Thank you. ${PUPIL.name} will see that you have read it.`).waitFor();
      const seen = staff.getByRole('region', { name: 'Seen in the last 14 days' });
      await seen.getByRole('listitem').filter({ hasText: note }).getByText(adult.name, { exact: false }).waitFor();
      await check(staff, 'adult-talk-acknowledged');

      // Her home page no longer lists Olivia as waiting.
      await staff.goto(`${baseUrl()}${new URL(staff.url()).pathname.replace(/\/talk-requests$/, '')}`);
      await staff.getByRole('heading', { level: 1, name: new RegExp(`\\b${adult.greetingName}\\b`) }).waitFor();
      expect(await staff.getByRole('region', { name: /^Pupils who’d like to talk/ }).count()).toBe(0);

      // --- Olivia sees that it has been read, and that she has checked in today.
      await pupil.reload();
      await pupil.getByRole('heading', { level: 1, name: `Hello ${PUPIL.firstName}` }).waitFor();
      await pupil.getByText('You have checked in today. You can check in again tomorrow.').waitFor();
      const newestAgain = pupil.getByRole('region', { name: 'Your check-ins' }).getByRole('listitem').first();
      await newestAgain.getByText(note).waitFor();
      await newestAgain.getByText(/^Read on \d/).waitFor();
      await check(pupil, 'pupil-checkin-read');

      // --- The lead sees every request, and the check-ins on the pupil's record, with her trusted adult.
      const lead = await newPage('phone');
      await signIn(lead, SMHL);
      await openFromNav(lead, 'Pupils asking to talk', 'Pupils who’d like to talk');
      const leadSeen = lead
        .getByRole('region', { name: 'Seen in the last 14 days' })
        .getByRole('listitem')
        .filter({ hasText: note });
      // Whom it went to, and who saw it and when.
      await leadSeen.getByText(adult.name, { exact: true }).waitFor();
      await leadSeen.getByText(new RegExp(`^${escapeRegExp(adult.name)}, \\d`)).waitFor();
      await check(lead, 'lead-talk-requests');
      await leadSeen.getByRole('link', { name: PUPIL.name }).click();
      await lead.getByRole('heading', { level: 1, name: PUPIL.name }).waitFor();
      await lead.getByRole('region', { name: 'Trusted adult' }).getByText(adult.name).first().waitFor();
      const staffCheckins = lead.getByRole('region', { name: 'Check-ins' });
      const latest = staffCheckins.getByRole('listitem').first();
      await latest.getByText(note).waitFor();
      await latest.getByText('Asked to talk', { exact: true }).waitFor();
      await latest.getByText(new RegExp(`^Seen by ${escapeRegExp(adult.name)},`)).waitFor();
      await check(lead, 'lead-pupil-checkins');
    },
  );
});
