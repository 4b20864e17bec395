// The report's static map: which views it draws, the antimeridian, and dots coloured by score.
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { chooseViews, mapSvg, type MapSite } from '../../shared/report/map-svg';
import { scoreColor } from '../../shared/score-colors';

const site = (
  siteId: string,
  country: string,
  lat: number,
  lon: number,
  score: number | null,
  rank: number | null,
): MapSite => ({
  siteId,
  name: siteId,
  country,
  lat,
  lon,
  score,
  rank,
});

const SPREAD = [
  site('us-1', 'US', 39, -77.5, 0.2, 8),
  site('sg-1', 'SG', 1.3, 103.7, 0.9, 1),
  site('sg-2', 'SG', 1.35, 103.9, 0.8, 2),
  site('my-1', 'MY', 1.6, 103.6, 0.7, 3),
  site('my-2', 'MY', 1.55, 103.5, null, null),
  site('cn-1', 'CN', 39.9, 116.4, 0.5, 4),
  site('cn-2', 'CN', 40.4, 115.5, 0.4, 5),
  site('cn-3', 'CN', 41, 113.1, 0.3, 6),
  site('jp-1', 'JP', 35.7, 139.8, 0.25, 7),
];

describe('chooseViews', () => {
  it('shows the world when sites are continents apart, then a detail of each crowded cluster, largest first', () => {
    const views = chooseViews(SPREAD);
    expect(views.map((v) => v.title)).toEqual(['All sites', 'Detail: 4 sites in MY, SG', 'Detail: 3 sites in CN']);
    expect(views[0]).toMatchObject({ west: -180, east: 180 });
    const detail = views[1];
    for (const s of SPREAD.filter((x) => x.country === 'SG' || x.country === 'MY')) {
      expect(s.lon).toBeGreaterThan(detail?.west as number);
      expect(s.lon).toBeLessThan(detail?.east as number);
      expect(s.lat).toBeGreaterThan(detail?.south as number);
      expect(s.lat).toBeLessThan(detail?.north as number);
    }
    expect((detail?.east as number) - (detail?.west as number)).toBeLessThan(3);
  });

  it('fits one regional view when nothing crowds', () => {
    const views = chooseViews([site('a', 'SG', 1.3, 103.8, 0.5, 1), site('b', 'TH', 13.7, 100.5, 0.4, 2)]);
    expect(views).toHaveLength(1);
    expect(views[0]?.west).toBeGreaterThan(80);
    expect(views[0]?.east).toBeLessThan(125);
  });
});

describe('mapSvg', () => {
  const world: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        id: '643',
        properties: {},
        // A ring across the antimeridian, as Natural Earth draws Chukotka.
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [170, 60],
              [179.9, 60],
              [-179.9, 60.5],
              [-170, 61],
              [-170, 66],
              [179.9, 66],
              [170, 65],
              [170, 60],
            ],
          ],
        },
      },
    ],
  };

  it('never draws a line across the map where a ring crosses the antimeridian', () => {
    const svg = mapSvg(world, [], { title: 'World', west: -180, east: 180, south: -56, north: 76 }, 700);
    const paths = [...svg.matchAll(/<path d="([^"]+)"/g)].map((m) => m[1] as string);
    expect(paths.length).toBeGreaterThan(0);
    for (const d of paths) {
      for (const sub of d.split('M').filter((x) => x !== '')) {
        const xs = [...sub.matchAll(/(-?[\d.]+) (-?[\d.]+)/g)].map((m) => Number(m[1]));
        for (let i = 1; i < xs.length; i++)
          expect(Math.abs((xs[i] as number) - (xs[i - 1] as number))).toBeLessThan(350);
      }
    }
  });

  it('colours each dot by its score, draws excluded sites hollow, and escapes names', () => {
    const sites = [
      site('a', 'SG', 1.3, 103.8, 0.93, 1),
      site('b', 'SG', 1.4, 103.9, null, null),
      { ...site('c', 'SG', 1.2, 103.7, 0.1, 2), name: '<b>x</b>' },
    ];
    const svg = mapSvg(world, sites, { title: 'SG', west: 103, east: 104.5, south: 0.8, north: 1.9 }, 400);
    expect(svg).toContain(`fill="${scoreColor(0.93)}"`);
    expect(svg).toContain(`fill="${scoreColor(0.1)}"`);
    expect((svg.match(/class="dot excluded"/g) ?? []).length).toBe(1);
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(svg).toMatch(/<text class="rank"[^>]*>1<\/text>/);
    expect(svg).not.toMatch(/https?:/);
  });

  it('labels a shared rank "1=" on the dot and in its title', () => {
    const tied = [
      { ...site('a', 'SG', 1.3, 103.8, 0.8, 1), tied: true },
      { ...site('b', 'SG', 1.7, 103.2, 0.8, 1), tied: true },
    ];
    const svg = mapSvg(world, tied, { title: 'SG', west: 103, east: 104.5, south: 0.8, north: 1.9 }, 400);
    expect(svg.match(/<text class="rank"[^>]*>1=<\/text>/g)).toHaveLength(2);
    expect(svg).toContain('<title>#1= a: 0.800</title>');
  });
});
