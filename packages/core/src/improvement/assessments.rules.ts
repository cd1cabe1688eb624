/** The self-assessment's pure rules: an area's rating and its counts. */
import { RATINGS, RATING_SCORE, type Rating } from './improvement.values';

/**
 * An area's rating: the median of its rated statements, rounded down (of two middle ratings, the
 * point halfway between them, rounded down), or null while none is rated.
 */
export function areaRating(ratings: readonly (Rating | null)[]): Rating | null {
  const scores = ratings
    .filter((r): r is Rating => r !== null)
    .map((r) => RATING_SCORE[r])
    .sort((a, b) => a - b);
  if (scores.length === 0) return null;
  const mid = Math.floor(scores.length / 2);
  const median = scores.length % 2 === 1 ? scores[mid]! : Math.floor((scores[mid - 1]! + scores[mid]!) / 2);
  return RATINGS[median] ?? null;
}

/** How many statements hold each rating, and how many are not rated yet. */
export function ratingCounts(ratings: readonly (Rating | null)[]): Record<Rating, number> & { unrated: number } {
  const counts = { not_in_place: 0, emerging: 0, established: 0, embedded: 0, unrated: 0 };
  for (const r of ratings) counts[r ?? 'unrated'] += 1;
  return counts;
}

/** The words for how far an assessment has got, e.g. "31 of 48 statements rated". */
export function ratedProgress(rated: number, total: number): string {
  return `${String(rated)} of ${String(total)} statements rated`;
}
