// Two presets side by side (presets.diff): each criterion's weight as a share of its preset's total,
// as numbers and as paired bars, the difference in percentage points, and whether the method,
// normalisation and hard constraints agree; then what that does to the ranking (each preset's
// ranking for the scenario on screen, and each site's move: presets-rank-changes.tsx).
import { useEffect, useId, useState, type ReactNode } from 'react';
import type { CallOutput } from '../../../shared/contract';
import { describeConstraint } from '../weights/constraint-rules';
import { useApp, useServices } from '../context';
import { toProblem, type Problem } from './presets-actions';
import { ProblemNote } from './presets-problem';
import { PresetRankChanges } from './presets-rank-changes';
import { METHOD_TEXT, NORMALISATION_TEXT } from '../weights/ScoringChoices';

type Diff = CallOutput<'presets.diff'>;

const pct = (share: number): string => `${(share * 100).toFixed(1)} %`;
/** Percentage points with a sign; "—" when the two agree to a tenth of a point. */
export function pointsText(difference: number): string {
  const points = difference * 100;
  if (Math.abs(points) < 0.05) return '—';
  return `${points > 0 ? '+' : '−'}${Math.abs(points).toFixed(1)} pts`;
}

export function PresetsCompare({ initial }: { initial: [string, string] | null }): ReactNode {
  const { client } = useServices();
  const presets = useApp((s) => s.choices.presets);
  const criteria = useApp((s) => s.choices.criteria);
  const id = useId();
  const active = useApp((s) => s.scenario.presetId);
  // By default the preset in use against the next one: the first question is "what does mine change?".
  const [a, setA] = useState(() => initial?.[0] ?? active ?? presets[0]?.id ?? '');
  const [b, setB] = useState(() => initial?.[1] ?? presets.find((p) => p.id !== a)?.id ?? '');
  const [diff, setDiff] = useState<Diff | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    if (a === '' || b === '' || a === b) {
      setDiff(null);
      return;
    }
    let current = true;
    setProblem(null);
    client.call('presets.diff', { a, b }).then(
      (d) => current && setDiff(d),
      (e: unknown) => {
        if (!current) return;
        setDiff(null);
        setProblem(toProblem(e, 'Choose another preset: this one may have been deleted.'));
      },
    );
    return () => {
      current = false;
    };
  }, [client, a, b]);

  /** Choosing on one side the preset the other side shows swaps them, so two stay compared. */
  const pick = (value: string, other: string, set: (v: string) => void, setOther: (v: string) => void): void => {
    if (value === other) setOther(value === a ? b : a);
    set(value);
  };
  const select = (label: string, value: string, onChange: (v: string) => void, side: 'a' | 'b'): ReactNode => (
    <label className={`presets-compare-pick side-${side}`}>
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {presets.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
            {p.builtin ? ' (built-in)' : ''}
          </option>
        ))}
      </select>
    </label>
  );
  const largest = diff ? Math.max(1e-9, ...diff.criteria.flatMap((c) => [c.a.share, c.b.share])) : 1;
  return (
    <div className="presets-compare">
      <div className="presets-compare-picks">
        {select('Preset A', a, (v) => pick(v, b, setA, setB), 'a')}
        <button
          type="button"
          onClick={() => {
            setA(b);
            setB(a);
          }}
          aria-label="Swap A and B"
        >
          ⇄
        </button>
        {select('Preset B', b, (v) => pick(v, a, setB, setA), 'b')}
      </div>
      {a === b && a !== '' && <p className="muted">Choose two different presets to compare.</p>}
      {problem !== null && <ProblemNote problem={problem} />}
      {diff !== null && (
        <>
          <p className="presets-compare-summary" role="status">
            {diff.sameScoring ? 'These two presets score every site alike.' : `${summary(diff)} — B against A.`}
          </p>
          <table className="presets-diff" aria-labelledby={`${id}-weights`}>
            <caption id={`${id}-weights`}>Weights, as a share of each preset&apos;s total</caption>
            <thead>
              <tr>
                <th scope="col">Criterion</th>
                <th scope="col" className="num">
                  A: {diff.a.name}
                </th>
                <th scope="col" className="num">
                  B: {diff.b.name}
                </th>
                <th scope="col" className="num">
                  B − A
                </th>
                <th scope="col">
                  <span className="sr-only">Bars</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {diff.criteria.map((c) => (
                <tr key={c.criterionId} data-criterion={c.criterionId}>
                  <th scope="row">{c.name}</th>
                  <td className="num">{pct(c.a.share)}</td>
                  <td className="num">{pct(c.b.share)}</td>
                  <td className={`num ${c.difference > 0.0005 ? 'up' : c.difference < -0.0005 ? 'down' : ''}`}>
                    {pointsText(c.difference)}
                  </td>
                  <td className="presets-bars" aria-hidden="true">
                    <span className="bar side-a" style={{ width: `${(c.a.share / largest) * 100}%` }} />
                    <span className="bar side-b" style={{ width: `${(c.b.share / largest) * 100}%` }} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="presets-diff scoring" aria-label="Method, normalisation and constraints">
            <tbody>
              <tr className={diff.method.same ? '' : 'differs'}>
                <th scope="row">Method</th>
                <td>{METHOD_TEXT[diff.method.a].label}</td>
                <td>{diff.method.same ? 'same' : METHOD_TEXT[diff.method.b].label}</td>
              </tr>
              <tr className={diff.normalisation.same ? '' : 'differs'}>
                <th scope="row">Normalisation</th>
                <td>{NORMALISATION_TEXT[diff.normalisation.a].label}</td>
                <td>{diff.normalisation.same ? 'same' : NORMALISATION_TEXT[diff.normalisation.b].label}</td>
              </tr>
              <tr className={diff.constraints.onlyA.length + diff.constraints.onlyB.length > 0 ? 'differs' : ''}>
                <th scope="row">Constraints</th>
                <td>
                  <ConstraintList
                    items={[...diff.constraints.both, ...diff.constraints.onlyA]}
                    onlyHere={diff.constraints.onlyA.length}
                    criteria={criteria}
                  />
                </td>
                <td>
                  {diff.constraints.onlyA.length + diff.constraints.onlyB.length === 0 ? (
                    'same'
                  ) : (
                    <ConstraintList
                      items={[...diff.constraints.both, ...diff.constraints.onlyB]}
                      onlyHere={diff.constraints.onlyB.length}
                      criteria={criteria}
                    />
                  )}
                </td>
              </tr>
            </tbody>
          </table>
          <PresetRankChanges a={diff.a.id} b={diff.b.id} />
        </>
      )}
    </div>
  );
}

/** "Weights differ for 3 criteria; method differs". */
function summary(diff: Diff): string {
  const parts: string[] = [];
  const moved = diff.criteria.filter((c) => Math.abs(c.difference) >= 0.0005).length;
  if (moved > 0) parts.push(`Weights differ for ${moved} criteri${moved === 1 ? 'on' : 'a'}`);
  if (!diff.method.same) parts.push('the method differs');
  if (!diff.normalisation.same) parts.push('the normalisation differs');
  const c = diff.constraints.onlyA.length + diff.constraints.onlyB.length;
  if (c > 0) parts.push(`${c} constraint${c === 1 ? '' : 's'} in one only`);
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

interface ConstraintListProps {
  /** Shared constraints first, then the `onlyHere` last ones that only this side has. */
  items: Diff['constraints']['both'];
  onlyHere: number;
  criteria: CallOutput<'criteria.list'>;
}

function ConstraintList({ items, onlyHere, criteria }: ConstraintListProps): ReactNode {
  if (items.length === 0) return 'none';
  const shared = items.length - onlyHere;
  return (
    <ul className="presets-constraints">
      {items.map((c, i) => (
        <li key={i} className={i >= shared ? 'only' : ''}>
          {describeConstraint(c, criteria)}
          {i >= shared && <span className="preset-badge">only here</span>}
        </li>
      ))}
    </ul>
  );
}
