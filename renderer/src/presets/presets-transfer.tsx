// Presets in and out as a JSON file. Import reads the file and asks the backend for a preview first
// (per preset: added, changed, unchanged or renamed, and every problem by path); only "Import"
// writes, all or nothing. Export downloads the chosen presets, or all, as one presets document.
import { useId, useRef, useState, type ReactNode } from 'react';
import type { CallOutput } from '../../../shared/contract';
import { todayIso } from '../store';
import { useApp, useServices } from '../context';
import {
  downloadPresets,
  exportFilename,
  readFileText,
  refreshPresets,
  toProblem,
  type Problem,
} from './presets-actions';
import { ProblemNote } from './presets-problem';

type ImportResult = CallOutput<'presets.import'>;

const OUTCOME_TEXT: Record<ImportResult['items'][number]['outcome'], string> = {
  added: 'Added',
  changed: 'Changed',
  unchanged: 'Unchanged',
  renamed: 'Renamed',
};
const BAD_FILE_HINT = 'Nothing was changed. Fix the file (or export it again from Landfall) and choose it again.';

export function PresetsTransfer({ announce }: { announce(message: string): void }): ReactNode {
  return (
    <div className="presets-transfer">
      <ImportSection announce={announce} />
      <ExportSection announce={announce} />
    </div>
  );
}

function ImportSection({ announce }: { announce(message: string): void }): ReactNode {
  const { client, store } = useServices();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (chosen: File | undefined): Promise<void> => {
    setPreview(null);
    setProblem(null);
    setFile(null);
    if (chosen === undefined) return;
    setBusy(true);
    try {
      const text = await readFileText(chosen);
      setFile({ name: chosen.name, text });
      // The backend reads the text itself, so a file that is not JSON is named as such, like any other problem.
      setPreview(await client.call('presets.import', { document: text, mode: 'preview' }));
    } catch (e) {
      setProblem(toProblem(e, BAD_FILE_HINT));
    } finally {
      setBusy(false);
    }
  };

  const commit = async (): Promise<void> => {
    if (file === null) return;
    setBusy(true);
    setProblem(null);
    try {
      const result = await client.call('presets.import', { document: file.text, mode: 'commit' });
      await refreshPresets(client, store);
      const { added, changed, renamed } = result.counts;
      announce(
        result.committed
          ? `Imported ${file.name}: ${added} added, ${changed} changed, ${renamed} renamed.`
          : `Nothing to import from ${file.name}: every preset is already here.`,
      );
      setPreview(null);
      setFile(null);
      if (input.current) input.current.value = '';
    } catch (e) {
      setProblem(toProblem(e, BAD_FILE_HINT));
    } finally {
      setBusy(false);
    }
  };

  const writes = preview ? preview.counts.added + preview.counts.changed + preview.counts.renamed : 0;
  return (
    <section className="presets-import" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Import</h3>
      <label htmlFor={`${id}-file`}>Presets file (JSON, as Landfall exports it)</label>
      <input
        ref={input}
        id={`${id}-file`}
        type="file"
        accept=".json,application/json"
        disabled={busy}
        onChange={(e) => void choose(e.target.files?.[0])}
      />
      {problem !== null && <ProblemNote problem={problem} />}
      {preview !== null && file !== null && (
        <div className="presets-preview">
          <p role="status">
            {file.name}: {preview.items.length} preset{preview.items.length === 1 ? '' : 's'} —{' '}
            {(['added', 'changed', 'renamed', 'unchanged'] as const).map((k) => `${preview.counts[k]} ${k}`).join(', ')}
            .
          </p>
          <ul aria-label="What the import would do">
            {preview.items.map((item) => (
              <li key={item.index} className={`outcome-${item.outcome}`}>
                <span className="preset-badge">{OUTCOME_TEXT[item.outcome]}</span> {item.name}
                {item.storedAs !== item.id && <span className="muted"> (as {item.storedAs})</span>}
                {item.fields.length > 0 && <span className="muted"> — {item.fields.join(', ')}</span>}
                {item.note !== '' && <span className="muted"> — {item.note}</span>}
              </li>
            ))}
          </ul>
          <div className="preset-row-actions">
            <button type="button" disabled={busy || writes === 0} onClick={() => void commit()}>
              {writes === 0 ? 'Nothing to import' : `Import ${writes} preset${writes === 1 ? '' : 's'}`}
            </button>
            <button
              type="button"
              onClick={() => {
                setPreview(null);
                setFile(null);
                if (input.current) input.current.value = '';
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

function ExportSection({ announce }: { announce(message: string): void }): ReactNode {
  const { client } = useServices();
  const presets = useApp((s) => s.choices.presets);
  const id = useId();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<Problem | null>(null);
  // A preset deleted since it was ticked is not exported.
  const selected = presets.filter((p) => chosen.has(p.id)).map((p) => p.id);

  const save = async (ids: string[] | null): Promise<void> => {
    setProblem(null);
    try {
      const document_ = await client.call('presets.export', ids === null ? {} : { ids });
      const filename = exportFilename(ids, todayIso());
      downloadPresets(document_, filename);
      announce(
        `Exported ${document_.presets.length} preset${document_.presets.length === 1 ? '' : 's'} to ${filename}.`,
      );
    } catch (e) {
      setProblem(toProblem(e));
    }
  };

  return (
    <section className="presets-export" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Export</h3>
      <fieldset>
        <legend>Presets to export</legend>
        {presets.map((p) => (
          <label key={p.id} className="presets-export-choice">
            <input
              type="checkbox"
              checked={chosen.has(p.id)}
              onChange={(e) => {
                const next = new Set(chosen);
                if (e.target.checked) next.add(p.id);
                else next.delete(p.id);
                setChosen(next);
              }}
            />
            {p.name}
            {p.builtin && <span className="muted"> (built-in)</span>}
          </label>
        ))}
      </fieldset>
      <div className="preset-row-actions">
        <button type="button" disabled={selected.length === 0} onClick={() => void save(selected)}>
          Export selected ({selected.length})
        </button>
        <button type="button" onClick={() => void save(null)}>
          Export all ({presets.length})
        </button>
      </div>
      {problem !== null && <ProblemNote problem={problem} />}
    </section>
  );
}
