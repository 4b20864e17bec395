// The score colour scale lives in shared/ so reports draw the same colours as the map and ranking;
// this re-export keeps the renderer's existing imports working.
export { scoreColor, SCORE_SCALE } from '../../shared/score-colors';
