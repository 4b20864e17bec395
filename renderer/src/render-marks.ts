// User Timing marks for "the screen now shows a new score": the ranking and the map each mark when
// they have committed a new score.run result, and the first ranking on screen is marked once. The
// e2e perf script (tests/e2e/perf-workspace.e2e.ts) turns them into first-paint and drag-step
// latencies; a profiler shows them on its timeline. Bounded: only the latest marks of a name are kept.
const KEEP = 200;

/** Marks that `what` ('ranking' or 'markers') now shows the latest scores. */
export function markRendered(what: 'ranking' | 'markers'): void {
  const name = `landfall:${what}-rendered`;
  try {
    if (performance.getEntriesByName(name, 'mark').length >= KEEP) performance.clearMarks(name);
    performance.mark(name);
    if (what === 'ranking' && performance.getEntriesByName(FIRST_RANKING, 'mark').length === 0) {
      performance.mark(FIRST_RANKING);
    }
  } catch {
    // A runtime without User Timing still draws the workspace.
  }
}

/** The first time ranked rows are on screen, measured from navigation (performance.timeOrigin). */
export const FIRST_RANKING = 'landfall:first-ranking';
