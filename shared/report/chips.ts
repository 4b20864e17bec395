// Chips in a report are named as a reader knows them, by vendor and name ("Nvidia H200"), never by the
// store's id ("nvidia-h200"): the model carries the profile's chips, and every format asks chipNamer.
// The ids are left only where the stored records are quoted for reproduction, with a key beside them.
import type { ReportChip, ReportModel } from './model';

/** The profile's chips (training, then inference), each once, as the catalogue names them. */
export function reportChips(
  catalogue: readonly ReportChip[],
  profile: { trainingChips: readonly string[]; inferenceChips: readonly string[] } | null,
): ReportChip[] {
  if (profile === null) return [];
  const byId = new Map(catalogue.map((c) => [c.id, c]));
  return [...new Set([...profile.trainingChips, ...profile.inferenceChips])].map((id) => {
    const c = byId.get(id);
    return { id, vendor: c?.vendor ?? '', name: c?.name ?? id };
  });
}

/** "Nvidia H200" for nvidia-h200; a chip the report does not know keeps its id. */
export function chipNamer(model: Pick<ReportModel, 'chips'>): (id: string) => string {
  const names = new Map(model.chips.map((c) => [c.id, `${c.vendor} ${c.name}`.trim()]));
  return (id) => names.get(id) ?? id;
}
