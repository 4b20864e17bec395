// "Why A beats B" in plain words, from the difference of the two sites' per-criterion contributions.
// Shared by the compare panel and the report, so both explain a win in the same words.
export interface Contender {
  name: string;
  score: number;
  contributions: Readonly<Record<string, number>>;
}

export function explainWin(a: Contender, b: Contender, names: ReadonlyMap<string, string>, top = 3): string {
  const [winner, loser] = a.score >= b.score ? [a, b] : [b, a];
  const ids = new Set([...Object.keys(winner.contributions), ...Object.keys(loser.contributions)]);
  const diffs = [...ids]
    .map((id) => ({ id, delta: (winner.contributions[id] ?? 0) - (loser.contributions[id] ?? 0) }))
    .filter((d) => Math.abs(d.delta) > 1e-9);
  const label = (id: string): string => names.get(id) ?? id;
  const gains = diffs
    .filter((d) => d.delta > 0)
    .sort((x, y) => y.delta - x.delta)
    .slice(0, top);
  const losses = diffs
    .filter((d) => d.delta < 0)
    .sort((x, y) => x.delta - y.delta)
    .slice(0, top);
  const margin = winner.score - loser.score;
  if (margin < 1e-9 && gains.length === 0) return `${winner.name} and ${loser.name} score the same on every criterion.`;
  const parts = [`${winner.name} beats ${loser.name} by ${margin.toFixed(3)}`];
  if (gains.length > 0) {
    parts.push(`it gains ${gains.map((g) => `${g.delta.toFixed(3)} on ${label(g.id)}`).join(', ')}`);
  }
  let text = parts.join(': ');
  if (losses.length > 0) {
    text += `; ${loser.name} does better on ${losses.map((l) => `${label(l.id)} (+${(-l.delta).toFixed(3)})`).join(', ')}`;
  }
  return `${text}.`;
}
