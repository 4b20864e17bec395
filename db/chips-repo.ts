// Reads of the accelerator catalogue.
import type { Db } from './db';
import type { Chip } from '../shared/model/chips';

interface ChipRow {
  id: string;
  vendor: string;
  name: string;
  chip_class: Chip['chipClass'];
  tpp: number | null;
  memory_gb: number | null;
  notes: string;
  source_title: string;
  source_url: string;
  as_of: string;
}

/** Grouped by export-control class (frontier, China variants, domestic Chinese, other), then vendor and name. */
export function listChips(db: Db): Chip[] {
  const rows = db
    .prepare<[], ChipRow>(
      `SELECT * FROM chips
       ORDER BY CASE chip_class WHEN 'frontier_controlled' THEN 0 WHEN 'china_export_variant' THEN 1
                                WHEN 'domestic_chinese' THEN 2 ELSE 3 END, vendor, name`,
    )
    .all();
  return rows.map((r) => ({
    id: r.id,
    vendor: r.vendor,
    name: r.name,
    chipClass: r.chip_class,
    tpp: r.tpp,
    memoryGb: r.memory_gb,
    notes: r.notes,
    source: { title: r.source_title, url: r.source_url, asOf: r.as_of },
  }));
}
