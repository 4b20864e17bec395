// The report's static map: the same Natural Earth 1:50m countries the workspace draws (world-atlas,
// handed in by the caller so this file stays pure), projected to an inline SVG with each site as a
// dot coloured by score on the workspace's viridis scale. Excluded sites are hollow and dashed, as on
// the live map. No tiles, no URLs: the SVG is self-contained.
//
// Projection: equirectangular at the view's middle latitude (x = lon·cos φ0, y = lat), which keeps
// shapes right within the small regions a site list spans and costs no library. Sites far apart
// (Singapore and Virginia) make the first view the world; clusters get detail views after it.
import type { Feature, FeatureCollection, Position } from 'geojson';
import { scoreColor } from '../score-colors';
import { rankLabel } from '../score-words';
import { esc } from './escape';

export interface MapSite {
  siteId: string;
  name: string;
  country: string;
  lat: number;
  lon: number;
  /** null: excluded (drawn hollow). */
  score: number | null;
  rank: number | null;
  /** The rank is shared with another site (labelled "3="). */
  tied?: boolean;
}

export interface MapView {
  title: string;
  west: number;
  east: number;
  south: number;
  north: number;
}

const WORLD: Omit<MapView, 'title'> = { west: -180, east: 180, south: -56, north: 76 };
/** A view wider than this (degrees of longitude) shows the whole world. */
const WORLD_SPAN = 150;
/** Dots closer than this (CSS px at the view's width) crowd each other and earn a detail view. */
const CROWDED_PX = 14;
const MAX_DETAILS = 2;

/**
 * The overall view, then a detail view of each of the (at most two) largest groups of three or more
 * sites whose dots would overlap in it (single-linkage: a site joins a group when it is within
 * CROWDED_PX of any member), largest first.
 */
export function chooseViews(sites: readonly MapSite[], width = 700): MapView[] {
  if (sites.length === 0) return [{ title: 'Sites', ...WORLD }];
  const overall = fit(sites, 'All sites');
  const p = projection(overall, width);
  const xy = sites.map((s) => [p.x(s.lon), p.y(s.lat)] as const);
  const group = sites.map((_, i) => i);
  const root = (i: number): number => (group[i] === i ? i : (group[i] = root(group[i] as number)));
  for (let a = 0; a < sites.length; a++) {
    for (let b = a + 1; b < sites.length; b++) {
      const [ax, ay] = xy[a] as readonly [number, number];
      const [bx, by] = xy[b] as readonly [number, number];
      if (Math.hypot(ax - bx, ay - by) < CROWDED_PX) group[root(a)] = root(b);
    }
  }
  const members = new Map<number, MapSite[]>();
  sites.forEach((s, i) => members.set(root(i), [...(members.get(root(i)) ?? []), s]));
  const crowds = [...members.values()]
    .filter((m) => m.length >= 3)
    .sort((a, b) => b.length - a.length || (a[0]?.siteId ?? '').localeCompare(b[0]?.siteId ?? ''))
    .slice(0, MAX_DETAILS);
  return [
    overall,
    ...crowds.map((m) =>
      fit(m, `Detail: ${m.length} sites in ${[...new Set(m.map((s) => s.country))].sort().join(', ')}`),
    ),
  ];
}

function within(v: MapView, s: MapSite): boolean {
  return s.lon >= v.west && s.lon <= v.east && s.lat >= v.south && s.lat <= v.north;
}

/** The sites' bounding box with a margin, widened to a map-like shape; the world when too wide. */
function fit(sites: readonly MapSite[], title: string): MapView {
  const lons = sites.map((s) => s.lon);
  const lats = sites.map((s) => s.lat);
  let west = Math.min(...lons);
  let east = Math.max(...lons);
  let south = Math.min(...lats);
  let north = Math.max(...lats);
  // A quarter of the span each side, so a cluster's detail shows some coast or border around it.
  const padLon = Math.max(0.35, (east - west) * 0.25);
  const padLat = Math.max(0.25, (north - south) * 0.25);
  west -= padLon;
  east += padLon;
  south -= padLat;
  north += padLat;
  if (east - west > WORLD_SPAN) return { title, ...WORLD };
  // Height between 0.45 and 0.7 of the width (in projected units), so a view is neither a strip nor a tower.
  const k = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const width = (east - west) * k;
  const height = north - south;
  if (height < width * 0.45) {
    const grow = (width * 0.45 - height) / 2;
    south -= grow;
    north += grow;
  } else if (height > width * 0.7) {
    const grow = (height / 0.7 - width) / 2 / k;
    west -= grow;
    east += grow;
  }
  return { title, west, east, south: Math.max(-89, south), north: Math.min(89, north) };
}

interface Projection {
  width: number;
  height: number;
  x(lon: number): number;
  y(lat: number): number;
}

function projection(view: MapView, width: number): Projection {
  const k = Math.cos((((view.south + view.north) / 2) * Math.PI) / 180);
  const scale = width / ((view.east - view.west) * k);
  return {
    width,
    height: (view.north - view.south) * scale,
    x: (lon) => (lon - view.west) * k * scale,
    y: (lat) => (view.north - lat) * scale,
  };
}

