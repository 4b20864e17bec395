// Reads of company profiles (built-in and the user's own).
import type { Db } from './db';
import { z } from 'zod';
import type { CompanyProfile } from '../shared/model/profiles';

interface ProfileRow {
  id: string;
  name: string;
  description: string;
  hq_country: string;
  ultimate_parent_country: string | null;
  state_funded: number;
  entity_listed: number;
  deployment: CompanyProfile['deployment'];
  named_company: string | null;
  training_chips: string;
  inference_chips: string;
  builtin: number;
}

const ChipIds = z.array(z.string());

/** Built-in profiles first, then the user's, each by name. */
export function listProfiles(db: Db): CompanyProfile[] {
  const rows = db.prepare<[], ProfileRow>('SELECT * FROM company_profiles ORDER BY builtin DESC, name').all();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    hqCountry: r.hq_country,
    ultimateParentCountry: r.ultimate_parent_country,
    stateFunded: r.state_funded === 1,
    entityListed: r.entity_listed === 1,
    deployment: r.deployment,
    namedCompany: r.named_company,
    trainingChips: ChipIds.parse(JSON.parse(r.training_chips)),
    inferenceChips: ChipIds.parse(JSON.parse(r.inference_chips)),
    builtin: r.builtin === 1,
  }));
}
