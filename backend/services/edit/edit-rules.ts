// What each editable table checks beyond its zod model: references to rows that exist, fields an
// update may not change (ids, where a row came from, whether a criterion is derived), ranges that
// depend on other fields, and what a delete would leave dangling. Each rule returns problems naming
// the field and saying what to do about it.
import {
  chipUsers,
  criterionFacts,
  factsOfCriterion,
  factsOfSite,
  findFact,
  findRow,
  idExists,
  presetsUsingCriterion,
  rowTables,
  type RowTable,
} from '../../../db/edit-rows';
import type { Db } from '../../../db/open';
import { tableDefs, type DbRow, type TableDef } from '../../../db/transfer/tables';
import type { z } from 'zod';
import { Chip } from '../../../shared/model/chips';
import { Criterion } from '../../../shared/model/criteria';
import { DERIVATION_NEEDED, FactMethod, METHOD_NOT_RECORDED, MetricValue } from '../../../shared/model/facts';
import { sourceDecisionProblem, type FactSourceState } from '../../../shared/model/fact-source-decision';
import { PolicyEvent, policyScope } from '../../../shared/model/policy';
import { linkProblems } from '../../../shared/model/policy-links';
import { listPolicyEvents } from '../../../db/policies-repo';
import { CompanyProfile } from '../../../shared/model/profiles';
import { SiteRecord } from '../../../shared/model/transfer';
import type { FieldKinds, FieldProblem, Fields } from './edit-values';

export type EditableTable = 'sites' | 'metric_values' | 'chips' | 'policy_events' | 'company_profiles' | 'criteria';

export type Op = 'insert' | 'update' | 'delete';

/** What the rules know about one change. */
export interface RuleContext {
  db: Db;
  op: Op;
  /** The record after the change (insert, update), as given and merged; not yet checked by zod. */
  record: Fields;
  /** The stored record before it (update, delete). */
  stored: Fields | undefined;
  /** The fields the change itself gave (after reading numbers and lists). */
  given: Fields;
}

/** A row the change also writes, e.g. the facts that go with a deleted site. */
export interface Cascade {
  table: RowTable;
  rows: DbRow[];
}

export interface TableEditor {
  table: EditableTable;
  rowTable: RowTable;
  def: TableDef;
  schema: z.ZodType;
  kinds: FieldKinds;
  /** Fields every new record starts with. */
  defaults: Fields;
  /** Fields that name the row: an update may not change them. */
  keyFields: readonly string[];
  rules(ctx: RuleContext): FieldProblem[];
  /** Deleting also deletes these (logged first, so an undo brings them back with it). */
  cascade?(db: Db, stored: DbRow): Cascade[];
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const obj = (v: unknown): Fields => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Fields) : {});
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

const joinNames = (names: readonly string[], max = 5): string =>
  names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;

/** An update may not change a field that names where the row came from or what it is. */
function unchangedField(ctx: RuleContext, field: string, why: string): FieldProblem[] {
  if (ctx.op !== 'update' || ctx.stored === undefined || !Object.hasOwn(ctx.given, field)) return [];
  const was = ctx.stored[field];
  return ctx.given[field] === was ? [] : [{ field, message: `${field} stays ${JSON.stringify(was)}: ${why}` }];
}

function coordinate(ctx: RuleContext, field: 'lat' | 'lon'): FieldProblem[] {
  const v = num(ctx.record[field]);
  const [name, limit] = field === 'lat' ? ['latitude', 90] : ['longitude', 180];
  if (v === null || Math.abs(v) <= limit) return [];
  return [{ field, message: `${name} ${v} is outside -${limit} to ${limit}: give degrees from -${limit} to ${limit}` }];
}

const sites: TableEditor = {
  table: 'sites',
  rowTable: rowTables.sites,
  def: tableDefs.sites as TableDef,
  schema: SiteRecord,
  kinds: {
    numbers: ['lat', 'lon', 'capacityMw.existing', 'capacityMw.planned'],
    lists: [],
    booleans: [],
    nullable: ['operator'],
  },
  defaults: {
    status: 'planned',
    operator: null,
    notes: '',
    capacityMw: { existing: null, planned: null },
    origin: 'user',
  },
  keyFields: ['id'],
  rules(ctx) {
    const out = [...coordinate(ctx, 'lat'), ...coordinate(ctx, 'lon')];
    const market = str(ctx.record.marketId);
    if (market !== null && market !== '' && !idExists(ctx.db, 'markets', market)) {
      out.push({ field: 'marketId', message: `unknown market "${market}": pick one from markets.list` });
    }
    if (ctx.op === 'insert' && ctx.given.origin !== undefined && ctx.given.origin !== 'user') {
      out.push({ field: 'origin', message: 'a site added here is your own: leave origin out (it is "user")' });
    }
    out.push(...unchangedField(ctx, 'origin', 'it records where the site came from, whoever edits it'));
    return out;
  },
  cascade: (db, stored) => [{ table: rowTables.metric_values, rows: factsOfSite(db, String(stored.id)) }],
};

