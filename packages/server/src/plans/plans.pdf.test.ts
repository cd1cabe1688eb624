import { describe, expect, it } from 'vitest';
import { SECTION_INFO } from '@tandem/core';
import { pageTexts } from '../../test/pdf-text';
import { CONFIDENTIAL_MARK } from '../platform/pdf-layout';
import { planPdfFilename, renderPlanPdf, type PlanPdfInput } from './plans.pdf';

const PRINTED = new Date('2026-11-22T10:30:00Z');

function carePlan(overrides: Partial<PlanPdfInput> = {}): PlanPdfInput {
  return {
    schoolName: 'Kingsmead Academy',
    date: PRINTED,
    preparedBy: 'Sam Patel',
    view: 'case',
    pupil: { name: 'Olivia Clarke', dateOfBirth: '2013-03-17', yearGroup: 9, form: '9K' },
    plan: {
      kind: 'care',
      version: 2,
      status: 'agreed',
      reviewDue: '2026-12-28',
      leadName: 'Sam Patel',
      versionCreatedAt: '2026-11-15T15:40:00Z',
      versionCreatedBy: 'Sam Patel',
      versionReason: 'Updated after review: exit card added',
      isCurrent: true,
    },
    content: {
      sections: {
        condition: 'Olivia feels anxious about friendships and schoolwork, most of all before tests.',
        emergency: 'Stay calm, take Olivia to Student Services and phone her mother.',
        schoolProvides: 'A weekly check-in with Grace Lee (ELSA) on Tuesday mornings.',
        homeDoes: '',
      },
      adjustments: { keyPerson: 'Grace Lee (ELSA)', exitCard: 'May leave a lesson for five minutes.' },
      contacts: [{ name: 'Emma Clarke', relationship: 'Mother', phone: '07700 910004' }],
      safetyScale: null,
    },
    agreements: [
      { party: 'pupil', name: 'Olivia Clarke', relationship: '', how: 'in_person', agreedOn: '2026-11-16' },
      { party: 'parent', name: 'Emma Clarke', relationship: 'Mother', how: 'meeting', agreedOn: '2026-11-15' },
    ],
    reviews: [
      {
        reviewedOn: '2026-11-15',
        whatWasDone: 'Weekly ELSA check-ins since October.',
        whatChanged: 'Olivia is calmer in lessons; an exit card is added.',
        nextReviewOn: '2026-12-28',
        safetyScale: null,
      },
    ],
    ...overrides,
  };
}

describe('the printed plan', () => {
  it('prints a care plan (case view): title, pupil, version box, filled sections only, adjustments, contacts, agreements and reviews; confidential and numbered', async () => {
    const pdf = await renderPlanPdf(carePlan());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pageTexts(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    const text = pages.join(' ');
    expect(text).toContain('Individual Care Plan');
    expect(text).toContain('Olivia Clarke');
    expect(text).toContain('Born 17 March 2013');
    expect(text).toContain('Year 9, form 9K');
    expect(text).toContain('Version 2');
    expect(text).not.toContain('not the one in force');
    expect(text).toContain('Updated after review: exit card added');
    expect(text).toContain('28 Dec 2026');
    expect(text).toContain(SECTION_INFO.condition.label);
    expect(text).toContain(SECTION_INFO.schoolProvides.label);
    // Empty and unwritten sections are left out.
    expect(text).not.toContain(SECTION_INFO.homeDoes.label);
    expect(text).not.toContain(SECTION_INFO.medication.label);
    expect(text).toContain('Reasonable adjustments');
    expect(text).toContain('Exit card');
    expect(text).not.toContain('Safe space');
    expect(text).toContain('07700 910004');
    expect(text).toContain('Agreement to version 2');
    expect(text).toContain('At a meeting');
    expect(text).toContain('Reviewed on 15 Nov 2026');
    pages.forEach((page, i) => {
      expect(page).toContain(CONFIDENTIAL_MARK);
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
    });
  });

  it('the staff view has no agreements or reviews; a long plan runs over pages, each marked and numbered', async () => {
    const long = Array.from({ length: 60 }, (_, i) => `Step ${i + 1}: stay with the pupil and follow the plan.`).join(
      '\n',
    );
    const input = carePlan({ view: 'staff', agreements: [], reviews: [] });
    input.content.sections.requirements = long;
    const pages = pageTexts(await renderPlanPdf(input));
    expect(pages.length).toBeGreaterThan(1);
    const text = pages.join(' ');
    expect(text).toContain('Staff copy');
    expect(text).toContain('Step 60: stay with the pupil');
    expect(text).not.toContain('Agreement to version');
    expect(text).not.toContain('Reviews');
    pages.forEach((page, i) => {
      expect(page).toContain(CONFIDENTIAL_MARK);
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
    });
  });

  it('prints an earlier version of a Signs of Safety record with its rating; names the font cannot print keep their letters', async () => {
    const pdf = await renderPlanPdf({
      ...carePlan(),
      pupil: { name: 'Łucja Dương', dateOfBirth: '2014-01-19', yearGroup: 8, form: '8K' },
      plan: {
        kind: 'signs_of_safety',
        version: 1,
        status: 'agreed',
        reviewDue: '2026-11-01',
        leadName: 'Chris Okafor',
        versionCreatedAt: '2026-09-01T10:00:00Z',
        versionCreatedBy: 'Chris Okafor',
        versionReason: null,
        isCurrent: false,
      },
      content: {
        sections: {
          worries: 'Missing lessons and finding busy corridors hard.',
          workingWell: 'Close contact with home; enjoys art club.',
          needsToHappen: 'Weekly check-ins and early release from lessons.',
        },
        adjustments: {},
        contacts: [],
        safetyScale: 3,
      },
      agreements: [],
      reviews: [
        {
          reviewedOn: '2026-10-01',
          whatWasDone: 'Early release started.',
          whatChanged: 'Attending more lessons.',
          nextReviewOn: '2026-11-01',
          safetyScale: 5,
        },
      ],
    });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pageTexts(pdf).join(' ');
    expect(text).toContain('Signs of Safety');
    expect(text).toContain('Lucja Duong');
    expect(text).toContain(SECTION_INFO.worries.label);
    expect(text).toContain(SECTION_INFO.needsToHappen.label);
    // (The em dash between them is WinAnsi 0x97, which Node's decoder reads as Latin-1.)
    expect(text).toContain('Earlier version');
    expect(text).toContain('not the one in force');
    expect(text).toContain('Rated 3 out of 10');
    expect(text).toContain('safety scale 5 out of 10');
    expect(text).toContain('1 Nov 2026 (overdue)');
    expect(text).toContain('No agreement to this version is recorded yet.');
    expect(text).not.toContain('Emergency contacts');
    expect(text).not.toContain('Reasonable adjustments');
  });

  it('names the file in ASCII from the kind, pupil, version and UK date', () => {
    expect(planPdfFilename('care', 'Clarke', 'Olivia', 2, PRINTED)).toBe('care-plan-clarke-olivia-v2-2026-11-22.pdf');
    expect(planPdfFilename('signs_of_safety', 'Dương', 'Łucja', 1, new Date('2026-06-30T23:30:00Z'))).toBe(
      'signs-of-safety-duong-lucja-v1-2026-07-01.pdf',
    );
    expect(planPdfFilename('risk', "O'Brien-Smith", 'Zoë', 3, PRINTED)).toBe(
      'risk-assessment-o-brien-smith-zoe-v3-2026-11-22.pdf',
    );
    expect(planPdfFilename('crisis', '', '', 1, PRINTED)).toBe('crisis-plan-pupil-v1-2026-11-22.pdf');
  });
});
