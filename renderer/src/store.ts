// UI state in one zustand store. Data lives in the backend; this holds what the screen shows and
// the last results fetched. A factory, so each test gets a fresh store.
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CallOutput } from '../../shared/contract';
import type { LegalityStatus } from '../../shared/engine/types';
import { DEFAULT_COVERAGE_SETTINGS } from '../../shared/model/coverage-settings';
import { DEFAULT_LEGALITY_SETTINGS } from '../../shared/model/legality-settings';
import type { HardConstraint } from '../../shared/model/presets';
import { todayIso, type AppInfo, type Site } from '../../shared/schemas';
import { sameScoreRun } from '../../shared/score-live';
import type { Client } from './api/client';
import { createLiveScorer, matrixInput, type ScoreRunInput } from './live-score';
import { DEFAULT_RANKING_VIEW, loadLayout, saveLayout, type RankingView } from './remembered/layout';
import { defaultStorage } from './remembered/record';
import { restoreScenario, scenarioRecord } from './remembered/scenario';
import type { Choices, Method, Normalisation, Scenario, ScoreRun } from './scenario/scenario-state';

export type LoadState = 'loading' | 'ready' | 'error';
export type { Choices, Method, Normalisation, Scenario, ScoreRun } from './scenario/scenario-state';

/** How the scenario asks the legality question; sent with every scoring, legality and report call. */
export type LegalityChoice = Pick<Scenario, 'workload' | 'legalityMode' | 'confidenceFloor'>;
export const DEFAULT_LEGALITY_CHOICE: LegalityChoice = {
  workload: DEFAULT_LEGALITY_SETTINGS.workload,
  legalityMode: DEFAULT_LEGALITY_SETTINGS.mode,
  confidenceFloor: DEFAULT_LEGALITY_SETTINGS.confidenceFloor,
};

/**
 * How much of a score must rest on known values before the planner trusts it; sent with every
 * scoring call (shared/model/coverage-settings.ts). Like the legality question it is the planner's,
 * not the preset's: it stays when the preset changes.
 */
export type CoverageChoice = Pick<Scenario, 'minCoverage' | 'thinData'>;
export const DEFAULT_COVERAGE_CHOICE: CoverageChoice = { ...DEFAULT_COVERAGE_SETTINGS };

/** What the planner changes on top of the preset: undone and redone as one. */
export type ScenarioEdit = Pick<
  Scenario,
  | 'method'
  | 'normalisation'
  | 'weights'
  | 'constraints'
  | 'workload'
  | 'legalityMode'
  | 'confidenceFloor'
  | 'minCoverage'
  | 'thinData'
>;
const EDIT_KEYS = [
  'method',
  'normalisation',
  'weights',
  'constraints',
  'workload',
  'legalityMode',
  'confidenceFloor',
  'minCoverage',
  'thinData',
] as const;
const editOf = (s: Scenario): ScenarioEdit => ({
  method: s.method,
  normalisation: s.normalisation,
  weights: s.weights,
  constraints: s.constraints,
  workload: s.workload,
  legalityMode: s.legalityMode,
  confidenceFloor: s.confidenceFloor,
  minCoverage: s.minCoverage,
  thinData: s.thinData,
});
/** The preset's own overrides, none of them set: the preset as saved. */
export type PresetOverrides = Pick<Scenario, 'method' | 'normalisation' | 'weights' | 'constraints'>;
/** No overrides: the preset as saved (the legality question is the planner's and stays). */
export const NO_OVERRIDES: PresetOverrides = { method: null, normalisation: null, weights: null, constraints: null };

/** One site's legality answer for the scenario, as score.matrix derives it. */
export interface SiteLegalityAnswer {
  status: LegalityStatus;
  reason: string;
  /** The least firm tier the answer rests on; announced and reported answers are flagged. */
  confidence?: 'rule' | 'announced' | 'reported' | null | undefined;
}

/**
 * Every site's legality answer for the scenario on screen, from the score.matrix the live scorer
 * keeps (one call, not one per site or market); `key` says which scenario it answers.
 */