const metricValues: TableEditor = {
  table: 'metric_values',
  rowTable: rowTables.metric_values,
  def: tableDefs.metric_values as TableDef,
  schema: MetricValue,
  kinds: {
    numbers: ['value', 'low', 'high'],
    lists: [],
    booleans: [],
    nullable: ['missingReason', 'derivation', 'reference'],
  },
  defaults: { note: '', low: null, high: null, derivation: null, reference: null },
  keyFields: ['criterionId', 'marketId', 'siteId'],
  rules(ctx) {
    const out: FieldProblem[] = [];
    const r = ctx.record;
    const criterionId = str(r.criterionId);
    const siteId = str(r.siteId);
    const marketId = str(r.marketId);
    if ((siteId === null) === (marketId === null)) {
      out.push({
        field: 'siteId',
        message: 'a fact belongs to exactly one market or one site: give siteId or marketId, not both',
      });
    }
    if (siteId !== null && !idExists(ctx.db, 'sites', siteId)) {
      out.push({ field: 'siteId', message: `unknown site "${siteId}": pick one from sites.list` });
    }
    if (marketId !== null && !idExists(ctx.db, 'markets', marketId)) {
      out.push({ field: 'marketId', message: `unknown market "${marketId}": pick one from markets.list` });
    }
    const criterion = criterionId === null ? undefined : criterionFacts(ctx.db, criterionId);
    if (criterionId !== null && criterion === undefined) {
      out.push({ field: 'criterionId', message: `unknown criterion "${criterionId}": pick one from criteria.list` });
    }
    if (criterion?.derived === true && ctx.op !== 'delete') {
      out.push({
        field: 'criterionId',
        message: `${criterionId ?? ''} is derived from the policy timeline by the engine: it cannot be given values (edit the policy events instead)`,
      });
    }
    if (criterion !== undefined && Object.hasOwn(ctx.given, 'unit')) {
      const unit = ctx.given.unit;
      if (unit !== criterion.unit) {
        out.push({
          field: 'unit',
          message: `unit ${JSON.stringify(unit)} is not ${criterionId ?? ''}'s unit "${criterion.unit}": convert the value to ${criterion.unit}`,
        });
      }
    }
    if (ctx.op === 'delete') return out;
    if (r.kind === 'missing') {
      for (const field of ['method', 'derivation', 'reference']) {
        if (Object.hasOwn(ctx.given, field) && ctx.given[field] !== null) {
          out.push({
            field,
            message: `a missing fact has no ${field}: give a value with its method, or leave ${field} out`,
          });
        }
      }
    }
    if (r.kind === 'known') {
      const [value, low, high] = [num(r.value), num(r.low), num(r.high)];
      if (low !== null && high !== null && low > high) {
        out.push({ field: 'low', message: `low ${low} is above high ${high}: the range must run from low to high` });
      } else if (value !== null && low !== null && value < low) {
        out.push({
          field: 'value',
          message: `value ${value} is below its range's low ${low}: widen the range or fix the value`,
        });
      } else if (value !== null && high !== null && value > high) {
        out.push({
          field: 'value',
          message: `value ${value} is above its range's high ${high}: widen the range or fix the value`,
        });
      }
      // A new number must say where it comes from; an edited one keeps its source unless a new one is
      // given, but a changed value needs a source decision (sourceDecisionRule).
      const isNew = ctx.op === 'insert' || ctx.stored?.kind !== 'known';
      if (isNew) {
        const source = obj(r.source);
        const need: [string, string][] = [
          ['title', "the document's title"],
          ['url', 'its web address'],
          ['asOf', 'the date it describes, YYYY-MM-DD'],
        ];
        for (const [part, what] of need) {
          const v = source[part];
          if (v === undefined || v === null || v === '') {
            out.push({
              field: `source.${part}`,
              message: `a new fact needs its source: give source.${part} (${what})`,
            });
          }
        }
      }
      out.push(...methodRules(ctx, isNew));
      out.push(...sourceDecisionRule(ctx));
    }
    return out;
  },
};

/** A fact as the source-decision rule reads it, from a stored or merged record. */
function factState(record: Fields): FactSourceState {
  const source = obj(record.source);
  const [title, url, asOf] = [str(source.title), str(source.url), str(source.asOf)];
  return {
    value: record.kind === 'known' ? num(record.value) : null,
    source: title === null || url === null || asOf === null ? null : { title, url, asOf },
    method: str(record.method),
    derivation: str(record.derivation),
  };
}

/**
 * A changed value may not keep the old value's source without saying it is the planner's estimate
 * (shared/model/fact-source-decision.ts). Named on `source`, which is what the planner must decide.
 */
