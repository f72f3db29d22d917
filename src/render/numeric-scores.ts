/**
 * thymia's Emotions results are an open object (no documented keys), so the
 * chart is built from whatever numbers it holds: plain numbers, `{ value }`
 * objects (thymia's usual score shape), nested groups and arrays.
 */
export interface NumericScore {
  /** Keys from the results root to the number; array items as 1-based positions. */
  readonly path: readonly string[];
  readonly value: number;
}

const MAX_DEPTH = 4;

export function numericScores(results: unknown, limit = 40): NumericScore[] {
  const scores: NumericScore[] = [];
  const visit = (value: unknown, path: string[], depth: number): void => {
    if (scores.length >= limit) return;
    if (typeof value === 'number') {
      if (Number.isFinite(value) && path.length) scores.push({ path, value });
      return;
    }
    if (typeof value !== 'object' || value === null || depth >= MAX_DEPTH) return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...path, String(index + 1)], depth + 1));
      return;
    }
    const entries = Object.entries(value);
    // `{ value: 0.4 }` is one score named by its parent, not a group with a "value" member.
    const single = entries.filter(([key]) => key === 'value');
    if (single.length === 1 && typeof single[0][1] === 'number' && path.length) {
      visit(single[0][1], path, depth + 1);
      return;
    }
    for (const [key, item] of entries) visit(item, [...path, key], depth + 1);
  };
  visit(results, [], 0);
  return scores;
}
