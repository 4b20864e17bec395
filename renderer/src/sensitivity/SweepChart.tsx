// One-at-a-time sweep: each site's score as one criterion's weight runs from 0 to 100 % (the others
// rescaled in proportion), as an SVG line chart with its axes titled. Lines that coincide would hide
// one another, so each such group is drawn with alternating dashes, keyed "A = B" and said in words.
import type { ReactNode } from 'react';
import { listWords } from '../../../shared/report/words';
import { coincidentGroups, type SweepPoint } from './sweep-lines';

export type { SweepPoint };
import './sweep.css';

const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00'];
const W = 380;
const H = 200;
/** Room for the y title and ticks on the left, the x ticks and title below. */
const LEFT = 48;
const RIGHT = 24;
const TOP = 12;
const BOTTOM = 40;
const DASH = 6;

const pct = (w: number): string => `${Math.round(w * 100)} %`;

/**
 * The k-th of n coinciding lines: the first solid, each other one a dash in its own slot of a period
 * n dashes long, so every colour shows along the shared line.
 */
function dashOf(k: number, n: number): { strokeDasharray?: string; strokeDashoffset?: number } {
  return k === 0 ? {} : { strokeDasharray: `${DASH} ${DASH * (n - 1)}`, strokeDashoffset: -DASH * k };
}

export function SweepChart({
  points,
  siteIds,
  names,
  current,
  criterion,
}: {
  points: SweepPoint[];
  siteIds: string[];
  names: Map<string, string>;
  /** The swept criterion's weight now, in [0, 1]. */
  current: number;
  /** The swept criterion's name, for the x axis. */
  criterion: string;
}): ReactNode {
  const x = (w: number): number => LEFT + w * (W - LEFT - RIGHT);
  const y = (s: number): number => H - BOTTOM - s * (H - TOP - BOTTOM);
  const name = (id: string): string => names.get(id) ?? id;
  const color = (id: string): string => PALETTE[siteIds.indexOf(id) % PALETTE.length] as string;
  const groups = coincidentGroups(points, siteIds);
  const groupOf = (id: string): string[] | undefined => groups.find((g) => g.includes(id));
  const dash = (id: string): ReturnType<typeof dashOf> => {
    const group = groupOf(id);
    return group === undefined ? {} : dashOf(group.indexOf(id), group.length);
  };
  // The key: one entry per site, a coinciding group as one entry "A = B" with each line's swatch.
  const entries = siteIds.filter((id) => (groupOf(id)?.[0] ?? id) === id).map((id) => groupOf(id) ?? [id]);
  const xTitle = `Weight of ${criterion} (%)`;
  return (
    <figure className="sweep">
      <svg
        width={W}
        height={H}
        role="img"
        aria-label={`Scores of ${listWords(siteIds.map(name))} as the weight of ${criterion} runs from 0 % to 100 % (now ${pct(current)})`}
      >
        <line x1={LEFT} y1={H - BOTTOM} x2={W - RIGHT} y2={H - BOTTOM} className="axis" />
        <line x1={LEFT} y1={TOP} x2={LEFT} y2={H - BOTTOM} className="axis" />
        {[0, 0.25, 0.5, 0.75, 1].map((w) => (
          <text key={`x${w}`} x={x(w)} y={H - BOTTOM + 13} className="tick" textAnchor="middle">
            {pct(w)}
          </text>
        ))}
        {[0, 0.5, 1].map((s) => (
          <text key={`y${s}`} x={LEFT - 5} y={y(s) + 3} className="tick" textAnchor="end">
            {s.toFixed(1)}
          </text>
        ))}
        <text x={(LEFT + W - RIGHT) / 2} y={H - 6} className="axis-title" textAnchor="middle">
          {xTitle}
        </text>
        <text
          x={12}
          y={(TOP + H - BOTTOM) / 2}
          className="axis-title"
          textAnchor="middle"
          transform={`rotate(-90 12 ${(TOP + H - BOTTOM) / 2})`}
        >
          Score (0–1)
        </text>
        <line x1={x(current)} y1={TOP} x2={x(current)} y2={H - BOTTOM} className="current" />
        <text x={x(current) + 3} y={TOP + 8} className="tick">
          now {pct(current)}
        </text>
        {siteIds.map((id) => {
          const path = points
            .filter((p) => p.scores[id] !== null && p.scores[id] !== undefined)
            .map((p, k) => `${k === 0 ? 'M' : 'L'}${x(p.weight).toFixed(1)},${y(p.scores[id] ?? 0).toFixed(1)}`)
            .join(' ');
          return <path key={id} data-site={id} d={path} fill="none" stroke={color(id)} strokeWidth={2} {...dash(id)} />;
        })}
      </svg>
      <figcaption>
        <span className="sweep-keys">
          {entries.map((group) => (
            <span key={group.join(' ')} className="sweep-key">
              {group.map((id) => (
                <svg key={id} width={22} height={6} aria-hidden="true">
                  <line x1={0} y1={3} x2={22} y2={3} stroke={color(id)} strokeWidth={3} />
                </svg>
              ))}{' '}
              {group.map(name).join(' = ')}
            </span>
          ))}
        </span>
        {groups.map((g) => (
          <span key={g.join(' ')} className="sweep-note">
            The lines of {listWords(g.map(name))} coincide (the same score, to three decimals, at every weight): they
            are drawn as one, in alternating dashes of their colours.
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
