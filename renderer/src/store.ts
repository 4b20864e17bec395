// UI state in one zustand store. Data lives in the backend; this holds what the screen shows and
// the last results fetched. A factory, so each test gets a fresh store.
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CallOutput } from '../../shared/contract';
import type { AppInfo, Site } from '../../shared/schemas';
import type { Client } from './api/client';

export type LoadState = 'loading' | 'ready' | 'error';
export type ScoreRun = CallOutput<'score.run'>;
export type Method = ScoreRun['method'];

export interface Choices {
  presets: CallOutput<'presets.list'>;
  profiles: CallOutput<'profiles.list'>;
  criteria: CallOutput<'criteria.list'>;
  /** The whole policy timeline, for the as-of slider's event marks. */
  policies: CallOutput<'policies.list'>;
}

export interface Scenario {
  presetId: string | null;
  profileId: string | null;
  /** YYYY-MM-DD */
  asOf: string;
  /** null: the preset's own method. */
  method: Method | null;
  /** Criterion id → weight overriding the preset's (from the weights panel); null: the preset's. */
  weights: Record<string, number> | null;
}

export interface AppState {
  loadState: LoadState;
  error: string | null;
  info: AppInfo | null;
  sites: Site[];
  choices: Choices;
  scenario: Scenario;
  score: ScoreRun | null;
  scoreError: string | null;
  selectedSiteId: string | null;
  /** Sites pinned for side-by-side comparison (at most MAX_COMPARE). */
  compare: string[];
  /** The overlay open over the map, if any. */
  panel: Panel;
  /** Earlier and undone weight overrides, for undo and redo (a drag counts as one edit). */
  weightHistory: { past: WeightsOverride[]; future: WeightsOverride[] };
  undoWeights(client: Client): Promise<void>;
  redoWeights(client: Client): Promise<void>;
  setPanel(panel: Panel): void;
  load(client: Client): Promise<void>;
  rescore(client: Client): Promise<void>;
  setScenario(client: Client, change: Partial<Scenario>): Promise<void>;
  select(siteId: string | null): void;
  toggleCompare(siteId: string): void;
}

export const MAX_COMPARE = 4;

export type Panel = 'none' | 'sensitivity' | 'help';

type WeightsOverride = Record<string, number> | null;

/** Weight changes closer together than this are one edit (one drag of a slider). */
export const WEIGHT_EDIT_COALESCE_MS = 600;

/**
 * The profile the workspace opens with when none was chosen: the case Landfall exists for, a
 * China-headquartered lab renting offshore capacity; otherwise the first profile.
 */
export const DEFAULT_PROFILE_ID = 'cn-private-lab-rented';

export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function createAppStore(): StoreApi<AppState> {
  // Results of an older request must not overwrite a newer one (fast date dragging).
  let scoreRequest = 0;
  let lastWeightEdit = 0;
  return createStore<AppState>()((set, get) => ({
    loadState: 'loading',
    error: null,
    info: null,
    sites: [],
    choices: { presets: [], profiles: [], criteria: [], policies: [] },
    scenario: { presetId: null, profileId: null, asOf: todayIso(), method: null, weights: null },
    score: null,
    scoreError: null,
    selectedSiteId: null,
    compare: [],
    panel: 'none',
    weightHistory: { past: [], future: [] },
    async undoWeights(client) {
      const { past, future } = get().weightHistory;
      const previous = past.at(-1);
      if (previous === undefined) return;
      lastWeightEdit = 0;
      set({ weightHistory: { past: past.slice(0, -1), future: [...future, get().scenario.weights] } });
      set({ scenario: { ...get().scenario, weights: previous } });
      await get().rescore(client);
    },
    async redoWeights(client) {
      const { past, future } = get().weightHistory;
      const next = future.at(-1);
      if (next === undefined) return;
      lastWeightEdit = 0;
      set({ weightHistory: { past: [...past, get().scenario.weights], future: future.slice(0, -1) } });
      set({ scenario: { ...get().scenario, weights: next } });
      await get().rescore(client);
    },
    setPanel(panel) {
      set({ panel });
    },
    async load(client) {
      set({ loadState: 'loading', error: null });
      try {
        const [info, sites, presets, profiles, criteria, policies] = await Promise.all([
          client.call('app.info', {}),
          client.call('sites.list', {}),
          client.call('presets.list', {}),
          client.call('profiles.list', {}),
          client.call('criteria.list', {}),
          client.call('policies.list', {}),
        ]);
        const { scenario } = get();
        set({
          info,
          sites,
          choices: { presets, profiles, criteria, policies },
          scenario: {
            ...scenario,
            presetId: scenario.presetId ?? presets[0]?.id ?? null,
            profileId:
              scenario.profileId ?? profiles.find((p) => p.id === DEFAULT_PROFILE_ID)?.id ?? profiles[0]?.id ?? null,
          },
          loadState: 'ready',
        });
      } catch (error) {
        set({ loadState: 'error', error: error instanceof Error ? error.message : String(error) });
        return;
      }
      await get().rescore(client);
    },
    async rescore(client) {
      const { scenario } = get();
      if (scenario.presetId === null) return;
      const request = ++scoreRequest;
      try {
        const score = await client.call('score.run', {
          presetId: scenario.presetId,
          ...(scenario.profileId ? { profileId: scenario.profileId } : {}),
          asOf: scenario.asOf,
          ...(scenario.method ? { method: scenario.method } : {}),
          ...(scenario.weights ? { weights: scenario.weights } : {}),
        });
        if (request === scoreRequest) set({ score, scoreError: null });
      } catch (error) {
        if (request === scoreRequest) set({ scoreError: error instanceof Error ? error.message : String(error) });
      }
    },
    async setScenario(client, change) {
      const current = get().scenario;
      // Another preset brings its own weights: drop the overrides made for the previous one.
      const presetChanged = change.presetId !== undefined && change.presetId !== current.presetId;
      const weights = presetChanged ? null : current.weights;
      if (presetChanged) {
        set({ weightHistory: { past: [], future: [] } });
      } else if (change.weights !== undefined) {
        const now = Date.now();
        if (now - lastWeightEdit > WEIGHT_EDIT_COALESCE_MS) {
          const { past } = get().weightHistory;
          set({ weightHistory: { past: [...past, current.weights], future: [] } });
        }
        lastWeightEdit = now;
      }
      set({ scenario: { ...current, weights, ...change } });
      await get().rescore(client);
    },
    select(siteId) {
      set({ selectedSiteId: siteId });
    },
    toggleCompare(siteId) {
      const { compare } = get();
      if (compare.includes(siteId)) set({ compare: compare.filter((id) => id !== siteId) });
      else if (compare.length < MAX_COMPARE) set({ compare: [...compare, siteId] });
    },
  }));
}

export function useAppStore<T>(store: StoreApi<AppState>, selector: (state: AppState) => T): T {
  return useStore(store, selector);
}
