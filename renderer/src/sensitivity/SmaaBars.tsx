// SMAA rank acceptability as stacked bars: for each site, the probability of each rank.
import type { ReactNode } from 'react';
import { SCORE_SCALE } from '../score-colors';

export interface SmaaSite {
  siteId: string;
  rankProbabilities: number[];
  pFirst: number;
}

/** Rank 1 gets the brightest colour; ranks beyond the scale share the darkest. */
function rankColor(rank: number): string {
  const scale = [...SCORE_SCALE].reverse();
  return scale[Math.min(scale.length - 1, rank)] ?? '#440154';
}

export function SmaaBars({
  sites,
  names,
  ranksShown = 5,
}: {
  sites: SmaaSite[];
  names: Map<string, string>;
  ranksShown?: number;
}): ReactNode {
  const top = [...sites].sort((a, b) => b.pFirst - a.pFirst).slice(0, 10);
  return (
    <div className="smaa" aria-label="Rank probabilities">
      {top.map((site) => (
        <div key={site.siteId} className="smaa-row">
          <span className="smaa-name">{names.get(site.siteId) ?? site.siteId}</span>
          <span
            className="smaa-bar"
            role="img"
            aria-label={`${names.get(site.siteId) ?? site.siteId}: first in ${(site.pFirst * 100).toFixed(1)}% of samples`}
          >
            {site.rankProbabilities.slice(0, ranksShown).map((p, rank) => (
              <span
                key={rank}
                style={{ width: `${p * 100}%`, background: rankColor(rank) }}
                title={`rank ${rank + 1}: ${(p * 100).toFixed(1)}%`}
              />
            ))}
          </span>
          <span className="smaa-first">{(site.pFirst * 100).toFixed(1)}%</span>
        </div>
      ))}
      <div className="muted">Bars: share of samples at rank 1 (brightest) to {ranksShown}; number: P(first).</div>
    </div>
  );
}
