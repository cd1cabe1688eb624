/**
 * The survey's results from the database's sums, through the one small-number rule
 * (privacy/small-numbers.ts): which groups may be shown is decided once, from how many of each
 * group answered, and every figure of a hidden group is hidden with it.
 */
import { MIN_GROUP_SIZE, suppressCounts } from '../privacy/small-numbers';
import type { DifferenceFigure, HiddenReason, StatFigure, SurveyResults } from './staff-survey.schemas';
import type { StaffGroup, SurveyStatement } from './staff-survey.values';

/** Sums of one statement's answers in one group (or all groups): no answer leaves the database. */
export interface AnswerSums {
  key: string;
  /** null for everyone who answered. */
  group: StaffGroup | null;
  n: number;
  agree: number;
  sum: number;
}

export interface ResultsInput {
  surveyId: string;
  title: string;
  statements: readonly SurveyStatement[];
  participation: readonly { group: StaffGroup; invited: number; responded: number }[];
  /** Sums per statement for each group of at least five and for everyone (if at least five). */
  sums: readonly AnswerSums[];
  previous: { id: string; title: string; results: SurveyResults } | null;
  freeTextCount: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const pct = (agree: number, n: number) => (agree / n) * 100;
const hide = (reason: HiddenReason) => ({ shown: false as const, reason });

function change(now: StatFigure, before: StatFigure | undefined): DifferenceFigure | null {
  if (!before) return null;
  if (!now.shown) return hide(now.reason);
  if (!before.shown) return hide(before.reason);
  return {
    shown: true,
    agreePoints: Math.round(now.agreePercent - before.agreePercent),
    mean: round1(now.mean - before.mean),
  };
}

/** The results as shown: suppressed, with group-against-rest differences and the change since last time. */
export function buildSurveyResults(input: ResultsInput): SurveyResults {
  const groups = input.participation.map((p) => p.group);
  const responded = new Map(input.participation.map((p) => [p.group, p.responded]));
  const counts = suppressCounts(
    input.participation.map((p) => ({ key: p.group, count: p.responded })),
    [{ key: 'all', cells: groups }],
  );
  const total = input.participation.reduce((a, p) => a + p.responded, 0);
  const overallShown = counts.totals.all?.shown === true && total >= MIN_GROUP_SIZE;
  const groupReason = (g: StaffGroup): HiddenReason | null => {
    const c = counts.cells[g];
    if (!c.shown) return c.reason;
    return c.count === 0 ? 'no_responses' : null;
  };
  const sumOf = (key: string, g: StaffGroup | null) => input.sums.find((s) => s.key === key && s.group === g);
  const stat = (s: AnswerSums | undefined): StatFigure =>
    s && s.n >= MIN_GROUP_SIZE
      ? { shown: true, agreePercent: Math.round(pct(s.agree, s.n)), mean: round1(s.sum / s.n) }
      : hide('small');

  const statements = input.statements.map((st) => {
    const all = sumOf(st.key, null);
    const overall: StatFigure = overallShown ? stat(all) : hide(total === 0 ? 'no_responses' : 'small');
    const before = input.previous?.results.statements.find((p) => p.key === st.key);
    return {
      key: st.key,
      text: st.text,
      overall,
      overallChange: before ? change(overall, before.overall) : null,
      groups: groups.map((g) => {
        const reason = groupReason(g);
        const mine = sumOf(st.key, g);
        const gStat: StatFigure = reason ? hide(reason) : stat(mine);
        let vsRest: DifferenceFigure;
        const restN = total - (responded.get(g) ?? 0);
        // The others who answered, by group: if they are one hidden group, the difference would give it away.
        const restGroups = groups.filter((o) => o !== g && (responded.get(o) ?? 0) > 0);
        if (!gStat.shown) vsRest = hide(gStat.reason);
        else if (!overallShown || !all || !mine) vsRest = hide('small');
        else if (restN < MIN_GROUP_SIZE) vsRest = hide('rest_small');
        else if (restGroups.length === 1 && restGroups[0] && groupReason(restGroups[0]) !== null)
          vsRest = hide('complementary');
        else {
          vsRest = {
            shown: true,
            agreePoints: Math.round(pct(mine.agree, mine.n) - pct(all.agree - mine.agree, restN)),
            mean: round1(mine.sum / mine.n - (all.sum - mine.sum) / restN),
          };
        }
        const beforeGroup = before?.groups.find((b) => b.group === g);
        return { group: g, stat: gStat, vsRest, change: beforeGroup ? change(gStat, beforeGroup.stat) : null };
      }),
    };
  });

  return {
    surveyId: input.surveyId,
    title: input.title,
    minGroupSize: MIN_GROUP_SIZE,
    participation: {
      overall: {
        invited: input.participation.reduce((a, p) => a + p.invited, 0),
        responded: overallShown || total === 0 ? { shown: true, value: total } : hide('small'),
      },
      groups: input.participation.map((p) => {
        const c = counts.cells[p.group];
        return {
          group: p.group,
          invited: p.invited,
          responded: c.shown ? { shown: true, value: c.count } : hide(c.reason),
        };
      }),
    },
    statements,
    previous: input.previous ? { id: input.previous.id, title: input.previous.title } : null,
    freeTextAvailable: overallShown && input.freeTextCount > 0,
  };
}