const r1 = (x: number): string => String(Math.round(x * 10) / 10);

/**
 * A ring's longitudes made continuous: a step of more than 180° is a crossing of the antimeridian
 * (Russia's far east, Fiji), not a line across the map, so the rest of the ring is shifted by 360°.
 */
function unwrap(ring: readonly Position[]): [number, number][] {
  const out: [number, number][] = [];
  let shift = 0;
  let prev = Number.NaN;
  for (const [lon, lat] of ring) {
    const x = lon as number;
    if (x - prev > 180) shift -= 360;
    else if (prev - x > 180) shift += 360;
    prev = x;
    out.push([x + shift, lat as number]);
  }
  return out;
}

/** One ring as an SVG path, dropping points closer than half a unit to the last one drawn. */
function ringPath(ring: readonly [number, number][], p: Projection): string {
  let d = '';
  let lx = Number.NaN;
  let ly = Number.NaN;
  let count = 0;
  for (const [lon, lat] of ring) {
    const x = p.x(lon);
    const y = p.y(lat);
    if (count > 0 && Math.abs(x - lx) + Math.abs(y - ly) < 0.5) continue;
    d += `${count === 0 ? 'M' : 'L'}${r1(x)} ${r1(y)}`;
    lx = x;
    ly = y;
    count++;
  }
  return count >= 3 ? `${d}Z` : '';
}

function ringVisible(ring: readonly [number, number][], view: MapView): boolean {
  let w = Infinity;
  let e = -Infinity;
  let s = Infinity;
  let n = -Infinity;
  for (const [lon, lat] of ring) {
    w = Math.min(w, lon);
    e = Math.max(e, lon);
    s = Math.min(s, lat);
    n = Math.max(n, lat);
  }
  return e >= view.west && w <= view.east && n >= view.south && s <= view.north;
}

function countryPath(f: Feature, view: MapView, p: Projection): string {
  const g = f.geometry;
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  let d = '';
  for (const polygon of polygons) {
    const rings = polygon.map(unwrap);
    // A ring carried past ±180° by unwrap is drawn again one world over, so both halves show.
    for (const offset of [0, -360, 360]) {
      const moved = offset === 0 ? rings : rings.map((r) => r.map(([x, y]): [number, number] => [x + offset, y]));
      const outer = moved[0];
      if (outer === undefined || !ringVisible(outer, view)) continue;
      for (const ring of moved) d += ringPath(ring, p);
    }
  }
  return d;
}

/** One view as a standalone inline SVG (width in CSS pixels; it scales with its container). */
export function mapSvg(countries: FeatureCollection, sites: readonly MapSite[], view: MapView, width = 700): string {
  const p = projection(view, width);
  const land = countries.features
    .map((f) => countryPath(f, view, p))
    .filter((d) => d !== '')
    .map((d) => `<path d="${d}"/>`)
    .join('');
  const shown = sites.filter((s) => within(view, s));
  // Excluded first, then ranked from last to first, so the best sites are drawn on top.
  const order = [...shown].sort((a, b) => (b.rank ?? Infinity) - (a.rank ?? Infinity));
  const dots = order
    .map((s) => {
      const cx = r1(p.x(s.lon));
      const cy = r1(p.y(s.lat));
      const label = esc(
        `${s.rank === null ? 'excluded' : `#${rankLabel(s.rank, s.tied ?? false)}`} ${s.name}: ${s.score === null ? 'no score' : s.score.toFixed(3)}`,
      );
      return s.score === null
        ? `<circle class="dot excluded" cx="${cx}" cy="${cy}" r="4.5"><title>${label}</title></circle>`
        : `<circle class="dot" cx="${cx}" cy="${cy}" r="5" fill="${scoreColor(s.score)}"><title>${label}</title></circle>`;
    })
    .join('');
  const labels = rankLabels(shown, p);
  const h = r1(p.height);
  return (
    `<svg class="map" viewBox="0 0 ${width} ${h}" role="img" aria-label="${esc(view.title)}: ${shown.length} sites coloured by score">` +
    `<rect class="sea" width="${width}" height="${h}"/><g class="land">${land}</g>${dots}${labels}` +
    `<rect class="frame" x="0.5" y="0.5" width="${width - 1}" height="${r1(p.height - 1)}"/></svg>`
  );
}

/** Rank numbers beside the best-ranked dots, skipping any that would overlap a label already placed. */
function rankLabels(sites: readonly MapSite[], p: Projection): string {
  const placed: [number, number][] = [];
  const ranked = sites.filter((s) => s.rank !== null).sort((a, b) => (a.rank as number) - (b.rank as number));
  let out = '';
  for (const s of ranked.slice(0, 10)) {
    const x = p.x(s.lon) + 7;
    const y = p.y(s.lat) + 4;
    if (placed.some(([px, py]) => Math.abs(px - x) < 22 && Math.abs(py - y) < 12)) continue;
    placed.push([x, y]);
    out += `<text class="rank" x="${r1(x)}" y="${r1(y)}">${rankLabel(s.rank, s.tied ?? false)}</text>`;
  }
  return out;
}
