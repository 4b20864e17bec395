// What two presets do to the ranking: both rank the sites for the scenario on screen (its profile,
// date, legality question and coverage settings), each with its own weights, method, normalisation
// and constraints, through score.run — the engine's ranks, ties and exclusions — and each site's move
// from A to B (shared/rank-moves.ts). The top of either ranking first; the rest on request.
import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { moveText, moveWords, rankChanges, type SiteRankChange } from '../../../shared/rank-moves';
import { rankLabel } from '../../../shared/score-words';
import { useApp, useServices } from '../context';
import { coverageChoice, legalityChoice } from '../store';
import { legalitySummary } from '../scenario/LegalityQuestion';
import { toProblem, type Problem } from './presets-actions';
import { ProblemNote } from './presets-problem';

/** Rows shown at first: the sites within this rank under either preset (and every move in or out). */
export const TOP_RANKS = 10;

const inTop = (c: SiteRankChange): boolean =>
  (c.a.rank !== null && c.a.rank <= TOP_RANKS) || (c.b.rank !== null && c.b.rank <= TOP_RANKS);

/** "Under B, 12 sites rank higher, 9 lower and 54 the same; 2 newly ranked, 1 excluded." */
export function changesSummary(changes: readonly SiteRankChange[]): string {
  const count = (kind: SiteRankChange['move']['kind']): number => changes.filter((c) => c.move.kind === kind).length;
  const sites = (n: number): string => `${n} site${n === 1 ? '' : 's'}`;
  const [up, down, same, fresh, out] = [count('up'), count('down'), count('same'), count('new'), count('excluded')];
  if (up + down + fresh + out === 0) return 'Under B every site keeps its rank.';
  const extra = [fresh > 0 ? `${sites(fresh)} newly ranked` : '', out > 0 ? `${sites(out)} excluded` : ''].filter(
    (t) => t !== '',
  );
  return `Under B, ${sites(up)} rank higher, ${down} lower and ${same} the same${extra.length > 0 ? `; ${extra.join(', ')}` : ''}.`;
}

/** Both rankings' comparison, or why there is none, for the request (presets and context) it answers. */
interface Answer {
  request: string;
  changes: SiteRankChange[] | null;
  problem: Problem | null;
}

export function PresetRankChanges({ a, b }: { a: string; b: string }): ReactNode {
  const { client } = useServices();
  const id = useId();
  const scenario = useApp((s) => s.scenario);
  const profiles = useApp((s) => s.choices.profiles);
  const [all, setAll] = useState(false);
  const { profileId, asOf, workload, legalityMode, confidenceFloor, minCoverage, thinData } = scenario;
  // The scenario's context, not its weight, method or constraint overrides: each preset scores as saved.
  const context = useMemo(
    () => ({
      ...(profileId ? { profileId } : {}),
      asOf,
      ...legalityChoice({ workload, legalityMode, confidenceFloor }),
      ...coverageChoice({ minCoverage, thinData }),
    }),
    [profileId, asOf, workload, legalityMode, confidenceFloor, minCoverage, thinData],
  );
  // The answer for the request it answers: an older one (presets or scenario changed since) is not shown.
  const request = JSON.stringify([a, b, context]);
  const [answer, setAnswer] = useState<Answer | null>(null);

  useEffect(() => {
    let current = true;
    const done = (got: Omit<Answer, 'request'>): void => {
      if (current) setAnswer({ request, ...got });
    };
    Promise.all([
      client.call('score.run', { presetId: a, ...context }),
      client.call('score.run', { presetId: b, ...context }),
    ]).then(
      ([ra, rb]) => done({ changes: rankChanges(ra.results, rb.results), problem: null }),
      (e: unknown) => done({ changes: null, problem: toProblem(e) }),
    );
    return () => {
      current = false;
    };
  }, [client, a, b, context, request]);

  const fresh = answer?.request === request ? answer : null;
  const changes = fresh?.changes ?? null;
  const problem = fresh?.problem ?? null;
  const profile = profiles.find((p) => p.id === profileId)?.name ?? 'no company profile';
  const shown = changes === null ? [] : all ? changes : changes.filter(inTop);
  return (
    <section className="presets-ranks" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>What B does to the ranking</h3>
      <p className="muted">
        Both presets rank the sites for {profile} on {asOf} (
        {legalitySummary({ workload, legalityMode, confidenceFloor })}
        ), each with its own weights, method and constraints; weight changes not saved in a preset are left out.
      </p>
      {problem !== null && <ProblemNote problem={problem} />}
      {changes === null && problem === null && (
        <p className="muted" role="status">
          Ranking the sites under both presets…
        </p>
      )}
      {changes !== null && (
        <>
          <p className="presets-ranks-summary" role="status">
            {changesSummary(changes)}
          </p>
          <table className="presets-diff presets-ranks-table" aria-labelledby={`${id}-title`}>
            <thead>
              <tr>
                <th scope="col">Site</th>
                <th scope="col" className="num">
                  Rank under A
                </th>
                <th scope="col" className="num">
                  Rank under B
                </th>
                <th scope="col" className="num">
                  Change
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((c) => (
                <tr key={c.siteId} data-site={c.siteId}>
                  <th scope="row">{c.name}</th>
                  <td className="num">{rankLabel(c.a.rank, c.a.tied)}</td>
                  <td className="num">{rankLabel(c.b.rank, c.b.tied)}</td>
                  <td className={`num move-${c.move.kind}`}>
                    <span aria-hidden="true">{moveText(c.move)}</span>
                    <span className="sr-only">{moveWords(c.move)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {changes.length > shown.length || all ? (
            <button type="button" className="presets-ranks-more" onClick={() => setAll(!all)}>
              {all ? `Show the top ${TOP_RANKS} of either only` : `Show all ${changes.length} sites`}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}
