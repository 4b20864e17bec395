// Live re-ranking while a weight slider moves: the scenario's decision matrix is fetched once
// (score.matrix) and each step of the drag is scored here with the pure engine (shared/score-live.ts,
// well under a millisecond for 1 000 sites) instead of a score.run round trip per step. The matrix
// depends on everything in score.run's input but the weights, so it is kept for that input; the store
// drops it whenever the data change (load), and score.run confirms the result when the gesture ends.
import type { CallInput } from '../../shared/contract';
import { scoreLive, type ScoreRunOutput } from '../../shared/score-live';
import type { ScoreMatrix } from '../../shared/calls/score-calls';
import type { Client } from './api/client';

export type ScoreRunInput = CallInput<'score.run'>;

export interface LiveScorer {
  /** score.run's answer for `input`, if the matrix for its scenario is here; otherwise null (and fetches it). */
  score(client: Client, input: ScoreRunInput): ScoreRunOutput | null;
  /** Fetches the matrix for `input`'s scenario unless it is already here or on its way. */
  prepare(client: Client, input: ScoreRunInput): void;
  /** The matrix for `input`'s scenario: the one kept, the one on its way, or a new fetch. */
  matrix(client: Client, input: ScoreRunInput): Promise<ScoreMatrix>;
  /** Forgets the matrix (the data changed). */
  clear(): void;
}

/** score.run's input without the weights: what the matrix depends on. */
export function matrixInput(input: ScoreRunInput): CallInput<'score.matrix'> {
  const { weights: _weights, ...rest } = input;
  return rest;
}

export function createLiveScorer(): LiveScorer {
  let key: string | null = null;
  let matrix: ScoreMatrix | null = null;
  let pending: Promise<ScoreMatrix> | null = null;
  // Bumped by clear(), so a reply for data that changed meanwhile is not kept.
  let generation = 0;

  const fetch = (client: Client, input: ScoreRunInput): Promise<ScoreMatrix> => {
    const wanted = JSON.stringify(matrixInput(input));
    if (wanted === key && pending !== null) return pending;
    key = wanted;
    matrix = null;
    const asked = generation;
    pending = client.call('score.matrix', matrixInput(input));
    pending.then(
      (m) => {
        if (asked === generation && key === wanted) matrix = m;
      },
      () => {
        // Live scoring is a shortcut: without it every step goes to score.run, which reports errors.
        // The key stays, so a failing scenario is not asked for again on every step.
      },
    );
    return pending;
  };

  return {
    score(client, input) {
      void fetch(client, input);
      return matrix === null ? null : scoreLive(matrix, input.weights);
    },
    prepare(client, input) {
      void fetch(client, input);
    },
    matrix: fetch,
    clear() {
      generation++;
      key = null;
      matrix = null;
      pending = null;
    },
  };
}
