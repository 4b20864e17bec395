// The report as Markdown: the same sections as the HTML (the map excepted: Markdown has no way to
// carry an image without a file or a URL), as headings, paragraphs and pipe tables.
import { chipNamer } from './chips';
import { groupLegality } from './html-sections';
import type { ReportModel, ReportRow } from './model';
import { coverageStatement, drivers } from './summary';
import { rankLabel, thinDataNote } from '../score-words';
import {
  constraintText,
  dataHealthSentence,
  knownCellsText,
  coverageCell,
  factPlaceNamer,
  fmtPct,
  fmtRaw,
  fmtScore,
  knownText,
  LEGALITY_TEXT,
  MISSING_TEXT,
  noValueText,
  legalityQuestionText,
  METHOD_TEXT,
  methodNotRecordedText,
  NORMALISATION_TEXT,
  PRINTED_ROLES,
  ROLE_TEXT,
  TIER_TEXT,
  siteNamer,
  stabilityTop,
} from './words';

/**
 * Text from the store as Markdown prose: markup characters as entities, so a name like
 * "<script>" shows as text in every viewer instead of passing through as HTML.
 */
const text = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A table cell: escaped as prose, pipes escaped, line breaks flattened. */
const cell = (t: string): string => text(t).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function table(head: readonly string[], rows: readonly (readonly string[])[], right: readonly number[] = []): string {
  const align = head.map((_, i) => (right.includes(i) ? '---:' : '---'));
  const line = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;
  return [line(head), `| ${align.join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** A raw value, or what the gap scored (the same words as the HTML's site blocks). */
function rawCell(row: ReportRow, cell: ReportRow['cells'][number]): string {
  if (cell.raw !== null) return fmtRaw(cell.raw);
  return noValueText(row.missingHandled.find((m) => m.criterionId === cell.criterionId)?.policy);
}

const json = (value: unknown): string => `\`\`\`json\n${JSON.stringify(value, null, 2)}\n\`\`\``;

export function renderMarkdown(model: ReportModel): string {
  const name = siteNamer(model);
  const names = new Map(model.criteria.map((c) => [c.id, c.name]));
  const out: string[] = [`# ${text(model.title)}`, ''];
  out.push(
    table(
      ['', ''],
      [
        ['Author', model.author || '—'],
        ['Created', model.createdAt],
        ['Data as of', model.asOf],
        ['Weight preset', `${model.preset.name} (${model.preset.id})`],
        ['Company profile', model.profile === null ? 'none' : `${model.profile.name} (${model.profile.id})`],
        ...(model.whatIf === null
          ? []
          : [['What-if scenario', `${model.whatIf.name} (${model.whatIf.events} hypothetical events)`]]),
        ...(model.profile === null ? [] : [['Legality question', legalityQuestionText(model.reproducibility.inputs)]]),
        ['Method', METHOD_TEXT[model.method.id].name],
        ['Normalisation', NORMALISATION_TEXT[model.normalisation] ?? model.normalisation],
      ],
    ),
    '',
    '## Executive summary',
    '',
    ...model.summary.flatMap((p) => [text(p), '']),
    '## Ranking',
    '',
    table(
      ['Rank', 'Site', 'Market', 'Country', 'Score', 'Coverage', 'Chips', 'Notes'],
      model.ranking.map((r) => [
        rankLabel(r.rank, r.tied),
        r.name,
        r.market,
        r.country,
        r.score === null ? 'excluded' : fmtScore(r.score),
        coverageCell(r),
        r.legality === null ? '—' : (LEGALITY_TEXT[r.legality.status] ?? r.legality.status),
        r.excluded ? r.reasons.join('; ') : r.thin ? 'thin data' : '',
      ]),
      [0, 4, 5],
    ),
    '',
    `Equal scores share a rank, shown as "1=". Coverage: the share of the weight resting on known values (stale ones in brackets).${model.minCoverage > 0 ? ` ${text(thinDataNote(model.minCoverage))}.` : ''}`,
    '',
    '## Score contributions',
    '',
    model.method.id === 'wsm'
      ? "Each criterion's contribution to the score (weight × normalised value); they add up to the score."
      : `${METHOD_TEXT[model.method.id].name} does not split a score into parts; the table shows weight × normalised value per criterion.`,
    '',
  );
  const weighted = model.criteria.filter((c) => c.weight > 0);
  out.push(
    table(
      ['Rank', 'Site', 'Score', ...weighted.map((c) => c.name)],
      model.ranking
        .filter((r) => r.rank !== null)
        .map((r) => {
          const parts = drivers(model, r);
          return [
            rankLabel(r.rank, r.tied),
            r.name,
            fmtScore(r.score),
            ...weighted.map((c) => fmtScore(parts[c.id] ?? null)),
          ];
        }),
      [0, 2, ...weighted.map((_, i) => i + 3)],
    ),
    '',
    '### Raw values',
    '',
    table(
      ['Site', ...model.criteria.map((c) => (c.unit ? `${c.name} (${c.unit})` : c.name))],
      model.ranking.map((r) => [r.name, ...r.cells.map((c) => rawCell(r, c))]),
      model.criteria.map((_, i) => i + 1),
    ),
    '',
  );
  if (model.compare !== null) {
    out.push('## Compare pinned sites', '', ...model.compare.explanations.map((e) => `- ${text(e)}`), '');
  }
  if (model.legality !== null && model.profile !== null) {
    const chipName = chipNamer(model);
    const { trainingChips, inferenceChips } = model.profile;
    const chips = (ids: readonly string[]): string => text(ids.map(chipName).join(', '));
    out.push(
      '## Chip legality',
      '',
      `The accelerators ${text(model.profile.name)} would accept for training (${chips(trainingChips)}) and inference (${chips(inferenceChips.length > 0 ? inferenceChips : trainingChips)}), judged on ${model.asOf}; regimes are cumulative.`,
      '',
    );
    for (const g of groupLegality(model)) {
      out.push(
        `### ${text(g.siteIds.map(name).join(', '))}: ${LEGALITY_TEXT[g.legality.status] ?? g.legality.status}`,
        '',
      );
      out.push(text(g.legality.reason), '');
      for (const chip of g.legality.chips) {
        out.push(
          `- **${text(chipName(chip.chipId))}**: ${LEGALITY_TEXT[chip.status] ?? chip.status}. ${text(chip.reason)}`,
        );
        for (const r of chip.regimes.filter((v) => v.status !== null)) {
          out.push(`  - ${r.name}: ${LEGALITY_TEXT[r.status as string] ?? r.status} (${r.deciders.join(', ')})`);
        }
        for (const e of chip.events.filter((x) => PRINTED_ROLES.has(x.role))) {
          out.push(
            `  - ${ROLE_TEXT[e.role] ?? e.role}: ${e.issuer} ${e.effectiveDate}, ${text(e.title)}${TIER_TEXT[e.confidence] ?? ''} (${text(e.source.title)})`,
          );
        }
      }
      out.push('');
    }
  }
  const s = model.sensitivity;
  if (s !== null) {
    out.push(
      '## Sensitivity',
      '',
      '### Stability intervals',
      '',
      table(
        ['Criterion', 'Weight', 'Top site stays within', 'Top site', 'Below, first is', 'Above, first is'],
        s.stability.map((st) => [
          names.get(st.criterionId) ?? st.criterionId,
          fmtScore(st.current),
          `${fmtScore(st.lo)} – ${fmtScore(st.hi)}`,
          stabilityTop(st, name),
          st.changesTo.lo === null ? '—' : name(st.changesTo.lo),
          st.changesTo.hi === null ? '—' : name(st.changesTo.hi),
        ]),
        [1, 2],
      ),
      '',
      '### SMAA rank probabilities',
      '',
      `${s.samples} samples, seed ${s.seed}, mode ${s.mode}.`,
      '',
      table(
        ['Site', 'P(first)', 'P(tied first)', 'P(second)', 'P(third)', 'Mean rank'],
        [...s.smaa]
          .sort((a, b) => b.pFirst - a.pFirst || (a.meanRank ?? 1e9) - (b.meanRank ?? 1e9))
          .map((x) => [
            name(x.siteId),
            fmtPct(x.pFirst, 1),
            fmtPct(x.pTiedFirst, 1),
            fmtPct(x.rankProbabilities[1] ?? 0, 1),
            fmtPct(x.rankProbabilities[2] ?? 0, 1),
            x.meanRank === null ? '—' : x.meanRank.toFixed(2),
          ]),
        [1, 2, 3, 4, 5],
      ),
      '',
      'A rank shared by g sites in a sample counts 1/g to each of them; P(tied first) is the share of samples in which the site shared first place.',
      '',
    );
  }
  const units = new Map(model.criteria.map((c) => [c.id, { name: c.name, unit: c.unit }]));
  const place = factPlaceNamer(model);
  out.push(
    '## Method, normalisation and weights',
    '',
    `${METHOD_TEXT[model.method.id].name}: ${METHOD_TEXT[model.method.id].description}`,
    '',
    `Normalisation: ${NORMALISATION_TEXT[model.normalisation] ?? model.normalisation}. ${MISSING_TEXT} Facts older than ${model.staleAfterDays} days are flagged stale.`,
    '',
    `Coverage: ${coverageStatement(model)}`,
    '',
    `Hard constraints: ${model.constraints.length === 0 ? 'none' : text(model.constraints.map((c) => constraintText(c, units)).join('; '))}.`,
    '',
    table(
      ['Criterion', 'Direction', 'Normalisation', 'Preset weight', 'Override', 'Weight used', 'Sites with a value'],
      model.criteria.map((c) => [
        c.name,
        c.direction,
        c.normalisation,
        c.presetWeight === null ? '—' : fmtRaw(c.presetWeight),
        c.overrideWeight === null ? '—' : fmtRaw(c.overrideWeight),
        fmtPct(c.weight, 1),
        knownText(model, c),
      ]),
      [3, 4, 5],
    ),
    '',
    '## Sources',
    '',
    '### Facts',
    '',
    table(
      ['Ref.', 'Source', 'As of', 'Criteria', 'Method', 'Read from'],
      model.sources.metrics.map((m) => [
        m.id,
        `[${m.title}](${m.url})`,
        m.asOf,
        m.criteria.map((c) => names.get(c) ?? c).join(', '),
        m.methods.join(', ') || '—',
        m.references.join(', ') || '—',
      ]),
    ),
    '',
    '### Derived and estimated facts',
    '',
    model.sources.derivations.length === 0
      ? 'None.'
      : table(
          ['Fact', 'Where', 'Value', 'Method', 'Derivation', 'Ref.'],
          model.sources.derivations.map((d) => [
            names.get(d.criterionId) ?? d.criterionId,
            place(d),
            fmtRaw(d.value, units.get(d.criterionId)?.unit ?? ''),
            d.method,
            d.reference === null ? d.derivation : `${d.derivation} (from ${d.reference})`,
            d.source,
          ]),
          [2],
        ),
    ...(model.sources.methodNotRecorded > 0 ? ['', text(methodNotRecordedText(model.sources.methodNotRecorded))] : []),
    '',
    '### Policy events',
    '',
    table(
      ['Event', 'Issuer', 'Effective', 'Source'],
      model.sources.policies.map((p) => [
        p.hypothetical ? `${p.title} (hypothetical, what-if)` : p.title,
        p.issuer,
        p.effectiveDate,
        `[${p.sourceTitle}](${p.url})`,
      ]),
    ),
    '',
    '### Sites',
    '',
    table(
      ['Site', 'Source', 'As of'],
      model.sources.sites.map((x) => [name(x.siteId), `[${x.title}](${x.url})`, x.asOf]),
    ),
    '',
    '## Appendix: data health of the whole store',
    '',
    text(dataHealthSentence(model.dataHealth)),
    '',
    '### Coverage per criterion',
    '',
    table(
      ['Criterion', 'Known cells', 'Estimates', 'Stale'],
      model.dataHealth.coverage.byCriterion.map((c) => [
        cell(c.weighedByBuiltin ? c.name : `${c.name} (no built-in preset)`),
        knownCellsText(c),
        String(c.estimates),
        String(c.stale),
      ]),
      [1, 2, 3],
    ),
    '',
    '### Coverage per market',
    '',
    table(
      ['Market', 'Known cells', 'Estimates', 'Stale'],
      model.dataHealth.coverage.byMarket.map((m) => [
        cell(m.name),
        knownCellsText(m),
        String(m.estimates),
        String(m.stale),
      ]),
      [1, 2, 3],
    ),
    '',
    '## Reproducibility',
    '',
    `- App version: Landfall ${model.reproducibility.appVersion}`,
    `- Database schema: ${model.reproducibility.schemaVersion}`,
    `- Database content hash (sha256): \`${model.reproducibility.databaseHash}\``,
    `- Random seed: ${model.reproducibility.seed ?? 'none'}`,
    '',
    '```sh',
    model.reproducibility.command,
    '```',
    '',
    '### Report inputs',
    '',
    json(model.reproducibility.inputs),
    '',
    '### Preset',
    '',
    json(model.preset),
    '',
    '### Company profile',
    '',
    model.profile === null ? 'None.' : json(model.profile),
    '',
  );
  if (model.chips.length > 0) {
    out.push(
      "The profile's chip ids:",
      '',
      table(
        ['Id', 'Chip'],
        model.chips.map((c) => [`\`${c.id}\``, `${c.vendor} ${c.name}`]),
      ),
      '',
    );
  }
  return out.join('\n');
}
