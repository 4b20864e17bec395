// The report's stylesheet, inlined into the HTML file: readable on screen, and printed to A4 with
// each major section on a new page, tables that keep their rows whole and repeat their headers, and
// page numbers in the bottom margin (CSS page-margin boxes, which Chromium prints).
export const REPORT_CSS = `
:root { --ink: #1b1f24; --muted: #5b6470; --rule: #d5dae1; --band: #f3f5f8; --accent: #1f5f8b; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 9.5pt/1.4 "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; }
main.report { max-width: 190mm; margin: 0 auto; padding: 10mm 6mm; }
h1 { font-size: 20pt; line-height: 1.15; margin: 0 0 3mm; color: var(--accent); }
h2 { font-size: 14pt; margin: 0 0 3mm; padding-bottom: 1.5mm; border-bottom: 1.5px solid var(--accent); color: var(--accent); }
h3 { font-size: 11.5pt; margin: 5mm 0 2mm; }
h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 2.5mm; }
.muted, .note { color: var(--muted); }
.note { font-size: 9pt; }
section { margin-top: 8mm; }
section.page { break-before: page; page-break-before: always; margin-top: 0; }
.cover .kind { text-transform: uppercase; letter-spacing: 0.08em; font-size: 9pt; color: var(--muted); margin: 0 0 1mm; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 6mm; margin: 4mm 0 0; font-size: 9.5pt; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; }
.summary p { font-size: 10pt; }
table { width: 100%; border-collapse: collapse; font-size: 8pt; margin: 2mm 0 4mm; }
thead { display: table-header-group; }
th, td { text-align: left; vertical-align: top; padding: 1mm 1.6mm; border-bottom: 0.6px solid var(--rule); }
th { background: var(--band); font-weight: 600; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.excluded td { color: var(--muted); }
tr.thin td { background: #fbf6e9; }
.coverage-statement { border-left: 2px solid var(--accent); padding-left: 2.5mm; }
.bar { display: inline-block; height: 2.2mm; background: var(--accent); vertical-align: middle; margin-left: 1.5mm; }
.scorecell { white-space: nowrap; }
.scorebar { display: inline-block; width: 18mm; height: 2.4mm; background: var(--band); vertical-align: middle; margin-left: 1.5mm; }
.scorebar > span { display: block; height: 100%; }
.status { white-space: nowrap; font-weight: 600; }
.status-allowed { color: #116b3a; } .status-conditional { color: #8a5a00; }
.status-licence_required { color: #a04000; } .status-prohibited { color: #a1112a; }
figure { margin: 0 0 4mm; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: 9pt; color: var(--muted); margin: 1mm 0 0; }
svg { display: block; width: 100%; height: auto; }
svg.map .sea { fill: #e8f0f7; } svg.map .land path { fill: #d9d6cf; stroke: #fff; stroke-width: 0.5; }
svg.map .frame { fill: none; stroke: #9aa5b1; stroke-width: 1; }
svg .dot { stroke: #1b1f24; stroke-width: 0.8; }
svg .dot.excluded { fill: #fff; fill-opacity: 0.7; stroke: #5b6470; stroke-width: 1.2; stroke-dasharray: 2 1.5; }
svg text { font-family: inherit; fill: var(--ink); }
svg .rank { font-size: 11px; font-weight: 700; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
svg .label, svg .value { font-size: 10px; } svg .axis { font-size: 9px; fill: var(--muted); }
svg .rest, .swatch.rest { fill: #e3e6ea; background: #e3e6ea; }
svg .track { fill: #e3e6ea; } svg .interval { fill: #7fb0d3; } svg .current { fill: #1b1f24; }
.maps { display: grid; grid-template-columns: 1fr 1fr; gap: 3mm; }
.score-legend { width: 90mm; margin: 1mm 0 3mm; }
.legend { display: flex; flex-wrap: wrap; gap: 1mm 4mm; font-size: 8.5pt; margin: 1mm 0 4mm; }
.key { display: inline-flex; align-items: center; gap: 1.2mm; }
.swatch { display: inline-block; width: 3mm; height: 3mm; border-radius: 0.5mm; }
.sites { columns: 2; column-gap: 6mm; }
.site-block { break-inside: avoid; page-break-inside: avoid; margin: 0 0 4mm; }
.site-block h3 { margin-top: 0; font-size: 10pt; }
.site-block table { font-size: 7.8pt; margin: 0; }
.site-block td, .site-block th { padding: 0.5mm 1mm; }
.site-block td.gap { white-space: normal; max-width: 24mm; color: var(--muted); }
.site-block ol.missing { margin: 0.8mm 0 0; padding-left: 4.5mm; font-size: 7.4pt; color: var(--muted); }
.site-block .reasons { font-size: 8pt; color: #a1112a; margin: 0 0 1mm; }
.group { margin-bottom: 5mm; }
.chip-block { break-inside: avoid; page-break-inside: avoid; }
.group h3 { margin-bottom: 1mm; }
.chip { margin: 1.5mm 0 0; font-size: 9pt; }
.explain p { margin-bottom: 1.5mm; }
.url { word-break: break-all; font-size: 8pt; color: var(--muted); }
pre { white-space: pre-wrap; word-break: break-word; font: 7.8pt/1.35 "DejaVu Sans Mono", Consolas, monospace;
  background: var(--band); padding: 2mm 3mm; border-radius: 1mm; margin: 1mm 0 3mm; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 8.5pt; }
@page { size: A4; margin: 14mm 12mm 16mm;
  @bottom-left { content: "Landfall report"; font: 8pt sans-serif; color: #5b6470; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt sans-serif; color: #5b6470; } }
@media print {
  main.report { max-width: none; padding: 0; }
  section.page { padding-top: 0; }
}
`;
