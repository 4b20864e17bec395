// "Export report…": a dialog that turns the scenario on screen (preset, profile, as-of date, method,
// normalisation, weight and constraint overrides, legality question, minimum coverage, pinned compare
// sites) into a report file through report.render, and hands it to the browser as a download (a Blob
// URL on an <a download>, which neither the CSP nor the desktop app's network fence stands in the way of).
// The build runs under a run id: its sensitivity progress is shown, and Stop sends report.cancel.
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { CallInput, CallOutput } from '../../../shared/contract';
import { ApiCallError } from '../../../shared/errors';
import {
  DEFAULT_REPORT_SAMPLES,
  DEFAULT_REPORT_SEED,
  MAX_REPORT_COMPARE,
  type ReportFormat,
} from '../../../shared/report/model';
import { useApp, useServices } from '../context';
import { downloadBlob } from '../download';
import { scenarioOverrides, type Scenario } from '../store';
import './report-dialog.css';

const FORMATS: { id: ReportFormat; label: string }[] = [
  { id: 'pdf', label: 'PDF (print-ready, A4)' },
  { id: 'html', label: 'HTML (one file, opens offline)' },
  { id: 'md', label: 'Markdown' },
  { id: 'csv', label: 'CSV (one row per site)' },
  { id: 'json', label: 'JSON (the report model, re-runnable)' },
];

export interface ReportOptions {
  title: string;
  author: string;
  format: ReportFormat;
  /** null: leave the sensitivity section out. */
  sensitivity: { samples: number; seed: number } | null;
  /** The what-if scenario shown beside the real timeline: the report is made under it. */
  scenarioId?: string | null;
}

/** The report.render input for the scenario on screen; pinned sites are compared when there are two or more. */
export function reportRequest(
  scenario: Scenario,
  compare: readonly string[],
  options: ReportOptions,
): CallInput<'report.render'> {
  if (scenario.presetId === null) throw new Error('choose a weight preset first');
  return {
    presetId: scenario.presetId,
    asOf: scenario.asOf,
    format: options.format,
    ...(scenario.profileId ? { profileId: scenario.profileId } : {}),
    ...scenarioOverrides(scenario),
    ...(compare.length >= 2 ? { sites: compare.slice(0, MAX_REPORT_COMPARE) } : {}),
    ...(options.title.trim() ? { title: options.title.trim() } : {}),
    ...(options.author.trim() ? { author: options.author.trim() } : {}),
    sensitivity: options.sensitivity,
    ...(options.scenarioId ? { scenarioId: options.scenarioId } : {}),
  };
}

/** Saves a rendered report through the browser's download machinery. */
export function downloadReport(file: CallOutput<'report.render'>): void {
  const body = file.encoding === 'base64' ? Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0)) : file.content;
  downloadBlob(file.filename, body, file.mimeType);
}

type Status =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'done'; filename: string }
  | { kind: 'stopped' }
  | { kind: 'error'; message: string };

export function ExportReportButton(): ReactNode {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const ready = useApp((s) => s.loadState === 'ready' && s.scenario.presetId !== null);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="top-bar-open report-open"
        aria-haspopup="dialog"
        disabled={!ready}
        onClick={() => setOpen(true)}
      >
        Export report…
      </button>
      {open && (
        <ReportDialog
          onClose={() => {
            setOpen(false);
            button.current?.focus();
          }}
        />
      )}
    </>
  );
}

