/**
 * The partnership statement a school starts with: the questions parents ask and the school's honest
 * answers about what it can and cannot offer (seed 000, "School and Home Mental Health
 * Partnership"), in plain words. Each school edits its own.
 */
import type { PartnershipStatement } from './family.schemas';

export const DEFAULT_PARTNERSHIP: PartnershipStatement = {
  intro:
    'We take the mental health of our pupils seriously. We work with parents, carers and health services to give children the support they need. We want to be open with you about what we can and cannot do in school.',
  questions: [
    {
      question: 'Can school give my child one-to-one supervision?',
      answer: 'No. We do not have the staff to do this.',
    },
    {
      question: 'Can school watch my child all through the day?',
      answer: 'We can offer safe spaces, but we cannot watch any child all of the time.',
    },
    {
      question: 'Can school teach my child at home or somewhere else?',
      answer: 'No. We do not have the staff for home teaching. We teach children in school.',
    },
    {
      question: 'Can my child’s time off school be allowed?',
      answer:
        'We cannot accept days off without a reason. If you give us medical evidence, we may be able to allow some time off. For a child who is very unwell, we can plan a shorter or different timetable for a while.',
    },
    {
      question: 'Can school make allowances for poor behaviour?',
      answer:
        'We have a policy on reasonable changes. We use it when we work with you, and we decide when it applies. Clear rules help children’s mental health, and we must keep other pupils and staff safe too.',
    },
    {
      question: 'What happens if my child takes an overdose?',
      answer: 'When the hospital tells us, we write a crisis plan with you and agree it with you.',
    },
  ],
  homeCommitments: [
    'School staff are not doctors or nurses, but they do understand mental health in school.',
    'School cannot be the only one responsible for a child’s mental health. We can only help with it.',
    'We need to work together: please tell us when things change at home.',
  ],
};
