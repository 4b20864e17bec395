// How a scenario asks the legality question: for which workload, whether the best lawful chip or
// every chip must clear, and which confidence tiers of policy events count. One description, spread
// into every call that scores or explains legality.
import { z } from 'zod';
import { PolicyConfidence } from './policy';
import { Workload } from './profiles';

/**
 * 'best': a site is as good as the best accelerator of the workload's list the company may run there
 * (a lab picks the best chip it lawfully can); 'all': as bad as the worst (fleet planning).
 */
export const LegalityMode = z.enum(['best', 'all']);
export type LegalityMode = z.infer<typeof LegalityMode>;

export interface LegalitySettings {
  workload: Workload;
  mode: LegalityMode;
  /**
   * The least firm tier that counts: 'reported' (default) counts rules, announcements and press
   * reports, each flagged; 'announced' drops press reports; 'rule' counts official rule text only.
   */
  confidenceFloor: PolicyConfidence;
}

export const DEFAULT_LEGALITY_SETTINGS: LegalitySettings = {
  workload: 'training',
  mode: 'best',
  confidenceFloor: 'reported',
};

/** The optional scenario fields, as every call's input spreads them. */
export const LegalityOverrides = {
  /** Which of the profile's workloads legality is judged for (default training). */
  workload: Workload.optional(),
  /** 'best' lawful option (default) or 'all' chips must clear. */
  legalityMode: LegalityMode.optional(),
  /** The least firm policy tier that counts (default 'reported': everything counts, flagged). */
  confidenceFloor: PolicyConfidence.optional(),
};

export function legalitySettings(input: {
  workload?: Workload | undefined;
  legalityMode?: LegalityMode | undefined;
  confidenceFloor?: PolicyConfidence | undefined;
}): LegalitySettings {
  return {
    workload: input.workload ?? DEFAULT_LEGALITY_SETTINGS.workload,
    mode: input.legalityMode ?? DEFAULT_LEGALITY_SETTINGS.mode,
    confidenceFloor: input.confidenceFloor ?? DEFAULT_LEGALITY_SETTINGS.confidenceFloor,
  };
}
