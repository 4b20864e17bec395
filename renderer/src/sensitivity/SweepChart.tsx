// One-at-a-time sweep: each site's score as one criterion's weight runs 0 → 1 (an SVG line chart).
import type { ReactNode } from 'react';

export interface SweepPoint {
  weight: number;
  scores: Record<string, number | null>;
}

const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00'];
const W = 360;
const H = 160;
const PAD = 28;

export function SweepChart({
  points,
  siteIds,
  names,
  current,
}: {
  points: SweepPoint[];
  siteIds: string[];
  names: Map<string, string>;
  current: number;
}): ReactNode {
  const x = (w: number): number => PAD + w * (W - 2 * PAD);
  const y = (s: number): number => H - PAD + -s * (H - 2 * PAD);
  return (
    <figure className="sweep">
      <svg width={W} height={H} role="img" aria-label="Scores as the weight changes">
        <line x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} className="axis" />
        <line x1={PAD} y1={PAD} x2={PAD} y2={H - PAD} className="axis" />
        <line x1={x(current)} y1={PAD} x2={x(current)} y2={H - PAD} className="current" />
        {siteIds.map((id, i) => {
          const path = points
            .filter((p) => p.scores[id] !== null && p.scores[id] !== undefined)
            .map((p, k) => `${k === 0 ? 'M' : 'L'}${x(p.weight).toFixed(1)},${y(p.scores[id] ?? 0).toFixed(1)}`)
            .join(' ');
          return <path key={id} d={path} fill="none" stroke={PALETTE[i % PALETTE.length]} strokeWidth={2} />;
        })}
        <text x={PAD} y={H - 8} className="tick">
          0
        </text>
        <text x={W - PAD} y={H - 8} className="tick">
          1
        </text>
        <text x={4} y={PAD + 4} className="tick">
          1
        </text>
      </svg>
      <figcaption>
        {siteIds.map((id, i) => (
          <span key={id} className="sweep-key">
            <span style={{ background: PALETTE[i % PALETTE.length] }} /> {names.get(id) ?? id}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
