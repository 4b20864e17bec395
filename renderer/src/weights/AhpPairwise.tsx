// AHP pairwise mode: the planner judges each pair of the chosen criteria on Saaty's 1/9…9 scale
// (the matrix's upper triangle, one labelled slider per pair), sees the resulting weights and the
// consistency ratio, with a warning naming the most inconsistent pair, and applies them as one edit.
import { useMemo, useState, type ReactNode } from 'react';
import {
  applyPairwise,
  describePosition,
  evaluatePairwise,
  judgmentsFromWeights,
  MAX_AHP_CRITERIA,
  pairKey,
  pairwiseMatrix,
  ratioText,
  upperPairs,
  type Position,
} from './ahp-judgments';

interface Props {
  /** Every criterion (display order) with its current weight; weights sum to 1. */
  criteria: readonly { id: string; name: string }[];
  weights: Readonly<Record<string, number>>;
  onApply(weights: Record<string, number>): void;
}

/** The criteria compared at first: those weighted now, heaviest first, at most MAX_AHP_CRITERIA. */
function initialIds(criteria: Props['criteria'], weights: Props['weights']): string[] {
  return criteria
    .filter((c) => (weights[c.id] ?? 0) > 0)
    .sort((a, b) => (weights[b.id] ?? 0) - (weights[a.id] ?? 0))
    .slice(0, MAX_AHP_CRITERIA)
    .map((c) => c.id);
}

