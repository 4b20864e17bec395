// A sequential, colour-blind-safe scale for scores (viridis, 0 = dark purple, 1 = yellow).
const VIRIDIS = [
  '#440154',
  '#482878',
  '#3e4989',
  '#31688e',
  '#26828e',
  '#1f9e89',
  '#35b779',
  '#6ece58',
  '#b5de2b',
  '#fde725',
];

export function scoreColor(score: number): string {
  const clamped = Math.min(1, Math.max(0, score));
  return VIRIDIS[Math.min(VIRIDIS.length - 1, Math.floor(clamped * VIRIDIS.length))] ?? '#440154';
}

export const SCORE_SCALE = VIRIDIS;
