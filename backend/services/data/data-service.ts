// Read calls over the reference data: each hands its validated input to one repository function.
import { listChips } from '../../../db/chips-repo';
import { listCriteria } from '../../../db/criteria-repo';
import { listJurisdictions } from '../../../db/jurisdictions-repo';
import { listMarkets } from '../../../db/markets-repo';
import { listMetricValues } from '../../../db/metrics-repo';
import { listPolicyEvents } from '../../../db/policies-repo';
import { listPresets } from '../../../db/presets-repo';
import { listProfiles } from '../../../db/profiles-repo';
import type { dataCalls } from '../../../shared/calls/data-calls';
import type { DomainHandlers, ServiceContext } from '../context';

export function dataHandlers(ctx: ServiceContext): DomainHandlers<keyof typeof dataCalls> {
  // ctx.db is read on every call: restoring a backup swaps the connection.
  return {
    'jurisdictions.list': () => listJurisdictions(ctx.db),
    'markets.list': (input) => listMarkets(ctx.db, input),
    'criteria.list': () => listCriteria(ctx.db),
    'metrics.list': (input) => listMetricValues(ctx.db, input),
    'chips.list': () => listChips(ctx.db),
    'policies.list': (input) => listPolicyEvents(ctx.db, input),
    'profiles.list': () => listProfiles(ctx.db),
    'presets.list': () => listPresets(ctx.db),
  };
}
