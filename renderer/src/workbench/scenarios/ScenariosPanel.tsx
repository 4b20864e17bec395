// "What-if scenarios": named sets of hypothetical policy events, kept apart from the real timeline.
// Create, rename, delete, export and import them; draft their events (from a template or blank);
// and pick the one the workspace shows beside the real ranking.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ScenarioDetail, ScenarioSummary } from '../../../../shared/calls/scenario-calls';
import { useApp, useServices } from '../../context';
import { downloadBlob } from '../../download';
import { EventForm } from './EventForm';
import { BLANK_EVENT, TEMPLATES, draftOf, type EventDraft } from './event-draft';
import './whatif.css';

interface Problem {
  message: string;
  issues: { path: string; message: string }[];
}
const problemOf = (e: unknown): Problem => ({
  message: e instanceof Error ? e.message : String(e),
  issues: (e as { issues?: Problem['issues'] }).issues ?? [],
});

export function ScenariosPanel({ onClose }: { onClose: () => void }): ReactNode {
  const { client, store } = useServices();
  const activeId = useApp((s) => s.whatIfScenarioId);
  const [list, setList] = useState<ScenarioSummary[] | null>(null);
  const [openId, setOpenId] = useState<string | null>(activeId);
  const [fetched, setDetail] = useState<ScenarioDetail | null>(null);
  const detail = fetched !== null && fetched.id === openId ? fetched : null;
  const [problem, setProblem] = useState<Problem | null>(null);
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<string | null>(null);
  const [form, setForm] = useState<{ draft: EventDraft; editingId: string | null; seq: number } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const refresh = useCallback(async (): Promise<void> => {
    setList(await client.call('scenarios.list', {}));
  }, [client]);
  useEffect(() => {
    void client.call('scenarios.list', {}).then(setList);
  }, [client]);
  useEffect(() => {
    if (openId === null) return;
    let live = true;
    void client
      .call('scenarios.get', { id: openId })
      .then((d) => live && setDetail(d))
      .catch(() => live && setDetail(null));
    return () => {
      live = false;
    };
  }, [client, openId, list]);

  const run = async (work: () => Promise<void>): Promise<void> => {
    setProblem(null);
    try {
      await work();
      await refresh();
    } catch (e) {
      setProblem(problemOf(e));
    }
  };
  const show = (id: string | null): void => store.getState().setWhatIf({ whatIfScenarioId: id });
  const create = (): Promise<void> =>
    run(async () => {
      const made = await client.call('scenarios.create', { name, description: '' });
      setName('');
      setOpenId(made.id);
      show(made.id);
    });
  const importFile = async (file: File): Promise<void> => {
    const content = await readText(file);
    await run(async () => {
      const made = await client.call('scenarios.import', { content });
      setOpenId(made.id);
    });
  };
  const edit = (draft: EventDraft, editingId: string | null): void =>
    setForm((f) => ({ draft, editingId, seq: (f?.seq ?? 0) + 1 }));

  return (
    <section className="overlay-panel whatif-panel" aria-label="What-if scenarios">
      <header>
        <h2>What-if scenarios</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      <p className="muted">
        Hypothetical policy events, kept apart from the real timeline. Pick one to see the ranking both ways.
      </p>
      <form
        className="whatif-create"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <label>
          New scenario
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. US squeezes Malaysia" />
        </label>
        <button type="submit" disabled={name.trim() === ''}>
          Create
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          Import…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          hidden
          aria-label="Scenario file to import"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </form>
      {problem && (
        <div className="whatif-problem" role="alert">
          <strong>{problem.message}</strong>
          {problem.issues.length > 0 && (
            <ul aria-label="Problems">
              {problem.issues.map((i, n) => (
                <li key={`${i.path}-${n}`}>
                  <code>{i.path}</code>: {i.message}
                </li>
              ))}
            </ul>
          )}
          <p className="muted">Nothing was changed.</p>
        </div>
      )}
      {list !== null && list.length === 0 && <p className="muted">No scenarios yet.</p>}
      <ul className="whatif-list" aria-label="Scenarios">
        {(list ?? []).map((s) => (
          <li key={s.id} className={s.id === openId ? 'open' : undefined}>
            {renaming === s.id ? (
              <RenameForm
                initial={s.name}
                onDone={(next) =>
                  void run(async () => {
                    if (next !== null) await client.call('scenarios.rename', { id: s.id, name: next });
                    setRenaming(null);
                  })
                }
              />
            ) : (
              <button
                type="button"
                className="link-button"
                onClick={() => setOpenId(s.id)}
                aria-expanded={s.id === openId}
              >
                {s.name}{' '}
                <span className="muted">
                  ({s.eventCount} event{s.eventCount === 1 ? '' : 's'})
                </span>
              </button>
            )}
            <span className="whatif-actions">
              <label>
                <input
                  type="checkbox"
                  checked={activeId === s.id}
                  onChange={(e) => show(e.target.checked ? s.id : null)}
                />
                Compare
              </label>
              <button type="button" onClick={() => setRenaming(s.id)} aria-label={`Rename ${s.name}`}>
                Rename
              </button>
              <button
                type="button"
                aria-label={`Export ${s.name}`}
                onClick={() =>
                  void run(async () => {
                    const file = await client.call('scenarios.export', { id: s.id });
                    downloadBlob(file.filename, file.content, 'application/json');
                  })
                }
              >
                Export
              </button>
              <button
                type="button"
                aria-label={`Delete ${s.name}`}
                onClick={() =>
                  void run(async () => {
                    await client.call('scenarios.delete', { id: s.id });
                    if (activeId === s.id) show(null);
                    if (openId === s.id) setOpenId(null);
                  })
                }
              >
                Delete
              </button>
            </span>
          </li>
        ))}
      </ul>
      {detail && (
        <section className="whatif-events" aria-label={`Events of ${detail.name}`}>
          <h3>Events of “{detail.name}”</h3>
          {detail.events.length === 0 && <p className="muted">No events yet: start from a template or a blank one.</p>}
          <ul>
            {detail.events.map((e) => (
              <li key={e.id}>
                <span>
                  <strong>{e.title}</strong>{' '}
                  <span className="muted">
                    {e.issuer} · {e.effect.replaceAll('_', ' ')} · from {e.effectiveDate}
                    {e.endDate ? ` to ${e.endDate}` : ''}
                    {e.scope.destinations.length > 0 ? ` · in ${e.scope.destinations.join(', ')}` : ''}
                  </span>
                </span>
                <span className="whatif-actions">
                  <button type="button" onClick={() => edit(draftOf(e), e.id)} aria-label={`Edit ${e.title}`}>
                    Edit
                  </button>
                  <button
                    type="button"
                    aria-label={`Delete ${e.title}`}
                    onClick={() =>
                      void run(async () => {
                        await client.call('scenarios.applyEvents', {
                          scenarioId: detail.id,
                          changes: [{ op: 'delete', key: e.id }],
                        });
                      })
                    }
                  >
                    Delete
                  </button>
                </span>
              </li>
            ))}
          </ul>
          <div className="whatif-templates" role="group" aria-label="Start an event from">
            {TEMPLATES.map((t) => (
              <button key={t.label} type="button" onClick={() => edit(t.draft, null)}>
                {t.label}
              </button>
            ))}
            <button type="button" onClick={() => edit(BLANK_EVENT, null)}>
              Blank event
            </button>
          </div>
          {form && (
            <EventForm
              key={form.seq}
              scenarioId={detail.id}
              initial={form.draft}
              editingId={form.editingId}
              onDone={(saved) => {
                setForm(null);
                if (saved) void refresh();
              }}
            />
          )}
        </section>
      )}
    </section>
  );
}

function RenameForm({ initial, onDone }: { initial: string; onDone: (name: string | null) => void }): ReactNode {
  const [value, setValue] = useState(initial);
  return (
    <form
      className="whatif-rename"
      onSubmit={(e) => {
        e.preventDefault();
        onDone(value);
      }}
    >
      <input aria-label="New name" value={value} onChange={(e) => setValue(e.target.value)} autoFocus />
      <button type="submit">Save</button>
      <button type="button" onClick={() => onDone(null)}>
        Cancel
      </button>
    </form>
  );
}

/** A file's text through FileReader (File.text() is missing from older engines and from jsdom). */
function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
    reader.readAsText(file);
  });
}
