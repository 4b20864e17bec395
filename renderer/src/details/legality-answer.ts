// A site's legality answer in the planner's words: the headline (status with the chip behind it,
// and the strongest chip's own status when worse), the confidence flag, lawful compute, and which
// chain rows are quiet (collapsed). Pure, so it is tested without a DOM.
import type { LegalityChainEvent, SiteLegalityResult } from '../../../shared/calls/legality-calls';
import { STATUS_TITLE } from '../../../shared/engine/legality';
import type { Chip } from '../../../shared/model/chips';
import { ROLE_TEXT } from '../../../shared/report/words';
import type { PolicyConfidence } from '../../../shared/model/policy';

export type ChipCatalogue = readonly Pick<Chip, 'id' | 'vendor' | 'name' | 'tpp'>[];
type Answer = Pick<
  SiteLegalityResult,
  'status' | 'chipId' | 'strongestChipId' | 'mode' | 'chips' | 'lawfulTpp' | 'lawfulChipId'
>;

/** "Nvidia B200"; the id when the catalogue does not know the chip. */
export function chipName(id: string, catalogue: ChipCatalogue): string {
  const chip = catalogue.find((c) => c.id === id);
  return chip === undefined ? id : `${chip.vendor} ${chip.name}`;
}

/**
 * "Allowed with Huawei Ascend 910C · Nvidia B200 Licence, presumption of denial": the answer's
 * status with its chip, and in 'best' mode the strongest chip (by TPP) of the workload when it
 * fares worse; in 'all' mode the most restricted chip is the one named.
 */
export function legalityHeadline(answer: Answer, catalogue: ChipCatalogue): string {
  const head = `${STATUS_TITLE[answer.status]} with ${chipName(answer.chipId, catalogue)}`;
  if (answer.mode === 'all') {
    return answer.chips.length > 1 ? `${head} (the most restricted of ${answer.chips.length} chips)` : head;
  }
  // The engine names the strongest chip when it fares worse than the answer's (site-legality.ts).
  const strongest = answer.chips.find((c) => c.chipId === answer.strongestChipId);
  if (strongest === undefined) return head;
  return `${head} · ${chipName(strongest.chipId, catalogue)} ${STATUS_TITLE[strongest.status]}`;
}

/** A flag when the answer rests on measures less firm than rule text; null otherwise. */
export function tierFlag(confidence: PolicyConfidence | null): string | null {
  if (confidence === 'announced') return 'Rests on announced measures (no rule text yet)';
  if (confidence === 'reported') return 'Rests on press reports (no official text)';
  return null;
}

/** "36,000 TPP (Nvidia B200)", "none without a licence" or "unknown". */
export function lawfulCompute(answer: Answer, catalogue: ChipCatalogue): string {
  if (answer.lawfulTpp === null) return 'unknown (the lawful chips have no TPP on record)';
  if (answer.lawfulTpp === 0) return 'none without a licence';
  const chip = answer.lawfulChipId === null ? '' : ` (${chipName(answer.lawfulChipId, catalogue)})`;
  return `${answer.lawfulTpp.toLocaleString('en-US')} TPP${chip}`;
}

/** Chain rows that explain why an event does not bind: collapsed by default. */
export const QUIET_ROLES: ReadonlySet<LegalityChainEvent['role']> = new Set(['out-of-scope', 'not-counted']);

/** A chain role in words: the same words the report uses. */
export const ROLE_WORDS: Readonly<Record<LegalityChainEvent['role'], string>> = ROLE_TEXT;