export function ReportDialog({ onClose }: { onClose: () => void }): ReactNode {
  const { client } = useServices();
  const scenario = useApp((s) => s.scenario);
  const compare = useApp((s) => s.compare);
  const presets = useApp((s) => s.choices.presets);
  const profiles = useApp((s) => s.choices.profiles);
  const sites = useApp((s) => s.sites);
  const whatIfId = useApp((s) => s.whatIfScenarioId);
  const whatIfName = useApp((s) => s.whatIfComparison?.scenario.name ?? s.whatIfScenarioId);
  const preset = presets.find((p) => p.id === scenario.presetId);
  const profile = profiles.find((p) => p.id === scenario.profileId);
  const [title, setTitle] = useState(preset ? `Siting report: ${preset.name}` : 'Siting report');
  const [author, setAuthor] = useState('');
  const [format, setFormat] = useState<ReportFormat>('pdf');
  const [withSensitivity, setWithSensitivity] = useState(true);
  const [samples, setSamples] = useState(DEFAULT_REPORT_SAMPLES);
  const [seed, setSeed] = useState(DEFAULT_REPORT_SEED);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  // The run id of the build in progress, for its progress events and for Stop; null when none is.
  const runId = useRef<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => first.current?.focus(), []);
  useEffect(
    () =>
      client.subscribe('sensitivity.progress', (p) => {
        if (p.runId === runId.current) setProgress({ done: p.done, total: p.total });
      }),
    [client],
  );

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setStatus({ kind: 'working' });
    setProgress(null);
    const run = crypto.randomUUID();
    runId.current = run;
    try {
      const request = reportRequest(scenario, compare, {
        title,
        author,
        format,
        sensitivity: withSensitivity ? { samples, seed } : null,
        scenarioId: whatIfId,
      });
      const file = await client.call('report.render', { ...request, runId: run });
      downloadReport(file);
      setStatus({ kind: 'done', filename: file.filename });
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'cancelled') setStatus({ kind: 'stopped' });
      else setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      runId.current = null;
    }
  };

  const stop = (): void => {
    if (runId.current !== null) void client.call('report.cancel', { runId: runId.current });
  };

  const names = new Map(sites.map((s) => [s.id, s.name]));
  const overrides = [
    scenario.method && `method ${scenario.method.toUpperCase()}`,
    scenario.normalisation && `${scenario.normalisation} normalisation`,
    scenario.weights && `${Object.keys(scenario.weights).length} weight override(s)`,
    scenario.constraints && `${scenario.constraints.length} constraint(s) of your own`,
  ].filter((x): x is string => typeof x === 'string');
  const working = status.kind === 'working';

  return (
    <div className="report-backdrop" onMouseDown={(e) => e.target === e.currentTarget && !working && onClose()}>
      <div
        className="report-dialog overlay-panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !working) {
            e.stopPropagation();
            onClose();
          } else if (e.key === 'Tab') {
            trapFocus(e.currentTarget, e);
          }
        }}
      >
        <h2 id={`${id}-title`}>Export report</h2>
        <p className="report-scenario">
          The scenario on screen: <strong>{preset?.name ?? scenario.presetId}</strong>
          {profile ? `, ${profile.name}` : ', no company profile'}, as of {scenario.asOf}
          {overrides.length > 0 ? `; ${overrides.join(', ')}` : ''}
          {whatIfId ? `; under the what-if “${whatIfName ?? whatIfId}”` : ''}
          {compare.length >= 2 ? `; comparing ${compare.map((s) => names.get(s) ?? s).join(', ')}` : ''}.
        </p>
        <form onSubmit={(e) => void submit(e)}>
          <label>
            Title
            <input ref={first} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <label>
            Author
            <input value={author} maxLength={200} onChange={(e) => setAuthor(e.target.value)} />
          </label>
          <label>
            Format
            <select value={format} onChange={(e) => setFormat(e.target.value as ReportFormat)}>
              {FORMATS.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.label}
                </option>
              ))}
            </select>
          </label>
          <fieldset>
            <legend>Sensitivity</legend>
            <label className="report-check">
              <input type="checkbox" checked={withSensitivity} onChange={(e) => setWithSensitivity(e.target.checked)} />
              Include stability intervals and SMAA rank probabilities
            </label>
            <label>
              Samples
              <input
                type="number"
                min={100}
                max={100_000}
                step={100}
                value={samples}
                disabled={!withSensitivity}
                onChange={(e) => setSamples(Math.round(Number(e.target.value)))}
              />
            </label>
            <label>
              Seed
              <input
                type="number"
                min={0}
                step={1}
                value={seed}
                disabled={!withSensitivity}
                onChange={(e) => setSeed(Math.round(Number(e.target.value)))}
              />
            </label>
          </fieldset>
          <div className="report-status" role="status" aria-live="polite">
            {working &&
              (progress === null
                ? 'Building the report…'
                : `Building the report… sensitivity: ${progress.done.toLocaleString('en-US')} of ${progress.total.toLocaleString('en-US')} samples`)}
            {status.kind === 'done' && `Saved ${status.filename}.`}
            {status.kind === 'stopped' && 'Stopped: no report was made.'}
          </div>
          {status.kind === 'error' && (
            <p className="report-error" role="alert">
              {status.message}
            </p>
          )}
          <div className="report-actions">
            {working ? (
              <button type="button" onClick={stop}>
                Stop
              </button>
            ) : (
              <button type="button" onClick={onClose}>
                {status.kind === 'done' ? 'Close' : 'Cancel'}
              </button>
            )}
            <button type="submit" className="primary" disabled={working}>
              Export
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}

/** Keeps Tab and Shift+Tab inside the dialog (it is modal: the page behind is not reachable). */
function trapFocus(dialog: HTMLElement, e: { shiftKey: boolean; preventDefault(): void }): void {
  const focusable = [...dialog.querySelectorAll<HTMLElement>('input, select, button, textarea, [tabindex]')].filter(
    (el) => !el.hasAttribute('disabled') && el.tabIndex >= 0,
  );
  const first = focusable[0];
  const last = focusable.at(-1);
  if (first === undefined || last === undefined) return;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}