function sourceDecisionRule(ctx: RuleContext): FieldProblem[] {
  if (ctx.op !== 'update' || ctx.stored === undefined) return [];
  const message = sourceDecisionProblem(factState(ctx.stored), factState(ctx.record));
  return message === null ? [] : [{ field: 'source', message }];
}

/**
 * A new or changed number says how it was obtained, in the same change: the stored method, and a
 * derivation written for the old number, may not hold for the new one. (A new derived value or
 * estimate without a derivation is refused by the model itself.)
 */
function methodRules(ctx: RuleContext, isNew: boolean): FieldProblem[] {
  // A value that is not a number is refused as such; how it was obtained can wait for a number.
  const value = num(ctx.given.value);
  const changed = isNew || (value !== null && value !== ctx.stored?.value);
  if (!changed || (Object.hasOwn(ctx.given, 'value') && value === null)) return [];
  const what = isNew ? 'the new value' : 'the changed value';
  if (!Object.hasOwn(ctx.given, 'method')) {
    return [
      {
        field: 'method',
        message: `say how ${what} was obtained: give method (${FactMethod.options.join(', ')})`,
      },
    ];
  }
  if (ctx.given.derivation === METHOD_NOT_RECORDED.derivation) {
    return [
      {
        field: 'derivation',
        message: `that derivation stands in for a method no one recorded: say how ${what} was obtained`,
      },
    ];
  }
  const method = FactMethod.safeParse(ctx.given.method);
  const needed = method.success ? DERIVATION_NEEDED[method.data] : null;
  if (needed === null || isNew || Object.hasOwn(ctx.given, 'derivation')) return [];
  return [
    {
      field: 'derivation',
      message: `${what} is ${method.data === 'derived' ? 'derived' : 'an estimate'}: restate its derivation for the new number (${needed})`,
    },
  ];
}

function knownChips(ctx: RuleContext, field: string, ids: readonly string[]): FieldProblem[] {
  return ids.flatMap((id, i) =>
    idExists(ctx.db, 'chips', id)
      ? []
      : [{ field: `${field}.${i}`, message: `unknown chip "${id}": pick one from chips.list` }],
  );
}

const chips: TableEditor = {
  table: 'chips',
  rowTable: rowTables.chips,
  def: tableDefs.chips as TableDef,
  schema: Chip,
  kinds: { numbers: ['tpp', 'memoryGb'], lists: [], booleans: [], nullable: [] },
  defaults: { notes: '', tpp: null, memoryGb: null },
  keyFields: ['id'],
  rules(ctx) {
    if (ctx.op !== 'delete' || ctx.stored === undefined) return [];
    const users = chipUsers(ctx.db, String(ctx.stored.id));
    return users.length === 0
      ? []
      : [
          {
            field: null,
            message: `chip ${String(ctx.stored.id)} is used by ${joinNames(users)}: remove it there first`,
          },
        ];
  },
};

/**
 * An event's links checked against the timeline it joins (`others`: the real events, plus a what-if
 * scenario's own for a scenario event), with this record in place of its stored self.
 */
function linkRules(record: Fields, others: readonly PolicyEvent[]): FieldProblem[] {
  const parsed = PolicyEvent.safeParse(record);
  if (!parsed.success) return []; // zod words the shape problems
  const me = parsed.data;
  const timeline = [...others.filter((e) => e.id !== me.id), me];
  return linkProblems(timeline)
    .filter(
      (p) => p.eventId === me.id || timeline.find((e) => e.id === p.eventId)?.links.some((l) => l.eventId === me.id),
    )
    .map((p) => ({ field: 'links', message: p.eventId === me.id ? p.message : `${p.eventId}: ${p.message}` }));
}

/** The policy rules shared by the real timeline and what-if scenarios. */
export function policyRules(
  ctx: RuleContext,
  others: readonly PolicyEvent[] = listPolicyEvents(ctx.db),
): FieldProblem[] {
  if (ctx.op === 'delete') return [];
  const out: FieldProblem[] = [...linkRules(ctx.record, others)];
  const r = ctx.record;
  const scope = obj(r.scope);
  out.push(...knownChips(ctx, 'scope.chips', list(scope.chips)));
  const places = [
    ...list(scope.destinations).map((code, i) => [code, `scope.destinations.${i}`] as const),
    ...list(scope.exceptDestinations).map((code, i) => [code, `scope.exceptDestinations.${i}`] as const),
  ];
  places.forEach(([code, field]) => {
    if (/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(code) && !idExists(ctx.db, 'jurisdictions', code)) {
      out.push({
        field,
        message: `unknown jurisdiction "${code}": use a code from jurisdictions.list`,
      });
    }
  });
  const issuer = str(r.issuer);
  if (issuer !== null && /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(issuer) && !idExists(ctx.db, 'jurisdictions', issuer)) {
    out.push({ field: 'issuer', message: `unknown jurisdiction "${issuer}": use a code from jurisdictions.list` });
  }
  const [from, to] = [str(r.effectiveDate), str(r.endDate)];
  if (from !== null && to !== null && to < from) {
    out.push({
      field: 'endDate',
      message: `end date ${to} is before the effective date ${from}: give an end date on or after it, or none`,
    });
  }
  return out;
}