export function AhpPairwise({ criteria, weights, onApply }: Props): ReactNode {
  const [chosen, setChosen] = useState<string[]>(() => initialIds(criteria, weights));
  // Judgments start from what the current weights imply, and survive changing the subset.
  const [judgments, setJudgments] = useState<Record<string, Position>>(() =>
    judgmentsFromWeights(
      criteria.map((c) => c.id),
      weights,
    ),
  );
  const [applied, setApplied] = useState(false);
  const name = useMemo(() => new Map(criteria.map((c) => [c.id, c.name])), [criteria]);
  const nameOf = (id: string): string => name.get(id) ?? id;
  // Matrix order follows the panel's order, not the order of ticking.
  const ids = useMemo(() => criteria.map((c) => c.id).filter((id) => chosen.includes(id)), [criteria, chosen]);
  const outcome = useMemo(() => (ids.length >= 2 ? evaluatePairwise(ids, judgments) : null), [ids, judgments]);
  const matrix = useMemo(() => pairwiseMatrix(ids, judgments), [ids, judgments]);

  const judge = (a: string, b: string, p: Position): void => {
    setApplied(false);
    setJudgments((prev) => ({ ...prev, [pairKey(a, b)]: p }));
  };
  const toggle = (id: string, on: boolean): void => {
    setApplied(false);
    setChosen((prev) => (on ? [...prev, id] : prev.filter((x) => x !== id)));
  };
  const full = chosen.length >= MAX_AHP_CRITERIA;

  return (
    <div className="ahp" aria-label="Pairwise comparison (AHP)" role="group">
      <details className="ahp-subset">
        <summary>
          Criteria compared: {ids.length} <span className="muted">(2 to {MAX_AHP_CRITERIA})</span>
        </summary>
        <div className="ahp-subset-list">
          {criteria.map((c) => {
            const on = chosen.includes(c.id);
            return (
              <label key={c.id}>
                <input
                  type="checkbox"
                  checked={on}
                  disabled={!on && full}
                  onChange={(e) => toggle(c.id, e.target.checked)}
                />
                {c.name}
              </label>
            );
          })}
        </div>
        <p className="muted">Criteria left out keep their weight; the compared ones share the rest as AHP says.</p>
      </details>

      {ids.length < 2 ? (
        <p className="muted">Choose at least two criteria to compare.</p>
      ) : (
        <>
          {/* Tick marks at equal and at Saaty's odd intensities (3, 5, 7, 9) either way. */}
          <datalist id="ahp-ticks">
            {[-8, -6, -4, -2, 0, 2, 4, 6, 8].map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
          <div className="ahp-scale" aria-hidden="true">
            <span>← left much more important</span>
            <span>equal</span>
            <span>right much more important →</span>
          </div>
          <ol className="ahp-pairs">
            {upperPairs(ids).map(([a, b]) => {
              const p = judgments[pairKey(a, b)] ?? 0;
              const said = describePosition(p, nameOf(a), nameOf(b));
              const sliderId = `ahp-${a}-${b}`;
              const isWorst = outcome?.warning && outcome.worst?.a === a && outcome.worst.b === b;
              return (
                <li key={pairKey(a, b)} className={isWorst ? 'ahp-pair worst' : 'ahp-pair'}>
                  <span className="ahp-left">{nameOf(a)}</span>
                  <input
                    id={sliderId}
                    type="range"
                    min={-8}
                    max={8}
                    step={1}
                    list="ahp-ticks"
                    value={p}
                    aria-label={`${nameOf(a)} versus ${nameOf(b)}`}
                    aria-valuetext={said}
                    onChange={(e) => judge(a, b, Number(e.target.value))}
                  />
                  <span className="ahp-right">{nameOf(b)}</span>
                  {/* The slider's aria-valuetext says the same to screen readers. */}
                  <span className="ahp-said" aria-hidden="true">
                    {said}
                  </span>
                </li>
              );
            })}
          </ol>

          <details className="ahp-matrix">
            <summary>Show as a matrix</summary>
            <table aria-label="Pairwise comparison matrix">
              <thead>
                <tr>
                  <td />
                  {ids.map((id, j) => (
                    <th key={id} scope="col" title={nameOf(id)}>
                      {j + 1}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {ids.map((id, i) => (
                  <tr key={id}>
                    <th scope="row">
                      {i + 1}. {nameOf(id)}
                    </th>
                    {ids.map((other, j) => (
                      <td key={other} className={j > i ? 'upper' : undefined}>
                        {ratioText(matrix[i]?.[j] ?? 1)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>

          {outcome && (
            <div className="ahp-result">
              <table className="ahp-weights" aria-label="AHP weights">
                <tbody>
                  {ids.map((id, k) => {
                    const w = outcome.weights[k] ?? 0;
                    return (
                      <tr key={id}>
                        <th scope="row">{nameOf(id)}</th>
                        <td className="ahp-bar">
                          <span style={{ width: `${(w * 100).toFixed(1)}%` }} />
                        </td>
                        <td className="num">{(w * 100).toFixed(1)} %</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <p className="ahp-cr" role="status">
                Consistency ratio <strong>{outcome.cr.toFixed(3)}</strong>{' '}
                {outcome.cr <= 0.1 ? '(consistent enough: 0.10 or less)' : ''}
              </p>
              {outcome.warning !== null && (
                <p className="ahp-warning" role="alert">
                  CR above 0.10: these judgments contradict each other.
                  {outcome.worst ? (
                    <>
                      {' '}
                      Most inconsistent: <strong>{nameOf(outcome.worst.a)}</strong> versus{' '}
                      <strong>{nameOf(outcome.worst.b)}</strong> — you said {ratioText(outcome.worst.said)}, the other
                      judgments imply about {ratioText(outcome.worst.implied)}.
                    </>
                  ) : ids.length === 3 ? (
                    ' With three criteria each judgment is equally to blame: change any one of them.'
                  ) : (
                    ' No single judgment stands out: revisit them together.'
                  )}
                </p>
              )}
              <div className="ahp-apply">
                <button
                  type="button"
                  onClick={() => {
                    onApply(applyPairwise(weights, ids, outcome.weights));
                    setApplied(true);
                  }}
                >
                  Apply these weights
                </button>
                {applied && <span className="muted">Applied (Ctrl+Z undoes it).</span>}
              </div>
            </div>
          )}
        </>
      )}
    </div>
  );
}
