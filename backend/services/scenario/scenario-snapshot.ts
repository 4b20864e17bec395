// One read of the store for one scenario, as a value. Every call that scores, explains or reports a
// scenario (score.run, score.matrix, sensitivity.run, report.*, legality.batch, scenarios.compare)
// reads the tables it needs once here, through the repositories, and derives its answer from the
// snapshot with pure functions: nothing reads the store per site or per market, and no handler
// calls another. Legality is judged here, once per site for the scenario's question, because
// scoring, the report's chains and the batch legality call all want the same answers.
import { listChips } from '../../../db/chips-repo';
import { listCriteria } from '../../../db/criteria-repo';
import { listMarkets } from '../../../db/markets-repo';
import { listMetricValues } from '../../../db/metrics-repo';
import type { Db } from '../../../db/open';
import { listPolicyEvents } from '../../../db/policies-repo';
import { listPresets } from '../../../db/presets-repo';
import { listProfiles } from '../../../db/profiles-repo';
import { listSites } from '../../../db/sites-repo';
import type { LegalityPlace } from '../../../shared/engine/legality';
import { siteLegality, type SiteLegalityResult } from '../../../shared/engine/site-legality';
import { ServiceError } from '../../../shared/errors';
import type { Chip } from '../../../shared/model/chips';
import type { Criterion } from '../../../shared/model/criteria';
import type { MetricValue } from '../../../shared/model/facts';
import type { Market } from '../../../shared/model/jurisdictions';
import { legalitySettings, type LegalitySettings } from '../../../shared/model/legality-settings';
import type { PolicyEvent } from '../../../shared/model/policy';
import type { Preset } from '../../../shared/model/presets';
import type { CompanyProfile } from '../../../shared/model/profiles';
import type { LegalityQuestion, Scenario } from '../../../shared/model/scenario';
import { todayIso, type Site } from '../../../shared/schemas';
import { checkProfileChips } from '../legality/legality-wire';
import { mergeTimeline, readWhatIf, type Timeline, type WhatIf } from './scenario-timeline';

/** What judging legality reads: the sites and their markets, the chips, the profiles and the timeline. */
export interface LegalityData {
  /** In store order (country, then name). */
  sites: Site[];
  markets: Market[];
  chips: Chip[];
  profiles: CompanyProfile[];
  /** The real timeline as the store holds it. */
  realEvents: PolicyEvent[];
  /** The what-if scenario asked for, with its hypothetical events; null when none was. */
  whatIf: WhatIf | null;
}

/** What scoring reads besides: the presets, the criteria and every stored fact. */
export interface ScoringData extends LegalityData {
  presets: Preset[];
  criteria: Criterion[];
  /** Every stored metric value: market facts and site overrides. */
  facts: MetricValue[];
}

export function readLegalityData(db: Db, scenarioId: string | undefined): LegalityData {
  return {
    sites: listSites(db),
    markets: listMarkets(db),
    chips: listChips(db),
    profiles: listProfiles(db),
    realEvents: listPolicyEvents(db),
    whatIf: scenarioId === undefined ? null : readWhatIf(db, scenarioId),
  };
}

export function readScoringData(db: Db, scenarioId: string | undefined): ScoringData {
  return {
    ...readLegalityData(db, scenarioId),
    presets: listPresets(db),
    criteria: listCriteria(db),
    facts: listMetricValues(db),
  };
}

/** The legality question of a scenario with the profile optional (scoring works without one). */
export type LegalityAsked = Omit<LegalityQuestion, 'profileId'> & { profileId?: string | undefined };

/** A legality question resolved against the data: who asks, where, on which day, under which timeline. */
export interface LegalityGround {
  /** The question's date, today (UTC) when it named none. */
  asOf: string;
  settings: LegalitySettings;
  profile: CompanyProfile | null;
  sites: Site[];
  /** Per site, in `sites` order: where legality places it (its market's jurisdiction). */
  places: LegalityPlace[];
  markets: Market[];
  chips: Chip[];
  /** The real events, plus the what-if's when one was asked for. */
  timeline: Timeline;
  /** The real events alone (data.health's undated events count only these). */
  realEvents: PolicyEvent[];
  whatIf: WhatIf | null;
}

/** The ground with every site's answer to the question judged. */
export interface LegalitySnapshot extends LegalityGround {
  /** Per site id: the profile's answer for the workload, every chip of it judged; undefined without a profile. */
  legality: Readonly<Record<string, SiteLegalityResult>> | undefined;
}

/** A scenario resolved against the data: the legality snapshot, the preset and everything scoring reads. */
export interface ScenarioSnapshot extends LegalitySnapshot {
  /** The scenario it was built for (asOf as asked; the resolved date is `asOf`). */
  scenario: Scenario;
  preset: Preset;
  presets: Preset[];
  criteria: Criterion[];
  facts: MetricValue[];
}

/** Pure: the legality question resolved against the data (the profile, when named, must exist). */
export function legalityGround(data: LegalityData, question: LegalityAsked, now?: Date): LegalityGround {
  let profile: CompanyProfile | null = null;
  if (question.profileId !== undefined) {
    profile = data.profiles.find((p) => p.id === question.profileId) ?? null;
    if (profile === null) {
      throw new ServiceError('not_found', `no company profile "${question.profileId}" (profiles.list shows them)`);
    }
    checkProfileChips(profile, data.chips);
  }
  const jurisdictionOf = new Map(data.markets.map((m) => [m.id, m.jurisdictionCode]));
  return {
    asOf: question.asOf ?? todayIso(now),
    settings: legalitySettings(question),
    profile,
    sites: data.sites,
    places: data.sites.map((s) => ({
      name: s.name,
      country: s.country,
      jurisdictionCode: jurisdictionOf.get(s.marketId) ?? null,
    })),
    markets: data.markets,
    chips: data.chips,
    timeline: mergeTimeline(data.realEvents, data.whatIf),
    realEvents: data.realEvents,
    whatIf: data.whatIf,
  };
}

/** Pure: every site's answer to the question (the best lawful option, or the worst chip in 'all' mode). */
export function judgeSites(ground: LegalityGround): LegalitySnapshot {
  const { profile, chips, places, timeline, asOf, settings } = ground;
  if (profile === null) return { ...ground, legality: undefined };
  const legality: Record<string, SiteLegalityResult> = {};
  for (const [i, site] of ground.sites.entries()) {
    legality[site.id] = siteLegality(profile, chips, places[i] as LegalityPlace, timeline.events, asOf, settings);
  }
  return { ...ground, legality };
}

/** Pure: a scenario resolved against the data (the preset and profile must exist). */
export function scenarioSnapshot(data: ScoringData, scenario: Scenario, now?: Date): ScenarioSnapshot {
  const preset = data.presets.find((p) => p.id === scenario.presetId);
  if (preset === undefined) {
    throw new ServiceError('not_found', `no preset "${scenario.presetId}" (presets.list shows them)`);
  }
  return {
    ...judgeSites(legalityGround(data, scenario, now)),
    scenario,
    preset,
    presets: data.presets,
    criteria: data.criteria,
    facts: data.facts,
  };
}

/** One read of the store for `scenario`, resolved: what every scoring call derives its answer from. */
export function readScenarioSnapshot(db: Db, scenario: Scenario, now?: Date): ScenarioSnapshot {
  return scenarioSnapshot(readScoringData(db, scenario.scenarioId), scenario, now);
}