export interface SiteLegalities {
  key: string;
  /** Site id → answer; empty without a profile. */
  sites: Readonly<Record<string, SiteLegalityAnswer>>;
  error: string | null;
}
export interface AppState {
  loadState: LoadState;
  error: string | null;
  info: AppInfo | null;
  sites: Site[];
  choices: Choices;
  scenario: Scenario;
  /** What restoring the remembered scenario had to replace (a preset no longer in the store); null: nothing. */
  scenarioNotice: string | null;
  score: ScoreRun | null;
  scoreError: string | null;
  /** The sites' legality answers for the last scenario asked; compare `key` with legalityKey(scenario). */
  legality: SiteLegalities | null;
  selectedSiteId: string | null;
  /** Sites pinned for side-by-side comparison (at most MAX_COMPARE). */
  compare: string[];
  /**
   * The site ids in the order the ranking table shows them (its sort and filters), published by the
   * table so j/k step through what is on screen; null while no table is mounted.
   */
  visibleOrder: string[] | null;
  /** The overlay open over the map, if any. */
  panel: Panel;
  /** The ranking's sort and filters, remembered across reloads (remembered/layout.ts). */
  rankingView: RankingView;
  setRankingView(change: Partial<RankingView>): void;
  clearRankingFilters(): void;
  /** Earlier and undone scenario edits, for undo and redo (a slider drag counts as one edit). */
  history: { past: ScenarioEdit[]; future: ScenarioEdit[] };
  undo(client: Client): Promise<void>;
  redo(client: Client): Promise<void>;
  /** Fetches the presets again and selects `presetId` with no overrides (after saving a preset). */
  reloadPresets(client: Client, presetId: string): Promise<void>;
  setPanel(panel: Panel): void;
  /** The data workbench's table and the row (and field) to scroll to and focus; null: closed. */
  workbench: WorkbenchTarget | null;
  /** Opens the data workbench on `table`, scrolled to `focus.key` (and its `field`) with that cell focused. */
  openWorkbench(table: WorkbenchTable, focus?: { key: string; field?: string }): void;
  /**
   * The cell edit the workbench holds unsaved ("Latitude of sg-tuas: “123”"), or null. While there is
   * one, closing the workbench or leaving its table (setPanel, openWorkbench) does not discard it: it
   * is kept in `workbenchLeave` until the planner answers the workbench's question.
   */
  workbenchUnsaved: string | null;
  workbenchLeave: { panel: Panel; workbench: WorkbenchTarget | null } | null;
  /** The answer: discard the edit and go where asked, or stay and keep editing. */
  answerWorkbenchLeave(discard: boolean): void;
  /** The what-if scenario shown beside the real timeline (workbench/scenarios); null: none. */
  whatIfScenarioId: string | null;
  /** Its ranking both ways for the scenario on screen (fetched by the side-by-side view). */
  whatIfComparison: CallOutput<'scenarios.compare'> | null;
  /** Which scores the map colours its markers by while a what-if is active. */
  mapScores: 'real' | 'whatIf';
  setWhatIf(change: Partial<Pick<AppState, 'whatIfScenarioId' | 'whatIfComparison' | 'mapScores'>>): void;
  load(client: Client): Promise<void>;
  rescore(client: Client): Promise<void>;
  /** Fetches what live re-ranking needs for the scenario on screen (the weights panel opened). */
  prepareLiveScoring(client: Client): void;
  /**
   * Changes the scenario and re-scores. An edit of the weights, constraints, method or normalisation
   * is recorded for undo; `gesture: true` (a slider drag) merges it with the previous weight change of
   * the same gesture if that came less than WEIGHT_EDIT_COALESCE_MS ago.
   */
  setScenario(client: Client, change: Partial<Scenario>, options?: { gesture?: boolean }): Promise<void>;
  select(siteId: string | null): void;
  toggleCompare(siteId: string): void;
}

export const MAX_COMPARE = 4;

export type Panel = 'none' | 'sensitivity' | 'help' | 'workbench' | 'history' | 'scenarios' | 'health' | 'presets';

/** The tables the data workbench shows (data.apply's names; 'profiles' is company_profiles). */
export type WorkbenchTable = 'sites' | 'metric_values' | 'chips' | 'policy_events' | 'profiles' | 'criteria';
export interface WorkbenchTarget {
  table: WorkbenchTable;
  /** The row's key as the grid names it (an id, or "criterion@site:ID" for a fact). */
  focus: { key: string; field?: string } | null;
  /** Bumped on each open, so opening the same cell twice scrolls to it again. */
  seq: number;
}

/** A drag's steps are scored in the renderer; score.run confirms once the steps pause this long. */
export const LIVE_CONFIRM_MS = 250;

