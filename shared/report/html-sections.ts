// The reference sections of the HTML report: legality chains, method and weights, sources cited and
// the reproducibility block. Kept apart from render-html.ts, which lays out the ranking and charts.
import { chipNamer } from './chips';
import { esc } from './escape';
import type { ReportModel, ReportSiteLegality } from './model';
import { coverageStatement } from './summary';
import type { CoverageCount } from '../calls/edit-calls';
import {
  constraintText,
  dataHealthSentence,
  factPlaceNamer,
  fmtPct,
  fmtRaw,
  knownCellsText,
  knownText,
  LEGALITY_TEXT,
  MISSING_TEXT,
  METHOD_TEXT,
  methodNotRecordedText,
  NORMALISATION_TEXT,
  PRINTED_ROLES,
  ROLE_TEXT,
  TIER_TEXT,
  siteNamer,
} from './words';

export interface LegalityGroup {
  siteIds: string[];
  /** The first site's verdict; the others' differ at most in the place named in the reasons. */
  legality: ReportSiteLegality;
}

/** Sites whose chips have the same statuses from the same chains, in ranking order. */
export function groupLegality(model: Pick<ReportModel, 'legality' | 'ranking'>): LegalityGroup[] {
  if (model.legality === null) return [];
  const bySite = new Map(model.legality.map((l) => [l.siteId, l]));
  const groups = new Map<string, LegalityGroup>();
  for (const row of model.ranking) {
    const l = bySite.get(row.siteId);
    if (l === undefined) continue;
    const key = JSON.stringify(l.chips.map((c) => [c.chipId, c.status, c.events.map((e) => [e.id, e.role])]));
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { siteIds: [row.siteId], legality: l });
    else group.siteIds.push(row.siteId);
  }
  return [...groups.values()];
}

const status = (s: string): string => `<span class="status status-${esc(s)}">${esc(LEGALITY_TEXT[s] ?? s)}</span>`;

export function legalitySection(model: ReportModel): string {
  if (model.legality === null || model.profile === null) return '';
  const name = siteNamer(model);
  const chipName = chipNamer(model);
  const chipList = (ids: readonly string[]): string => esc(ids.map(chipName).join(', '));
  const country = new Map(model.ranking.map((r) => [r.siteId, r.country]));
  const groups = groupLegality(model)
    .map((g) => {
      const places = [...new Set(g.siteIds.map((id) => country.get(id) ?? ''))].join(', ');
      const heading = `<h3>${esc(places)}: ${esc(g.siteIds.map(name).join(', '))}: ${status(g.legality.status)}</h3><p>${esc(g.legality.reason)}</p>`;
      const chips = g.legality.chips
        .map((chip, i) => {
          const regimes = chip.regimes
            .filter((r) => r.status !== null)
            .map(
              (r) =>
                `<tr><td>${esc(r.name)}</td><td>${status(r.status as string)}</td><td>${esc(r.deciders.join(', '))}</td></tr>`,
            )
            .join('');
          const regimeTable =
            regimes === ''
              ? ''
              : `<table><thead><tr><th>Regime</th><th>Verdict</th><th>Deciding events</th></tr></thead><tbody>${regimes}</tbody></table>`;
          const printed = chip.events.filter((e) => PRINTED_ROLES.has(e.role));
          const unprinted = chip.events.length - printed.length;
          const chain = printed
            .map(
              (e) =>
                `<tr><td>${esc(ROLE_TEXT[e.role] ?? e.role)}</td><td>${esc(e.issuer)}</td><td class="num">${esc(e.effectiveDate)}${e.endDate ? ` – ${esc(e.endDate)}` : ''}</td><td>${esc(e.title)}${esc(TIER_TEXT[e.confidence] ?? '')}${e.hypothetical ? ' (hypothetical, what-if)' : ''}</td><td>${esc(e.effect.replaceAll('_', ' '))}</td></tr>`,
            )
            .join('');
          const table =
            chain === ''
              ? '<p class="note">No policy event in force bears on this chip here.</p>'
              : `<table><thead><tr><th>Role</th><th>Issuer</th><th class="num">In force</th><th>Event</th><th>Effect</th></tr></thead><tbody>${chain}</tbody></table>`;
          const skipped =
            unprinted === 0
              ? ''
              : `<p class="note">${unprinted} more event${unprinted === 1 ? '' : 's'} in force for this chip did not reach this company or place, or were of a tier not counted (landfall legality lists each with why).</p>`;
          // The heading rides in the first chip's unbreakable block, so it never ends a page alone.
          return `<div class="chip-block">${i === 0 ? heading : ''}<p class="chip"><strong>${esc(chipName(chip.chipId))}</strong>: ${status(chip.status)}. ${esc(chip.reason)}</p>${regimeTable}${table}${skipped}</div>`;
        })
        .join('');
      return `<div class="group">${chips}</div>`;
    })
    .join('\n');
  return `<section id="legality" class="page"><h2>Chip legality</h2>
<p class="muted">The accelerators ${esc(model.profile.name)} would accept for training (${chipList(model.profile.trainingChips)}) and inference (${chipList(model.profile.inferenceChips.length > 0 ? model.profile.inferenceChips : model.profile.trainingChips)}), judged on ${esc(model.asOf)} from the policy timeline. Regimes are cumulative: each chip's status is its most restrictive regime. A site's status is the best lawful option of the workload (or, in "all" mode, the most restricted chip). Sites with the same verdicts from the same events are grouped; reasons name the first of them.</p>
${groups}
</section>`;
}

