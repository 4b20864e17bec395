// `landfall report --preset ID … --out FILE.(pdf|html|md|csv|json)`: one report.render call, written
// to FILE (format from its extension). `--inputs report.json` re-runs a JSON report's recorded inputs
// (reproducibility.inputs), overrides included, which flags alone cannot express.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { writeFileAtomic } from '../../../db/transfer/atomic-file';
import { refuseStoreTarget } from '../../../db/transfer/store-targets';
import { REPORT_FORMATS, ReportFormat } from '../../../shared/report/model';
import { command, refused, type Command, type CommandRun } from '../command';
import { UsageError } from '../io';
import { coverageInput, coverageOptions, legalityInput, legalityOptions, scenarioOption } from './scenario-option';

function whole(name: string, given: string | boolean | undefined): number | undefined {
  if (given === undefined) return undefined;
  const n = typeof given === 'string' && /^\d+$/.test(given) ? Number(given) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw new UsageError(`--${name} must be a whole number, not "${String(given)}"`);
  return n;
}

function str(values: Record<string, string | boolean | undefined>, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

/** The inputs a JSON report recorded, or a bare inputs object. */
function readInputs(file: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read --inputs ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const record = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  if (!record(parsed)) throw new UsageError(`--inputs ${file} is not a JSON object`);
  if (parsed.format === 'landfall.report') {
    const inputs = record(parsed.reproducibility) ? parsed.reproducibility.inputs : undefined;
    if (!record(inputs)) throw new UsageError(`--inputs ${file} is a report without reproducibility.inputs`);
    return inputs;
  }
  return parsed;
}

export function reportInput(values: Record<string, string | boolean | undefined>): Record<string, unknown> {
  const fromFile = str(values, 'inputs') === undefined ? {} : readInputs(str(values, 'inputs') as string);
  const preset = str(values, 'preset');
  if (preset === undefined && fromFile.presetId === undefined)
    throw new UsageError('--preset (or --inputs) is required');
  if (str(values, 'out') === undefined)
    throw new UsageError('--out FILE is required (FILE.pdf, .html, .md, .csv or .json)');
  const samples = whole('samples', values.samples);
  const seed = whole('seed', values.seed);
  const sites = str(values, 'sites');
  const baseSensitivity = fromFile.sensitivity;
  let sensitivity: unknown = baseSensitivity;
  if (samples === 0) sensitivity = null;
  else if (samples !== undefined || seed !== undefined) {
    const base = typeof baseSensitivity === 'object' && baseSensitivity !== null ? baseSensitivity : {};
    sensitivity = { ...base, ...(samples !== undefined ? { samples } : {}), ...(seed !== undefined ? { seed } : {}) };
  }
  const flags: Record<string, unknown> = {
    presetId: preset,
    profileId: str(values, 'profile'),
    asOf: str(values, 'as-of'),
    method: str(values, 'method'),
    scenarioId: str(values, 'scenario'),
    sites:
      sites === undefined
        ? undefined
        : sites
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== ''),
    title: str(values, 'title'),
    author: str(values, 'author'),
    sensitivity,
    ...coverageInput(values),
    ...legalityInput(values),
  };
  const defined = Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined));
  return { ...fromFile, ...defined };
}

/** The format: --format if given (auto: none), else the extension of --out; they must agree. */
export function reportFormat(out: string, given: string | boolean | undefined): ReportFormat {
  const ext = extname(out).slice(1).toLowerCase();
  const fromExt = ReportFormat.safeParse(ext === 'markdown' ? 'md' : ext === 'htm' ? 'html' : ext);
  if (typeof given === 'string' && given !== 'auto') {
    const parsed = ReportFormat.safeParse(given);
    if (!parsed.success) throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}, not "${given}"`);
    if (fromExt.success && fromExt.data !== parsed.data) {
      throw new UsageError(`--format ${parsed.data} does not match the extension of ${out}`);
    }
    return parsed.data;
  }
  if (!fromExt.success) {
    throw new UsageError(
      `cannot tell the format from "${out}": end it in .${REPORT_FORMATS.join(', .')} or give --format`,
    );
  }
  return fromExt.data;
}

async function runReport(step: CommandRun): Promise<number> {
  const { call, input, values, io, name, dbPath } = step;
  const out = str(values, 'out') as string;
  const format = reportFormat(out, values.format);
  refuseStoreTarget(out, dbPath); // before the report is rendered
  const result = await call('report.render', { ...(input as object), format });
  if (!result.ok) return refused(io, name, result.error);
  const file = result.value;
  const bytes = file.encoding === 'base64' ? Buffer.from(file.content, 'base64') : Buffer.from(file.content, 'utf8');
  writeFileAtomic(out, bytes, { store: dbPath });
  io.out(`wrote ${out} (${format}, ${Math.max(1, Math.round(bytes.length / 1024))} KiB)\n`);
  return 0;
}

export const reportCommands: Record<string, Command> = {
  report: command({
    summary: 'Write a report (PDF, HTML, Markdown, CSV or JSON) for a preset and profile',
    // auto: the extension of --out decides (see reportFormat).
    formats: ['auto', ...REPORT_FORMATS],
    options: {
      preset: { type: 'string', help: 'weight preset id (landfall presets lists them)' },
      profile: { type: 'string', help: 'company profile id, for chip legality' },
      'as-of': { type: 'string', help: 'the date of the data, YYYY-MM-DD (default today)' },
      method: { type: 'string', help: "wsm, wpm or topsis (default: the preset's)" },
      ...coverageOptions,
      ...scenarioOption,
      ...legalityOptions,
      sites: { type: 'string', help: 'site ids to compare side by side, comma-separated' },
      title: { type: 'string', help: 'report title (default "Siting report: <preset>")' },
      author: { type: 'string', help: 'author shown on the cover' },
      samples: { type: 'string', help: 'SMAA samples (default 2000; 0 leaves sensitivity out)' },
      seed: { type: 'string', help: 'SMAA random seed (default 1)' },
      inputs: { type: 'string', help: 'a JSON report (or its inputs) to re-run; flags override its values' },
      out: { type: 'string', help: 'the file to write: .pdf, .html, .md, .csv or .json (required)' },
    },
    call: 'report.render',
    input: (values) => reportInput(values),
    run: runReport,
  }),
};