/** Gesture weight changes closer together than this are one edit (one drag of a slider). */
export const WEIGHT_EDIT_COALESCE_MS = 600;

/**
 * The profile the workspace opens with when none was chosen: the case Landfall exists for, a
 * China-headquartered lab renting offshore capacity; otherwise the first profile.
 */
export const DEFAULT_PROFILE_ID = 'cn-private-lab-rented';

/** The one default date (shared/schemas.ts), re-exported for the components that default to today. */
export { todayIso };

/** The panels that show the data workbench (its history is a pane of it). */
export const showsWorkbench = (panel: Panel): boolean => panel === 'workbench' || panel === 'history';

/**
 * Whether going to `panel` with `workbench` would take the grid away from an unsaved edit: closing
 * the workbench, or any new target (another table remounts the grid; another cell moves the editor).
 */
function leavesUnsavedEdit(state: AppState, panel: Panel, workbench: WorkbenchTarget | null): boolean {
  if (state.workbenchUnsaved === null || !showsWorkbench(state.panel)) return false;
  return !showsWorkbench(panel) || workbench !== state.workbench;
}

/** The scenario before anything is chosen or remembered: no preset or profile yet, as of today. */
function startingScenario(): Scenario {
  return {
    presetId: null,
    profileId: null,
    asOf: todayIso(),
    ...NO_OVERRIDES,
    ...DEFAULT_LEGALITY_CHOICE,
    ...DEFAULT_COVERAGE_CHOICE,
  };
}

export interface AppStoreOptions {
  /** Where the scenario and the ranking's view are remembered across reloads and restarts; default localStorage, null: nowhere. */
  storage?: Storage | null;
}