const policyEvents: TableEditor = {
  table: 'policy_events',
  rowTable: rowTables.policy_events,
  def: tableDefs.policy_events as TableDef,
  schema: PolicyEvent,
  kinds: {
    numbers: [],
    lists: [
      'scope.chips',
      'scope.chipClasses',
      'scope.destinations',
      'scope.exceptDestinations',
      'scope.companyHq',
      'scope.companies',
    ],
    booleans: ['scope.stateFunded', 'scope.entityListed'],
    nullable: ['endDate', 'publishedDate', 'complianceDate', 'scope.stateFunded', 'scope.entityListed'],
  },
  // A new event's scope matches everything until narrowed, as an empty list means "any".
  defaults: {
    endDate: null,
    publishedDate: null,
    complianceDate: null,
    links: [],
    condition: '',
    note: '',
    scope: policyScope(),
  },
  keyFields: ['id'],
  rules: (ctx) => policyRules(ctx),
};

const profiles: TableEditor = {
  table: 'company_profiles',
  rowTable: rowTables.company_profiles,
  def: tableDefs.company_profiles as TableDef,
  schema: CompanyProfile,
  kinds: {
    numbers: [],
    lists: ['trainingChips', 'inferenceChips'],
    booleans: ['stateFunded', 'entityListed'],
    nullable: ['namedCompany', 'ultimateParentCountry'],
  },
  defaults: {
    description: '',
    namedCompany: null,
    ultimateParentCountry: null,
    inferenceChips: [],
    stateFunded: false,
    entityListed: false,
    builtin: false,
  },
  keyFields: ['id'],
  rules(ctx) {
    if (ctx.op === 'delete') return [];
    const out = [
      ...knownChips(ctx, 'trainingChips', list(ctx.record.trainingChips)),
      ...knownChips(ctx, 'inferenceChips', list(ctx.record.inferenceChips)),
    ];
    if (ctx.op === 'insert' && ctx.given.builtin === true) {
      out.push({ field: 'builtin', message: 'only the profiles Landfall ships are built in: leave builtin out' });
    }
    out.push(...unchangedField(ctx, 'builtin', 'it says whether Landfall ships the profile'));
    return out;
  },
};

const criteria: TableEditor = {
  table: 'criteria',
  rowTable: rowTables.criteria,
  def: tableDefs.criteria as TableDef,
  schema: Criterion,
  kinds: { numbers: ['sortOrder'], lists: [], booleans: ['derived'], nullable: [] },
  defaults: { derived: false, sortOrder: 1000, unit: '' },
  keyFields: ['id'],
  rules(ctx) {
    const out: FieldProblem[] = [];
    const id = String((ctx.stored ?? ctx.record).id ?? '');
    if (ctx.op === 'insert' && ctx.record.derived === true) {
      out.push({
        field: 'derived',
        message:
          'derived criteria are the engine’s own, computed from other records: a new criterion holds facts (derived false)',
      });
    }
    out.push(...unchangedField(ctx, 'derived', 'derived criteria are computed by the engine, the others hold facts'));
    if (ctx.op === 'delete') {
      if (ctx.stored?.derived === true) {
        out.push({ field: null, message: `${id} is derived by the engine and cannot be deleted` });
      }
      const presets = presetsUsingCriterion(ctx.db, id);
      if (presets.length > 0) {
        out.push({
          field: null,
          message: `${id} is weighted or constrained in preset ${joinNames(presets)}: remove it there first`,
        });
      }
    }
    return out;
  },
  cascade: (db, stored) => [{ table: rowTables.metric_values, rows: factsOfCriterion(db, String(stored.id)) }],
};

export const editors: { readonly [T in EditableTable]: TableEditor } = {
  sites,
  metric_values: metricValues,
  chips,
  policy_events: policyEvents,
  company_profiles: profiles,
  criteria,
};

/** The stored row a key names, if any. */
export function storedRow(db: Db, editor: TableEditor, key: Fields): DbRow | undefined {
  if (editor.table === 'metric_values') {
    const criterionId = str(key.criterionId);
    if (criterionId === null) return undefined;
    return findFact(db, criterionId, { marketId: str(key.marketId), siteId: str(key.siteId) });
  }
  const id = str(key.id);
  return id === null ? undefined : findRow(db, editor.rowTable, { [editor.rowTable.pk[0] ?? 'id']: id });
}
