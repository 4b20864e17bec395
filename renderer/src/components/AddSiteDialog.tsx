// "Add site": a form for a new candidate site, its coordinates filled in from a map click (rounded
// to 4 decimal places, about 11 m) or typed. Each field is checked by data.validate as it is typed;
// nothing is written until the whole site is valid, then data.apply adds it (one undoable batch).
import { useEffect, useId, useState, type ReactNode } from 'react';
import type { EditIssue } from '../../../shared/calls/edit-calls';
import type { Market } from '../../../shared/model/jurisdictions';
import { SiteStatus } from '../../../shared/schemas';
import { useServices } from '../context';
import { eventIdFrom } from '../workbench/scenarios/event-draft';
import '../workbench/scenarios/whatif.css';

/** Degrees to 4 decimal places. */
export const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

interface Draft {
  name: string;
  marketId: string;
  status: SiteStatus;
  lat: string;
  lon: string;
  existing: string;
  planned: string;
  sourceTitle: string;
  sourceUrl: string;
  sourceAsOf: string;
}

const num = (t: string): number | string | null => (t.trim() === '' ? null : Number.isNaN(Number(t)) ? t : Number(t));

/** The data.apply insert for the form's draft (text that is not a number is sent as typed, to be named). */
export function siteValues(d: Draft): Record<string, unknown> {
  return {
    id: `${d.marketId || 'site'}-${eventIdFrom(d.name)}`,
    name: d.name.trim(),
    marketId: d.marketId,
    lat: num(d.lat),
    lon: num(d.lon),
    status: d.status,
    capacityMw: { existing: num(d.existing), planned: num(d.planned) },
    source: { title: d.sourceTitle, url: d.sourceUrl, asOf: d.sourceAsOf },
  };
}

const FIELD_OF: Record<string, keyof Draft> = {
  name: 'name',
  id: 'name',
  marketId: 'marketId',
  status: 'status',
  lat: 'lat',
  lon: 'lon',
  'capacityMw.existing': 'existing',
  'capacityMw.planned': 'planned',
  'source.title': 'sourceTitle',
  'source.url': 'sourceUrl',
  'source.asOf': 'sourceAsOf',
  source: 'sourceTitle',
};

export function AddSiteDialog({
  at,
  onClose,
}: {
  /** Where the map was clicked; null: type the coordinates. */
  at: { lat: number; lon: number } | null;
  onClose: (addedId: string | null) => void;
}): ReactNode {
  const { client } = useServices();
  const formId = useId();
  const [markets, setMarkets] = useState<Market[]>([]);
  const [draft, setDraft] = useState<Draft>({
    name: '',
    marketId: '',
    status: 'planned',
    lat: at ? String(round4(at.lat)) : '',
    lon: at ? String(round4(at.lon)) : '',
    existing: '',
    planned: '',
    sourceTitle: '',
    sourceUrl: '',
    sourceAsOf: '',
  });
  const [issues, setIssues] = useState<EditIssue[] | null>(null);
  const [touched, setTouched] = useState<Set<keyof Draft>>(new Set());
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    void client.call('markets.list', {}).then(setMarkets);
  }, [client]);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void client
        .call('data.validate', { table: 'sites', changes: [{ op: 'insert', values: siteValues(draft) }] })
        .then((v) => live && setIssues(v.issues));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, draft]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') onClose(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const byField = new Map<keyof Draft, string[]>();
  for (const i of issues ?? []) {
    const f = FIELD_OF[i.field ?? ''] ?? 'name';
    byField.set(f, [...(byField.get(f) ?? []), i.message]);
  }
  const shown = (k: keyof Draft): string[] | undefined => (touched.has(k) || saving ? byField.get(k) : undefined);
  const set = (k: keyof Draft, v: string): void => {
    setDraft((d) => ({ ...d, [k]: v }));
    setTouched((t) => new Set(t).add(k));
  };
  const field = (k: keyof Draft, label: string, type = 'text', extra: ReactNode = null): ReactNode => {
    const errors = shown(k);
    return (
      <label className="field">
        <span>{label}</span>
        {extra ?? (
          <input
            type={type}
            value={draft[k]}
            aria-invalid={errors !== undefined}
            aria-describedby={errors ? `${formId}-${k}` : undefined}
            onChange={(e) => set(k, e.target.value)}
          />
        )}
        {errors && (
          <span className="field-error" id={`${formId}-${k}`} role="alert">
            {errors.join('; ')}
          </span>
        )}
      </label>
    );
  };
  const save = async (): Promise<void> => {
    setSaving(true);
    try {
      const values = siteValues(draft);
      await client.call('data.apply', {
        table: 'sites',
        changes: [{ op: 'insert', values }],
        label: `Add site ${draft.name}`,
      });
      onClose(String(values.id));
    } catch (e) {
      const list = (e as { issues?: { path: string; message: string }[] }).issues ?? [];
      setIssues(
        list.map((i) => ({
          index: 0,
          key: null,
          field: /^changes\.\d+\.values\.(.+)$/.exec(i.path)?.[1] ?? null,
          path: i.path,
          message: i.message,
        })),
      );
      setTouched(new Set(Object.keys(draft) as (keyof Draft)[]));
      setSaving(false);
    }
  };
  const valid = issues !== null && issues.length === 0;
  return (
    <div className="map-dialog" role="dialog" aria-modal="true" aria-labelledby={`${formId}-title`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2 id={`${formId}-title`}>Add a site</h2>
        <div className="event-grid">
          {field('name', 'Name')}
          {field(
            'marketId',
            'Market',
            'text',
            <select
              value={draft.marketId}
              aria-invalid={shown('marketId') !== undefined}
              onChange={(e) => set('marketId', e.target.value)}
            >
              <option value="">choose…</option>
              {markets.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name} ({m.country})
                </option>
              ))}
            </select>,
          )}
          {field('lat', 'Latitude', 'text')}
          {field('lon', 'Longitude', 'text')}
          {field(
            'status',
            'Status',
            'text',
            <select value={draft.status} onChange={(e) => set('status', e.target.value)}>
              {SiteStatus.options.map((s) => (
                <option key={s} value={s}>
                  {s.replaceAll('_', ' ')}
                </option>
              ))}
            </select>,
          )}
          {field('existing', 'Capacity now (MW)')}
          {field('planned', 'Capacity planned (MW)')}
          {field('sourceTitle', 'Source title')}
          {field('sourceUrl', 'Source URL', 'url')}
          {field('sourceAsOf', 'Source as of', 'date')}
        </div>
        <div className="form-actions">
          <button type="submit" disabled={!valid || saving}>
            Add site
          </button>
          <button type="button" onClick={() => onClose(null)}>
            Cancel
          </button>
          {issues !== null && issues.length > 0 && (
            <span className="muted">
              {issues.length} thing{issues.length === 1 ? '' : 's'} to fix
            </span>
          )}
        </div>
      </form>
    </div>
  );
}