export function methodSection(model: ReportModel): string {
  const units = new Map(model.criteria.map((c) => [c.id, { name: c.name, unit: c.unit }]));
  const constraints =
    model.constraints.length === 0
      ? '<p>No hard constraints.</p>'
      : `<ul>${model.constraints.map((c) => `<li>${esc(constraintText(c, units))}</li>`).join('')}</ul>`;
  const rows = model.criteria
    .map(
      (c) =>
        `<tr><td>${esc(c.name)}</td><td>${esc(c.group.replaceAll('_', ' '))}</td><td>${c.direction === 'benefit' ? 'higher is better' : 'lower is better'}</td><td>${esc(c.normalisation)}</td><td class="num">${c.presetWeight === null ? '—' : fmtRaw(c.presetWeight)}</td><td class="num">${c.overrideWeight === null ? '—' : fmtRaw(c.overrideWeight)}</td><td class="num">${fmtPct(c.weight, 1)}</td><td>${esc(c.unit || '—')}</td><td>${esc(knownText(model, c))}</td></tr>`,
    )
    .join('');
  return `<section id="method" class="page"><h2>Method, normalisation and weights</h2>
<p><strong>${esc(METHOD_TEXT[model.method.id].name)}.</strong> ${esc(METHOD_TEXT[model.method.id].description)}</p>
<p><strong>Normalisation:</strong> ${esc(NORMALISATION_TEXT[model.normalisation] ?? model.normalisation)}. Over the sites not excluded.</p>
<p>${esc(MISSING_TEXT)} <strong>Stale facts</strong> (older than ${model.staleAfterDays} days before ${esc(model.asOf)}) are flagged.</p>
<p class="coverage-statement"><strong>Coverage.</strong> ${esc(coverageStatement(model))}</p>
<p><strong>Derived criteria:</strong> chip legality is the legality score of the profile's chips at the site (allowed 1, conditional 0.75, licence required 0.25, prohibited 0); policy churn sums the binding policy events naming the site's country or subdivision that took effect by the as-of date, each weighted by severity (prohibited 1 … relaxed to allowed 0.3; siting rule 0.5) × confidence (rule 1, announced 0.5, reported 0.25) × recency (halving every 548 days) — instability, not strictness.</p>
<h3>Hard constraints</h3>
${constraints}
<h3>Criteria and weights</h3>
<table><thead><tr><th>Criterion</th><th>Group</th><th>Direction</th><th>Normalisation</th><th class="num">Preset weight</th><th class="num">Override</th><th class="num">Weight used</th><th>Unit</th><th>Sites with a value</th></tr></thead><tbody>${rows}</tbody></table>
<p class="note">Weights used are normalised to sum to 100 % over the scored criteria; a criterion with weight 0 is there only for a constraint. A criterion no site has a value for, or whose known values do not differ among the ranked sites, contributes nothing to anyone.</p>
</section>`;
}

