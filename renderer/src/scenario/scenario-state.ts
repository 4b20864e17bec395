// The scenario as the workspace holds it (null: the preset's own choice) and the reference lists it
// is chosen from. Apart from store.ts so that the remembered scenario can name them without a circle.
import type { CallOutput } from '../../../shared/contract';
import type { ThinDataPolicy } from '../../../shared/model/coverage-settings';
import type { LegalityMode } from '../../../shared/model/legality-settings';
import type { PolicyConfidence } from '../../../shared/model/policy';
import type { HardConstraint } from '../../../shared/model/presets';
import type { Workload } from '../../../shared/model/profiles';
import type { ScoreNormalisation } from '../../../shared/model/scenario';

export type ScoreRun = CallOutput<'score.run'>;
export type Method = ScoreRun['method'];
export type Normalisation = ScoreNormalisation;

export interface Choices {
  presets: CallOutput<'presets.list'>;
  profiles: CallOutput<'profiles.list'>;
  criteria: CallOutput<'criteria.list'>;
  /** The whole policy timeline, for the as-of slider's event marks. */
  policies: CallOutput<'policies.list'>;
  /** The accelerator catalogue, so chips are named by vendor and name rather than by id. */
  chips: CallOutput<'chips.list'>;
}

export interface Scenario {
  presetId: string | null;
  profileId: string | null;
  /** YYYY-MM-DD */
  asOf: string;
  /** null: the preset's own method. */
  method: Method | null;
  /** null: the preset's own normalisation (each criterion's, unless the preset says otherwise). */
  normalisation: Normalisation | null;
  /** Criterion id → weight overriding the preset's (from the weights panel); null: the preset's. */
  weights: Record<string, number> | null;
  /** Hard constraints replacing the preset's (from the weights panel); null: the preset's. */
  constraints: HardConstraint[] | null;
  /** Which of the profile's workloads legality is judged for (shared/model/legality-settings.ts). */
  workload: Workload;
  /** 'best': the best lawful chip decides a site; 'all': every chip must clear. */
  legalityMode: LegalityMode;
  /** The least firm policy tier that counts ('reported': rules, announcements and press reports). */
  confidenceFloor: PolicyConfidence;
  /** Coverage (0..1, share of the weight on known values) below which a site is "thin data". */
  minCoverage: number;
  /** 'mark': a thin site stays ranked, marked; 'exclude': it is left out of the ranking. */
  thinData: ThinDataPolicy;
}
