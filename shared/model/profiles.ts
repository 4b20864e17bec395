// Company profiles: who is deploying, which decides which rules reach them, and which accelerators
// they would accept for each workload.
import { z } from 'zod';
import { Text } from '../text';

const ChipList = z.array(Text);

/** The workloads a profile states accelerators for; a site's legality is asked per workload. */
export const Workload = z.enum(['training', 'inference']);
export type Workload = z.infer<typeof Workload>;

export const WORKLOAD_NAMES: Readonly<Record<Workload, string>> = {
  training: 'Training',
  inference: 'Inference',
};

/** Profiles written before workloads listed one set of needed chips: they become the training chips. */
function upgradeLegacy(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || !('neededChips' in raw) || 'trainingChips' in raw) return raw;
  const { neededChips, ...rest } = raw as Record<string, unknown>;
  return { ultimateParentCountry: null, inferenceChips: [], ...rest, trainingChips: neededChips };
}

const CompanyProfileRecord = z.object({
  id: Text.regex(/^[a-z0-9][a-z0-9-]*$/),
  name: Text.min(1),
  description: Text,
  hqCountry: Text.regex(/^[A-Z]{2}$/),
  /** The country of the ultimate parent when it differs from the HQ (US rules reach both); null = same or none. */
  ultimateParentCountry: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable(),
  stateFunded: z.boolean(),
  entityListed: z.boolean(),
  deployment: z.enum(['owned', 'rented']),
  /** A named company some rules single out (e.g. "ByteDance"), or null. */
  namedCompany: Text.nullable(),
  /** Accelerators the profile would accept for frontier training, best first. */
  trainingChips: ChipList.min(1, 'name at least one accelerator for training'),
  /** Accelerators the profile would accept for inference; empty = the training list. */
  inferenceChips: ChipList,
  builtin: z.boolean(),
});
export const CompanyProfile = z.preprocess(upgradeLegacy, CompanyProfileRecord);
export type CompanyProfile = z.infer<typeof CompanyProfileRecord>;

/** The accelerators a profile would accept for a workload (inference falls back to training). */
export function workloadChips(
  profile: Pick<CompanyProfile, 'trainingChips' | 'inferenceChips'>,
  workload: Workload,
): readonly string[] {
  return workload === 'inference' && profile.inferenceChips.length > 0 ? profile.inferenceChips : profile.trainingChips;
}

/** Every accelerator a profile names, once, training first. */
export function profileChips(profile: Pick<CompanyProfile, 'trainingChips' | 'inferenceChips'>): string[] {
  return [...new Set([...profile.trainingChips, ...profile.inferenceChips])];
}