export function createAppStore(options: AppStoreOptions = {}): StoreApi<AppState> {
  const storage = options.storage === undefined ? defaultStorage() : options.storage;
  const rememberedScenario = scenarioRecord(startingScenario);
  // Results of an older request must not overwrite a newer one (fast date dragging).
  let scoreRequest = 0;
  let lastWeightEdit = 0;
  const live = createLiveScorer();
  let confirmTimer: ReturnType<typeof setTimeout> | undefined;
  // The legality answers come with the decision matrix the live scorer keeps (score.matrix): asked
  // once per scenario, and a weight change, which leaves the matrix as it is, asks nothing.
  let legalityAsked: string | null = null;
  let setLegality: (legality: SiteLegalities) => void = () => undefined;
  const refreshLegality = (client: Client, input: ScoreRunInput): void => {
    const key = legalityKeyOf(input);
    if (key === null || legalityAsked === key) return;
    legalityAsked = key;
    live.matrix(client, input).then(
      (m) => setLegality({ key, sites: m.legality ?? {}, error: null }),
      (error: unknown) => {
        legalityAsked = null;
        setLegality({ key, sites: {}, error: error instanceof Error ? error.message : String(error) });
      },
    );
  };
  const store = createStore<AppState>()((set, get) => {
    setLegality = (legality) => {
      // An answer for a scenario no longer on screen is dropped (fast date dragging).
      if (legalityKey(get().scenario) === legality.key) set({ legality });
    };
    return {
      loadState: 'loading',
      error: null,
      info: null,
      sites: [],
      choices: { presets: [], profiles: [], criteria: [], policies: [], chips: [] },
      // The question the planner left open last time; load() checks it against the store's data.
      scenario: rememberedScenario.load(storage),
      scenarioNotice: null,
      score: null,
      scoreError: null,
      legality: null,
      selectedSiteId: null,
      compare: [],
      visibleOrder: null,
      panel: 'none',
      rankingView: loadLayout(storage).ranking,
      setRankingView(change) {
        const rankingView = { ...get().rankingView, ...change };
        set({ rankingView });
        saveLayout({ ranking: rankingView }, storage);
      },
      clearRankingFilters() {
        get().setRankingView({ ...DEFAULT_RANKING_VIEW, sort: get().rankingView.sort });
      },
      history: { past: [], future: [] },
      async undo(client) {
        const { past, future } = get().history;
        const previous = past.at(-1);
        if (previous === undefined) return;
        lastWeightEdit = 0;
        const { scenario } = get();
        set({
          history: { past: past.slice(0, -1), future: [...future, editOf(scenario)] },
          scenario: { ...scenario, ...previous },
        });
        await get().rescore(client);
      },
      async redo(client) {
        const { past, future } = get().history;
        const next = future.at(-1);
        if (next === undefined) return;
        lastWeightEdit = 0;
        const { scenario } = get();
        set({
          history: { past: [...past, editOf(scenario)], future: future.slice(0, -1) },
          scenario: { ...scenario, ...next },
        });
        await get().rescore(client);
      },
      async reloadPresets(client, presetId) {
        const presets = await client.call('presets.list', {});
        lastWeightEdit = 0;
        set({
          choices: { ...get().choices, presets },
          scenario: { ...get().scenario, presetId, ...NO_OVERRIDES },
          history: { past: [], future: [] },
        });
        await get().rescore(client);
      },
      setPanel(panel) {
        if (leavesUnsavedEdit(get(), panel, get().workbench)) {
          set({ workbenchLeave: { panel, workbench: get().workbench } });
          return;
        }
        set({ panel });
      },
      whatIfScenarioId: null,
      whatIfComparison: null,
      mapScores: 'real',
      setWhatIf(change) {
        // Another scenario (or none): the old comparison and the what-if map colours no longer apply.
        const switched = change.whatIfScenarioId !== undefined && change.whatIfScenarioId !== get().whatIfScenarioId;
        set(switched ? { whatIfComparison: null, mapScores: 'real', ...change } : change);
      },
      workbench: null,
      openWorkbench(table, focus) {
        const seq = (get().workbench?.seq ?? 0) + 1;
        const workbench = { table, focus: focus ?? null, seq };
        if (leavesUnsavedEdit(get(), 'workbench', workbench)) {
          set({ workbenchLeave: { panel: 'workbench', workbench } });
          return;
        }
        set({ panel: 'workbench', workbench });
      },
      workbenchUnsaved: null,
      workbenchLeave: null,
      answerWorkbenchLeave(discard) {
        const leave = get().workbenchLeave;
        if (leave === null) return;
        set(discard ? { ...leave, workbenchLeave: null, workbenchUnsaved: null } : { workbenchLeave: null });
      },
      async load(client) {
        // The data may have changed: the live matrix is fetched again when next needed.
        live.clear();
        set({ loadState: 'loading', error: null });
        try {
          const [info, sites, presets, profiles, criteria, policies, chips] = await Promise.all([
            client.call('app.info', {}),
            client.call('sites.list', {}),
            client.call('presets.list', {}),
            client.call('profiles.list', {}),
            client.call('criteria.list', {}),
            client.call('policies.list', {}),
            client.call('chips.list', {}),
          ]);
          const fallback = {
            presetId: presets[0]?.id ?? null,
            profileId: profiles.find((p) => p.id === DEFAULT_PROFILE_ID)?.id ?? profiles[0]?.id ?? null,
          };
          const restored = restoreScenario(get().scenario, { presets, profiles, criteria }, fallback);
          set({
            info,
            sites,
            choices: { presets, profiles, criteria, policies, chips },
            scenario: restored.scenario,
            scenarioNotice: restored.notice,
            loadState: 'ready',
          });
        } catch (error) {
          set({ loadState: 'error', error: error instanceof Error ? error.message : String(error) });
          return;
        }
        await get().rescore(client);
      },
      async rescore(client) {
        const input = scoreRunInput(get().scenario);
        if (input === null) return;
        const request = ++scoreRequest;
        refreshLegality(client, input);
        try {
          const score = await client.call('score.run', input);
          // An answer equal to the one shown (score.run confirming a live re-rank) is not drawn again.
          const shown = get().score;
          if (request === scoreRequest)
            set(shown && sameScoreRun(shown, score) ? { scoreError: null } : { score, scoreError: null });
        } catch (error) {
          if (request === scoreRequest) set({ scoreError: error instanceof Error ? error.message : String(error) });
        }
      },
      async setScenario(client, change, options = {}) {
        const current = get().scenario;
        // The planner chose a preset or profile: what the restore replaced no longer needs saying.
        if (get().scenarioNotice !== null && (change.presetId !== undefined || change.profileId !== undefined))
          set({ scenarioNotice: null });
        // Another preset brings its own weights and constraints: drop the overrides made for the
        // previous one (the method and normalisation are questions of their own and stay).
        const presetChanged = change.presetId !== undefined && change.presetId !== current.presetId;
        const next: Scenario = presetChanged
          ? { ...current, weights: null, constraints: null, ...change }
          : { ...current, ...change };
        const edited = EDIT_KEYS.filter((k) => Object.hasOwn(change, k));
        if (presetChanged) {
          lastWeightEdit = 0;
          set({ history: { past: [], future: [] } });
        } else if (edited.length > 0 && JSON.stringify(editOf(next)) !== JSON.stringify(editOf(current))) {
          // A burst of weight changes from one gesture (a drag) is one edit; anything else is its own.
          const now = Date.now();
          const drag = options.gesture === true && edited.length === 1 && edited[0] === 'weights';
          if (!drag || now - lastWeightEdit > WEIGHT_EDIT_COALESCE_MS) {
            set({ history: { past: [...get().history.past, editOf(current)], future: [] } });
          }
          lastWeightEdit = drag ? now : 0;
        }
        // A step of a weight drag is scored here at once (live-score.ts); score.run confirms when it pauses.
        const dragStep = options.gesture === true && !presetChanged && edited.length === 1 && edited[0] === 'weights';
        const local = dragStep ? scoreRunInput(next) : null;
        const scored = local === null ? null : live.score(client, local);
        if (scored !== null) {
          scoreRequest++;
          set({ scenario: next, score: scored, scoreError: null });
          clearTimeout(confirmTimer);
          confirmTimer = setTimeout(() => void get().rescore(client), LIVE_CONFIRM_MS);
          return;
        }
        set({ scenario: next });
        await get().rescore(client);
      },
      prepareLiveScoring(client) {
        const input = scoreRunInput(get().scenario);
        if (input !== null) live.prepare(client, input);
      },
      select(siteId) {
        set({ selectedSiteId: siteId });
      },
      toggleCompare(siteId) {
        const { compare } = get();
        if (compare.includes(siteId)) set({ compare: compare.filter((id) => id !== siteId) });
        else if (compare.length < MAX_COMPARE) set({ compare: [...compare, siteId] });
      },
    };
  });
  // Every change of the question is remembered at once, so a crash or a closed window loses nothing.
  store.subscribe((state, previous) => {
    if (state.scenario !== previous.scenario) rememberedScenario.save(state.scenario, storage);
  });
  return store;
}

