// The workbench on a store with 50 000 metric rows (10 000 sites × 5 criteria, written by one
// data.apply so the history holds a 50 000-row batch): a one-cell edit, a 1 000-cell paste,
// undo + redo of the one-cell edit, and history.list — each against plain SQL doing the same
// storage work, so the ratio is the price of checking, logging and the history.
import { createBackend, type Backend } from '../../backend/backend';
import { applyEdits } from '../../backend/services/edit/edit-service';
import type { BenchCase } from './harness';

const SITES = 10_000;
const CRITERIA = 5;
const SOURCE = { title: 'Bench source', url: 'https://example.org/bench', asOf: '2025-01-01' };

interface Store {
  backend: Backend;
  criteria: string[];
  /** The id of a fact the one-cell cases edit. */
  factId: number;
}

function buildStore(): Store {
  const backend = createBackend({ dbPath: ':memory:', version: 'bench', backupSchedule: false });
  const db = backend.db;
  const criteria = (
    db.prepare('SELECT id FROM criteria WHERE derived = 0 ORDER BY sort_order, id LIMIT ?').all(CRITERIA) as {
      id: string;
    }[]
  ).map((c) => c.id);
  const site = db.prepare(
    `INSERT INTO sites (id, name, market_id, lat, lon, status, notes, source_title, source_url, source_as_of, origin)
     VALUES (?, ?, 'sg', ?, ?, 'planned', '', ?, ?, ?, 'import')`,
  );
  db.transaction(() => {
    for (let i = 0; i < SITES; i++) {
      site.run(`bench-${i}`, `Bench ${i}`, (i % 170) - 85, (i % 350) - 175, SOURCE.title, SOURCE.url, SOURCE.asOf);
    }
  })();
  const changes = Array.from({ length: SITES * CRITERIA }, (_, k) => ({
    op: 'insert' as const,
    key: { criterionId: criteria[k % CRITERIA] ?? '', siteId: `bench-${Math.floor(k / CRITERIA)}` },
    values: { value: (k % 997) / 4, method: 'measured', source: SOURCE },
  }));
  applyEdits(db, { table: 'metric_values', changes, label: 'bench facts' });
  const count = (
    db.prepare('SELECT count(*) AS n FROM metric_values WHERE site_id LIKE ?').get('bench-%') as { n: number }
  ).n;
  if (count !== SITES * CRITERIA) throw new Error(`bench store has ${count} facts, not ${SITES * CRITERIA}`);
  const fact = db
    .prepare('SELECT id FROM metric_values WHERE criterion_id = ? AND site_id = ?')
    .get(criteria[0], 'bench-5000') as { id: number };
  return { backend, criteria, factId: fact.id };
}

async function expectOk(result: Promise<{ ok: boolean }>): Promise<void> {
  const r = await result;
  if (!r.ok) throw new Error(`bench call failed: ${JSON.stringify(r)}`);
}

export function editCases(): { cases: BenchCase[]; close(): void } {
  const store = buildStore();
  const { backend, criteria, factId } = store;
  const db = backend.db;
  const plainUpdate = db.prepare('UPDATE metric_values SET value = ? WHERE id = ?');
  let tick = 0;
  const key = { criterionId: criteria[0], siteId: 'bench-5000' };
  // A changed value needs its own source (shared/model/fact-source-decision.ts): one per tick.
  const quote = (n: number): { title: string; url: string; asOf: string } => ({
    title: `Bench quote ${n}`,
    url: 'https://example.org/bench',
    asOf: '2026-01-01',
  });
  const paste = (
    n: number,
  ): {
    op: 'update';
    key: { criterionId: string; siteId: string };
    values: { value: number; method: string; source: ReturnType<typeof quote> };
  }[] =>
    Array.from({ length: 1000 }, (_, i) => ({
      op: 'update',
      key: { criterionId: criteria[i % CRITERIA] ?? '', siteId: `bench-${Math.floor(i / CRITERIA)}` },
      values: { value: n + i, method: 'measured', source: quote(n) },
    }));
  const pasteIds = Array.from({ length: 1000 }, (_, i) => {
    const row = db
      .prepare('SELECT id FROM metric_values WHERE criterion_id = ? AND site_id = ?')
      .get(criteria[i % CRITERIA], `bench-${Math.floor(i / CRITERIA)}`) as { id: number };
    return row.id;
  });
  const plainPaste = db.transaction((n: number) => pasteIds.forEach((id, i) => plainUpdate.run(n + i, id)));

  const cases: BenchCase[] = [
    {
      name: 'data.apply one cell (50 000 facts) vs UPDATE',
      baseline: () => plainUpdate.run(++tick, factId),
      candidate: () =>
        expectOk(
          backend.dispatch('data.apply', {
            table: 'metric_values',
            changes: [{ op: 'update', key, values: { value: ++tick, method: 'measured', source: quote(tick) } }],
          }),
        ),
    },
    {
      name: 'data.apply 1 000-cell paste vs 1 000 UPDATEs',
      unitsPerIteration: 1000,
      unit: 'cells',
      iterations: 20,
      baseline: () => plainPaste(++tick * 1000),
      candidate: () =>
        expectOk(backend.dispatch('data.apply', { table: 'metric_values', changes: paste(++tick * 1000) })),
    },
    {
      name: 'history.undo + history.redo one cell vs 2 UPDATEs',
      iterations: 100,
      baseline: () => {
        plainUpdate.run(1, factId);
        plainUpdate.run(2, factId);
      },
      candidate: async () => {
        await expectOk(
          backend.dispatch('data.apply', {
            table: 'metric_values',
            changes: [{ op: 'update', key, values: { value: ++tick, method: 'measured', source: quote(tick) } }],
          }),
        );
        await expectOk(backend.dispatch('history.undo', {}));
        await expectOk(backend.dispatch('history.redo', {}));
      },
    },
    {
      name: 'history.list (50 batches, 20 rows each) vs SELECT',
      baseline: () => db.prepare('SELECT * FROM change_log ORDER BY id DESC LIMIT 1000').all(),
      candidate: () => expectOk(backend.dispatch('history.list', { limit: 50, changesPerBatch: 20 })),
    },
    {
      name: 'history.list filtered by table (whole log) vs SELECT',
      iterations: 50,
      baseline: () => db.prepare('SELECT * FROM change_log ORDER BY id LIMIT 20').all(),
      candidate: () => expectOk(backend.dispatch('history.list', { table: 'sites', limit: 1, changesPerBatch: 20 })),
    },
  ];
  return { cases, close: () => backend.close() };
}
