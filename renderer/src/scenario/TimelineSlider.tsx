// The as-of date as a slider over the policy timeline, with every policy event marked where it takes
// effect; dragging replays history (the ranking and legality follow the date).
import { useMemo, type ReactNode } from 'react';
import { useApp, useServices } from '../context';
import { todayIso } from '../store';

const START = '2022-01-01';
const DAY = 86_400_000;

const toDay = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
const toIso = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

export function TimelineSlider(): ReactNode {
  const { client, store } = useServices();
  const asOf = useApp((s) => s.scenario.asOf);
  const policies = useApp((s) => s.choices.policies);
  const first = toDay(START);
  const last = toDay(todayIso());
  const marks = useMemo(
    () =>
      policies
        .filter((p) => p.effect !== 'informational' && p.effectiveDate >= START)
        .map((p) => ({
          id: p.id,
          at: (toDay(p.effectiveDate) - first) / (last - first),
          label: `${p.effectiveDate} · ${p.issuer} · ${p.title}`,
          issuer: p.issuer.slice(0, 2),
        })),
    [policies, first, last],
  );
  return (
    <div className="timeline">
      <label htmlFor="as-of-slider">Policy timeline</label>
      <div className="timeline-track">
        <input
          id="as-of-slider"
          type="range"
          min={first}
          max={last}
          step={1}
          value={Math.min(last, Math.max(first, toDay(asOf)))}
          aria-valuetext={asOf}
          onChange={(e) => void store.getState().setScenario(client, { asOf: toIso(Number(e.target.value)) })}
        />
        <div className="timeline-marks" aria-hidden="true">
          {marks.map((m) => (
            <span key={m.id} className={`mark mark-${m.issuer}`} style={{ left: `${m.at * 100}%` }} title={m.label} />
          ))}
        </div>
      </div>
    </div>
  );
}
