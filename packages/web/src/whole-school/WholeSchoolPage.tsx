/**
 * The whole-school tools in one place: where the school stands (self-assessment) and what it will do
 * next (action plan), what helps (the resource library), how staff are (the wellbeing survey), and
 * what staff need (training, policies). Each card shows only to those who may use it.
 */
import { schoolCan, useSchool } from '../auth/session';
import { CardGrid, PageTitle, type CardItem } from '../components/Page';
import { NotFoundPage } from '../errors/ErrorPages';
import { actionPlanPage, policiesPage, resourcesPage, selfAssessmentPage, surveysPage, trainingPage } from './paths';

export function WholeSchoolPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  if (school === undefined || !schoolCan(school, 'staff.wholeSchool')) return <NotFoundPage />;
  const assesses = schoolCan(school, 'improvement.contribute') || schoolCan(school, 'improvement.lead');
  const cards: CardItem[] = [];
  if (assesses) {
    cards.push(
      {
        key: 'self-assessment',
        title: 'Self-assessment',
        to: selfAssessmentPage(school.id),
        description:
          'Rate how far the school has a whole school approach to mental health, with evidence. Repeat it each year to see progress.',
      },
      {
        key: 'action-plan',
        title: 'Action plan',
        to: actionPlanPage(school.id),
        description: 'What the school will do next, who owns each action and by when. Prints for governors.',
      },
    );
  }
  cards.push(
    {
      key: 'resources',
      title: 'Resource library',
      to: resourcesPage(school.id),
      description:
        'Guidance, training and support for each area of a whole school approach, from the trust and the school.',
    },
    {
      key: 'survey',
      title: 'Staff wellbeing survey',
      to: surveysPage(school.id),
      description: schoolCan(school, 'survey.manage')
        ? 'Ask staff how they are, anonymously, at least once a year, and read the results.'
        : 'Tell the school how you are. Your answers are anonymous.',
    },
    {
      key: 'training',
      title: 'Training',
      to: trainingPage(school.id),
      description: schoolCan(school, 'training.manage')
        ? 'Who has done which training, and who is due or overdue a renewal.'
        : 'Your training record: what you have done and when it needs renewing.',
    },
    {
      key: 'policies',
      title: 'Policies',
      to: policiesPage(school.id),
      description: 'The school’s policies, their review dates, and the ones you are asked to read.',
    },
  );
  return (
    <>
      <PageTitle caption={school.name}>Whole school</PageTitle>
      <p className="lead">
        Tools for the school&rsquo;s whole approach to mental health and wellbeing: assess, plan, do and review.
      </p>
      <CardGrid items={cards} label="Whole-school tools" />
    </>
  );
}
