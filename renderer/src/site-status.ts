// How each site status is named and coloured (Okabe–Ito palette, safe for colour-blind readers).
import type { SiteStatus } from '../../shared/schemas';

export const STATUS_STYLE: Record<SiteStatus, { label: string; color: string }> = {
  operational: { label: 'Operational', color: '#0072B2' },
  under_construction: { label: 'Under construction', color: '#E69F00' },
  planned: { label: 'Planned', color: '#009E73' },
  land_bank: { label: 'Land bank', color: '#CC79A7' },
};
