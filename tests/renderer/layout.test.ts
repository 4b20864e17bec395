// The remembered layout: a round trip keeps every field; damaged, foreign or outdated records are
// ignored (whole, or field by field) instead of breaking the workspace.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LAYOUT,
  DETAILS_HEIGHT,
  LAYOUT_KEY,
  LAYOUT_VERSION,
  SIDEBAR_WIDTH,
  autoSidebarWidth,
  fitSidebarWidth,
  loadLayout,
  saveLayout,
  type Layout,
} from '../../renderer/src/remembered/layout';
import { memoryStorage } from './memory-storage';

const CHANGED: Layout = {
  sidebarWidth: 700,
  weightsOpen: true,
  legendOpen: true,
  details: { height: 410, collapsed: true },
  mapView: { center: [1.35, 103.8], zoom: 9 },
  ranking: {
    sort: { key: 'capacity', direction: 'desc' },
    country: 'MY',
    statuses: ['allowed', 'conditional'],
    minCapacityMw: 50,
    text: 'johor',
    hideExcluded: true,
  },
};

describe('layout memory', () => {
  it('starts from the defaults and keeps every field through a save and a load', () => {
    const storage = memoryStorage();
    expect(loadLayout(storage)).toEqual(DEFAULT_LAYOUT);
    saveLayout(CHANGED, storage);
    expect(loadLayout(storage)).toEqual(CHANGED);
    expect(JSON.parse(storage.getItem(LAYOUT_KEY) ?? '')).toMatchObject({ version: LAYOUT_VERSION });
  });

  it('merges a partial save into what is stored', () => {
    const storage = memoryStorage();
    saveLayout(CHANGED, storage);
    saveLayout({ weightsOpen: false }, storage);
    expect(loadLayout(storage)).toEqual({ ...CHANGED, weightsOpen: false });
  });

  it.each([
    ['not JSON', '{"version":1,"sidebarWidth":'],
    ['JSON null', 'null'],
    ['an array', '[1,2,3]'],
    ['a number', '42'],
    ['a record from a newer version', JSON.stringify({ ...CHANGED, version: LAYOUT_VERSION + 1 })],
    ['a record with no version (before versions)', JSON.stringify(CHANGED)],
  ])('ignores %s and uses the defaults', (_what, text) => {
    const storage = memoryStorage();
    storage.setItem(LAYOUT_KEY, text);
    expect(loadLayout(storage)).toEqual(DEFAULT_LAYOUT);
  });

  it('drops only the damaged fields of an otherwise good record', () => {
    const storage = memoryStorage();
    storage.setItem(
      LAYOUT_KEY,
      JSON.stringify({
        ...CHANGED,
        version: LAYOUT_VERSION,
        sidebarWidth: 'wide',
        mapView: { center: [95, 10], zoom: 4 },
        ranking: { ...CHANGED.ranking, statuses: ['allowed', 'banned'], sort: { key: 'colour', direction: 'up' } },
      }),
    );
    const layout = loadLayout(storage);
    expect(layout.sidebarWidth).toBe(DEFAULT_LAYOUT.sidebarWidth);
    expect(layout.mapView).toBeNull();
    expect(layout.ranking.statuses).toEqual([]);
    expect(layout.ranking.sort).toEqual(DEFAULT_LAYOUT.ranking.sort);
    // The good fields survive.
    expect(layout.weightsOpen).toBe(true);
    expect(layout.details).toEqual(CHANGED.details);
    expect(layout.ranking.country).toBe('MY');
    expect(layout.ranking.minCapacityMw).toBe(50);
  });

  it('fills fields an older record did not have with their defaults', () => {
    const storage = memoryStorage();
    const { ranking, ...rest } = CHANGED;
    const { hideExcluded: _h, statuses: _s, ...olderRanking } = ranking;
    storage.setItem(LAYOUT_KEY, JSON.stringify({ version: LAYOUT_VERSION, ...rest, ranking: olderRanking }));
    const layout = loadLayout(storage);
    expect(layout.ranking).toEqual({ ...ranking, hideExcluded: false, statuses: [] });
    expect(layout.sidebarWidth).toBe(700);
  });

  it('clamps sizes into their ranges', () => {
    const storage = memoryStorage();
    storage.setItem(
      LAYOUT_KEY,
      JSON.stringify({
        ...CHANGED,
        version: LAYOUT_VERSION,
        sidebarWidth: 99_999,
        details: { height: 3, collapsed: false },
      }),
    );
    const layout = loadLayout(storage);
    expect(layout.sidebarWidth).toBe(SIDEBAR_WIDTH.max);
    expect(layout.details.height).toBe(DETAILS_HEIGHT.min);
  });

  it('works without storage, and with storage that refuses to read or write', () => {
    expect(loadLayout(null)).toEqual(DEFAULT_LAYOUT);
    expect(() => saveLayout(CHANGED, null)).not.toThrow();
    expect(loadLayout(memoryStorage({ failGet: true }))).toEqual(DEFAULT_LAYOUT);
    const full = memoryStorage({ failSet: true });
    expect(saveLayout({ weightsOpen: true }, full).weightsOpen).toBe(true);
    expect(loadLayout(full)).toEqual(DEFAULT_LAYOUT);
  });

  it('sizes an unset sidebar to the window, and fits any width in it, leaving the map room', () => {
    expect(autoSidebarWidth(1280)).toBe(540);
    expect(autoSidebarWidth(1920)).toBe(691);
    expect(autoSidebarWidth(3840)).toBe(720);
    expect(fitSidebarWidth(540, 1920)).toBe(540);
    expect(fitSidebarWidth(1000, 1280)).toBe(1280 - 360);
    expect(fitSidebarWidth(100, 1280)).toBe(SIDEBAR_WIDTH.min);
    // A window too small for both: the sidebar keeps its minimum.
    expect(fitSidebarWidth(500, 500)).toBe(SIDEBAR_WIDTH.min);
  });
});