export function sourcesSection(model: ReportModel): string {
  const names = new Map(model.criteria.map((c) => [c.id, c.name]));
  const site = siteNamer(model);
  const metrics = model.sources.metrics
    .map(
      (m) =>
        `<tr><td>${esc(m.id)}</td><td>${esc(m.title)}<br><span class="url">${esc(m.url)}</span>${m.references.map((r) => `<br><span class="url">from ${esc(r)}</span>`).join('')}</td><td class="num">${esc(m.asOf)}</td><td>${esc(m.criteria.map((c) => names.get(c) ?? c).join(', '))}</td><td>${esc(m.methods.join(', ') || '—')}</td><td class="num">${m.facts}</td></tr>`,
    )
    .join('');
  const units = new Map(model.criteria.map((c) => [c.id, c.unit]));
  const place = factPlaceNamer(model);
  const derivations = model.sources.derivations
    .map(
      (d) =>
        `<tr><td>${esc(names.get(d.criterionId) ?? d.criterionId)}</td><td>${esc(place(d))}</td><td class="num">${esc(fmtRaw(d.value, units.get(d.criterionId) ?? ''))}</td><td>${esc(d.method)}</td><td>${esc(d.derivation)}${d.reference === null ? '' : `<br><span class="url">from ${esc(d.reference)}</span>`}</td><td>${esc(d.source)}</td></tr>`,
    )
    .join('');
  const unrecorded = methodNotRecordedText(model.sources.methodNotRecorded);
  const policies = model.sources.policies
    .map(
      (p) =>
        `<tr><td>${esc(p.title)}${p.confidence === 'reported' ? ' (press report)' : ''}${p.hypothetical ? ' (hypothetical, what-if)' : ''}</td><td>${esc(p.issuer)}</td><td class="num">${esc(p.effectiveDate)}</td><td>${esc(p.sourceTitle)}<br><span class="url">${esc(p.url)}</span></td><td>${esc(p.usedFor.map((u) => u.replace('_', ' ')).join(', '))}</td></tr>`,
    )
    .join('');
  const sites = model.sources.sites
    .map(
      (s) =>
        `<tr><td>${esc(site(s.siteId))}</td><td>${esc(s.title)}<br><span class="url">${esc(s.url)}</span></td><td class="num">${esc(s.asOf)}</td></tr>`,
    )
    .join('');
  return `<section id="sources" class="page"><h2>Sources</h2>
<p class="muted">Every fact in this report carries its source and date. Addresses are given as text; the report itself links to nothing.</p>
<h3>Facts (metric values)</h3>
<table><thead><tr><th>Ref.</th><th>Source</th><th class="num">As of</th><th>Criteria</th><th>Method</th><th class="num">Facts</th></tr></thead><tbody>${metrics}</tbody></table>
<h3>Derived and estimated facts</h3>
${derivations === '' ? '<p>None.</p>' : `<table><thead><tr><th>Fact</th><th>Where</th><th class="num">Value</th><th>Method</th><th>Derivation</th><th>Ref.</th></tr></thead><tbody>${derivations}</tbody></table>`}
${unrecorded === '' ? '' : `<p class="note">${esc(unrecorded)}</p>`}
<h3>Policy events</h3>
<table><thead><tr><th>Event</th><th>Issuer</th><th class="num">Effective</th><th>Source</th><th>Used for</th></tr></thead><tbody>${policies}</tbody></table>
<h3>Sites</h3>
<table><thead><tr><th>Site</th><th>Source</th><th class="num">As of</th></tr></thead><tbody>${sites}</tbody></table>
</section>`;
}

/** The appendix: data.health's coverage of the whole store, per criterion and per market. */
export function dataHealthSection(model: ReportModel): string {
  const h = model.dataHealth;
  const rows = (list: readonly (CoverageCount & { name: string })[]): string =>
    list
      .map(
        (x) =>
          `<tr><td>${esc(x.name)}</td><td class="num">${esc(knownCellsText(x))}</td><td class="num">${x.estimates}</td><td class="num">${x.stale}</td></tr>`,
      )
      .join('');
  const head = (what: string): string =>
    `<tr><th>${what}</th><th class="num">Known cells</th><th class="num">Estimates</th><th class="num">Stale</th></tr>`;
  const criteria = h.coverage.byCriterion.map((c) => ({
    ...c,
    name: c.weighedByBuiltin ? c.name : `${c.name} (no built-in preset)`,
  }));
  return `<section id="data-health" class="page"><h2>Appendix: data health of the whole store</h2>
<p>${esc(dataHealthSentence(h))}</p>
<h3>Coverage per criterion</h3>
<table>${head('Criterion')}${rows(criteria)}</table>
<h3>Coverage per market</h3>
<table>${head('Market')}${rows(h.coverage.byMarket)}</table>
</section>`;
}

export function reproducibilitySection(model: ReportModel): string {
  const r = model.reproducibility;
  const rows: [string, string][] = [
    ['App version', `Landfall ${r.appVersion}`],
    ['Database schema', String(r.schemaVersion)],
    ['Database content hash (sha256)', r.databaseHash],
    ['Random seed', r.seed === null ? 'none (no sensitivity analysis)' : String(r.seed)],
    ['Created', model.createdAt],
  ];
  const json = (value: unknown): string => `<pre>${esc(JSON.stringify(value, null, 2))}</pre>`;
  return `<section id="reproducibility" class="page"><h2>Reproducibility</h2>
<p class="muted">The same inputs on a database with the same content hash give the same numbers, to the last digit.</p>
<dl class="meta">${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd><code>${esc(v)}</code></dd>`).join('')}</dl>
<h3>Command</h3>
<pre>${esc(r.command)}</pre>
<h3>Report inputs</h3>
${json(r.inputs)}
<h3>Preset</h3>
${json(model.preset)}
<h3>Company profile</h3>
${model.profile === null ? '<p>None.</p>' : json(model.profile)}
${chipKey(model)}
</section>`;
}

/** The chip ids the quoted profile holds, with the names the report prints them by. */
function chipKey(model: Pick<ReportModel, 'chips'>): string {
  if (model.chips.length === 0) return '';
  const rows = model.chips.map(
    (c) => `<tr><td><code>${esc(c.id)}</code></td><td>${esc(`${c.vendor} ${c.name}`)}</td></tr>`,
  );
  return `<table><caption>The profile's chip ids</caption><thead><tr><th>Id</th><th>Chip</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
