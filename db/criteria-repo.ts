// Reads of criteria: what sites are scored on, in display order.
import type { Db } from './db';
import type { Criterion } from '../shared/model/criteria';

interface CriterionRow {
  id: string;
  name: string;
  group_id: Criterion['group'];
  unit: string;
  direction: Criterion['direction'];
  normalisation: Criterion['normalisation'];
  derived: number;
  description: string;
  sort_order: number;
}

export function listCriteria(db: Db): Criterion[] {
  const rows = db.prepare<[], CriterionRow>('SELECT * FROM criteria ORDER BY sort_order, id').all();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    group: r.group_id,
    unit: r.unit,
    direction: r.direction,
    normalisation: r.normalisation,
    derived: r.derived === 1,
    description: r.description,
    sortOrder: r.sort_order,
  }));
}
