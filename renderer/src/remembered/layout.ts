// The workspace layout remembered on this machine: sidebar width, drawer, legend and details state,
// the map view, and the ranking's sort and filters (a remembered record, record.ts): a single bad
// field falls back to its default, so one bad value never costs the rest.
import { z } from 'zod';
import { LEGALITY_ORDER, type LegalityStatus } from '../../../shared/engine/types';
import { rememberedRecord } from './record';

export const LAYOUT_KEY = 'landfall.layout';
/** Bump when a field changes meaning; older records are then ignored rather than misread. */
export const LAYOUT_VERSION = 1;

export const SIDEBAR_WIDTH = { min: 380, max: 1100 } as const;
export const DETAILS_HEIGHT = { min: 120, max: 900, default: 250 } as const;

export const SORT_KEYS = ['rank', 'site', 'market', 'score', 'status', 'capacity'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

/** How the ranking is sorted and filtered. Empty values mean "no filter". */
export interface RankingView {
  sort: { key: SortKey; direction: SortDirection };
  /** ISO country code, '' for every country. */
  country: string;
  /** Legality statuses to show; empty shows every status. */
  statuses: LegalityStatus[];
  /** Minimum capacity in MW (existing plus planned); null for no minimum. */
  minCapacityMw: number | null;
  /** Text a site's name or market must contain. */
  text: string;
  hideExcluded: boolean;
}

export interface MapView {
  center: [number, number];
  zoom: number;
}

export interface Layout {
  /** null: sized to the window (autoSidebarWidth) until the planner drags it. */
  sidebarWidth: number | null;
  weightsOpen: boolean;
  /** The map legend shows more than its score scale (it covers markers when open). */
  legendOpen: boolean;
  details: { height: number; collapsed: boolean };
  /** null until the map has been moved; the map then opens on its own default view. */
  mapView: MapView | null;
  ranking: RankingView;
}

export const DEFAULT_RANKING_VIEW: RankingView = {
  sort: { key: 'rank', direction: 'asc' },
  country: '',
  statuses: [],
  minCapacityMw: null,
  text: '',
  hideExcluded: false,
};

export const DEFAULT_LAYOUT: Layout = {
  sidebarWidth: null,
  weightsOpen: false,
  legendOpen: false,
  details: { height: DETAILS_HEIGHT.default, collapsed: false },
  mapView: null,
  ranking: DEFAULT_RANKING_VIEW,
};

const clampTo =
  (range: { min: number; max: number }) =>
  (x: number): number =>
    Math.round(Math.min(range.max, Math.max(range.min, x)));

const Status = z.enum(LEGALITY_ORDER as [LegalityStatus, ...LegalityStatus[]]);

const RankingViewSchema = z.object({
  sort: z.object({ key: z.enum(SORT_KEYS), direction: z.enum(['asc', 'desc']) }).catch(DEFAULT_RANKING_VIEW.sort),
  country: z.string().max(16).catch(''),
  // A duplicate or unknown status would be harmless but is a sign of a damaged record: start over.
  statuses: z
    .array(Status)
    .refine((a) => new Set(a).size === a.length)
    .catch([]),
  minCapacityMw: z.number().finite().nonnegative().nullable().catch(null),
  text: z.string().max(200).catch(''),
  hideExcluded: z.boolean().catch(false),
});

const MapViewSchema = z.object({
  center: z.tuple([z.number().min(-90).max(90), z.number().finite()]),
  zoom: z.number().min(0).max(22),
});

const LayoutSchema = z.object({
  sidebarWidth: z.number().finite().transform(clampTo(SIDEBAR_WIDTH)).nullable().catch(null),
  weightsOpen: z.boolean().catch(DEFAULT_LAYOUT.weightsOpen),
  legendOpen: z.boolean().catch(DEFAULT_LAYOUT.legendOpen),
  details: z
    .object({
      height: z.number().finite().transform(clampTo(DETAILS_HEIGHT)),
      collapsed: z.boolean(),
    })
    .catch(DEFAULT_LAYOUT.details),
  mapView: MapViewSchema.nullable().catch(null),
  ranking: RankingViewSchema.catch(DEFAULT_RANKING_VIEW),
});

const layoutRecord = rememberedRecord<Layout>({
  key: LAYOUT_KEY,
  version: LAYOUT_VERSION,
  schema: LayoutSchema,
  defaults: () => DEFAULT_LAYOUT,
});

/** The remembered layout, or the defaults for whatever is missing, damaged or from another version. */
export const loadLayout: (storage?: Storage | null) => Layout = layoutRecord.load;

/** Merges `change` into the remembered layout. A full or refusing storage only loses the memory. */
export const saveLayout: (change: Partial<Layout>, storage?: Storage | null) => Layout = layoutRecord.save;

/** The sidebar's width before the planner sets one: a third of a wide window, never under 540 px. */
export function autoSidebarWidth(viewport: number): number {
  return Math.round(Math.min(720, Math.max(540, viewport * 0.36)));
}

/** A sidebar width that leaves the map at least `minMap` pixels of a `viewport`-wide window. */
export function fitSidebarWidth(width: number, viewport: number, minMap = 360): number {
  const max = Math.max(SIDEBAR_WIDTH.min, Math.min(SIDEBAR_WIDTH.max, viewport - minMap));
  return Math.round(Math.min(max, Math.max(SIDEBAR_WIDTH.min, width)));
}
