// Colours for countries shaded by legality (the workload answer or one chip) for the chosen profile.
import type { LegalityStatus } from '../../../shared/engine/types';

export const LEGALITY_FILL: Record<LegalityStatus, string> = {
  allowed: '#009E73',
  conditional: '#F0E442',
  licence_required: '#E69F00',
  licence_denial: '#CC79A7',
  prohibited: '#D55E00',
};

export { STATUS_TITLE as LEGALITY_LABEL } from '../../../shared/engine/legality';