/** score.run's input for the scenario on screen; null before a preset is chosen. */
export function scoreRunInput(scenario: Scenario): ScoreRunInput | null {
  if (scenario.presetId === null) return null;
  return {
    presetId: scenario.presetId,
    ...(scenario.profileId ? { profileId: scenario.profileId } : {}),
    asOf: scenario.asOf,
    ...scenarioOverrides(scenario),
  };
}

/**
 * The scenario's overrides as score.run, score.matrix, sensitivity.run, scenarios.compare and
 * report.render take them (absent: the preset's), with the legality question and the coverage
 * settings always said.
 */
export function scenarioOverrides(scenario: Scenario): {
  method?: Method;
  normalisation?: Normalisation;
  weights?: Record<string, number>;
  constraints?: HardConstraint[];
} & LegalityChoice &
  CoverageChoice {
  return {
    ...(scenario.method ? { method: scenario.method } : {}),
    ...(scenario.normalisation ? { normalisation: scenario.normalisation } : {}),
    ...(scenario.weights ? { weights: scenario.weights } : {}),
    ...(scenario.constraints ? { constraints: scenario.constraints } : {}),
    ...legalityChoice(scenario),
    ...coverageChoice(scenario),
  };
}

/** The coverage settings of a scenario, as every scoring call takes them. */
export function coverageChoice(scenario: CoverageChoice): CoverageChoice {
  return { minCoverage: scenario.minCoverage, thinData: scenario.thinData };
}

/** The legality question of a scenario, as every legality and scoring call takes it. */
export function legalityChoice(scenario: LegalityChoice): LegalityChoice {
  return {
    workload: scenario.workload,
    legalityMode: scenario.legalityMode,
    confidenceFloor: scenario.confidenceFloor,
  };
}

/** Which scenario a legality answer belongs to: score.matrix's input; null without a preset or a profile. */
function legalityKeyOf(input: ScoreRunInput): string | null {
  return input.profileId === undefined ? null : JSON.stringify(matrixInput(input));
}

export function legalityKey(scenario: Scenario): string | null {
  const input = scoreRunInput(scenario);
  return input === null ? null : legalityKeyOf(input);
}

export function useAppStore<T>(store: StoreApi<AppState>, selector: (state: AppState) => T): T {
  return useStore(store, selector);
}
