// The workbench's pure parts: TSV as spreadsheets write it, range and paste maths, the virtual
// window, the grid's sort and filters, and cell edits turned into a data.apply batch and back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TABLES, factKey, scopeText } from '../../renderer/src/workbench/columns';
import { cellValue, columnOfField, insertFor, issuesToCells, updatesFor } from '../../renderer/src/workbench/edits';
import { viewRows } from '../../renderer/src/workbench/grid-view';
import { diffLines } from '../../renderer/src/workbench/history-diff';
import { moveCell, pasteTargets, rectOf, tabCell } from '../../renderer/src/workbench/range';
import { parseTsv, serialiseTsv } from '../../renderer/src/workbench/tsv';
import { scrollToRow, virtualWindow } from '../../renderer/src/workbench/virtual-window';

describe('TSV', () => {
  it('reads a spreadsheet block: tabs, CRLF, a trailing newline, quoted cells with tabs, newlines and quotes', () => {
    expect(parseTsv('1\t2\t3\r\n4\t5\t6\r\n')).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
    expect(parseTsv('"a\tb"\t"say ""hi"""\n"two\nlines"\tx')).toEqual([
      ['a\tb', 'say "hi"'],
      ['two\nlines', 'x'],
    ]);
    expect(parseTsv('')).toEqual([]);
    expect(parseTsv('only')).toEqual([['only']]);
    expect(parseTsv('a\t\tc')).toEqual([['a', '', 'c']]);
  });

  it('writes what it reads back (any cells, any shape)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', '1', '.', ' ', '\t', '\n', '"', '\r') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (rows) => {
        const fixed = rows.map((r) => r.map((c) => c.replace(/\r\n?/g, '\n')));
        expect(parseTsv(serialiseTsv(fixed))).toEqual(fixed);
      }),
    );
  });
});

describe('ranges', () => {
  const dims = { rows: 100, cols: 5 };
  it('moves with arrows, Home/End, Ctrl+Home/End and pages, clamped to the grid', () => {
    expect(moveCell({ row: 0, col: 0 }, 'ArrowUp', dims)).toEqual({ row: 0, col: 0 });
    expect(moveCell({ row: 3, col: 2 }, 'Home', dims)).toEqual({ row: 3, col: 0 });
    expect(moveCell({ row: 3, col: 2 }, 'End', dims, { ctrl: true })).toEqual({ row: 99, col: 4 });
    expect(moveCell({ row: 95, col: 1 }, 'PageDown', dims, { page: 20 })).toEqual({ row: 99, col: 1 });
    expect(moveCell({ row: 25, col: 1 }, 'PageUp', dims, { page: 20 })).toEqual({ row: 5, col: 1 });
    expect(tabCell({ row: 0, col: 4 }, dims, false)).toEqual({ row: 1, col: 0 });
    expect(tabCell({ row: 0, col: 0 }, dims, true)).toBeNull();
  });

  it('a rectangle from either corner', () => {
    expect(rectOf({ anchor: { row: 5, col: 3 }, focus: { row: 2, col: 1 } })).toEqual({
      top: 2,
      bottom: 5,
      left: 1,
      right: 3,
    });
  });

  it('pastes a block from the active cell, fills a selection with one value, and counts what falls outside', () => {
    const block = parseTsv('1\t2\t3\n4\t5\t6\n7\t8\t9\n10\t11\t12');
    const { targets, clipped } = pasteTargets(block, { top: 2, left: 1, bottom: 2, right: 1 }, dims);
    expect(targets).toHaveLength(12);
    expect(clipped).toBe(0);
    expect(targets[0]).toEqual({ row: 2, col: 1, text: '1' });
    expect(targets.at(-1)).toEqual({ row: 5, col: 3, text: '12' });
    const fill = pasteTargets([['x']], { top: 0, left: 0, bottom: 2, right: 1 }, dims);
    expect(fill.targets).toHaveLength(6);
    expect(pasteTargets(block, { top: 98, left: 3, bottom: 98, right: 3 }, dims).clipped).toBe(12 - 4);
  });
});

describe('virtual window', () => {
  it('renders only the rows in view plus the overscan, whatever the count', () => {
    const w = virtualWindow(28 * 1000, 560, 28, 50_000, 5);
    expect(w.first).toBe(995);
    expect(w.last).toBe(1025);
    expect(w.offset).toBe(995 * 28);
    expect(w.total).toBe(50_000 * 28);
    expect(virtualWindow(0, 560, 28, 3).last).toBe(3);
    expect(virtualWindow(1e9, 560, 28, 100).last).toBe(100);
    expect(virtualWindow(0, 560, 28, 0)).toEqual({ first: 0, last: 0, offset: 0, total: 0 });
  });
  it('scrolls just enough to show a row', () => {
    expect(scrollToRow(10, 0, 280, 28)).toBe(28);
    expect(scrollToRow(2, 200, 280, 28)).toBe(56);
    expect(scrollToRow(5, 100, 280, 28)).toBe(100);
  });
});

describe('grid view', () => {
  const columns = TABLES.sites.columns;
  const rows = [
    { key: 'a', cells: { id: 'a', name: 'Zeta', lat: '10' } },
    { key: 'b', cells: { id: 'b', name: 'alpha', lat: '-5' } },
    { key: 'c', cells: { id: 'c', name: 'Beta', lat: '' } },
  ];
  it('sorts numbers as numbers with empty cells last, text without case', () => {
    expect(viewRows(rows, columns, { columnId: 'lat', dir: 'asc' }, {}).map((r) => r.key)).toEqual(['b', 'a', 'c']);
    expect(viewRows(rows, columns, { columnId: 'lat', dir: 'desc' }, {}).map((r) => r.key)).toEqual(['a', 'b', 'c']);
    expect(viewRows(rows, columns, { columnId: 'name', dir: 'asc' }, {}).map((r) => r.key)).toEqual(['b', 'c', 'a']);
  });
  it('filters by contains, and numbers by comparison', () => {
    expect(viewRows(rows, columns, null, { name: 'ETA' }).map((r) => r.key)).toEqual(['a', 'c']);
    expect(viewRows(rows, columns, null, { lat: '>0' }).map((r) => r.key)).toEqual(['a']);
    expect(viewRows(rows, columns, null, { lat: '<=-5' }).map((r) => r.key)).toEqual(['b']);
  });
});

describe('edits', () => {
  const sites = TABLES.sites.columns;
  it('turns cells into one update per row with nested fields, nulls for empty optional numbers', () => {
    const { changes } = updatesFor(
      [
        { key: 'sg-tuas', columnId: 'lat', text: '1.3' },
        { key: 'sg-tuas', columnId: 'source.url', text: 'https://x.org' },
        { key: 'sg-tuas', columnId: 'capacityMw.existing', text: '' },
        { key: 'my-kulai', columnId: 'name', text: 'Kulai 2' },
        { key: 'my-kulai', columnId: 'id', text: 'renamed' },
      ],
      sites,
    );
    expect(changes).toEqual([
      {
        op: 'update',
        key: 'sg-tuas',
        values: { lat: '1.3', source: { url: 'https://x.org' }, capacityMw: { existing: null } },
      },
      { op: 'update', key: 'my-kulai', values: { name: 'Kulai 2' } },
    ]);
  });
  it('reads yes/no for flags and keeps other text for the backend to refuse', () => {
    const flag = TABLES.profiles.columns.find((c) => c.id === 'stateFunded');
    if (!flag) throw new Error('no stateFunded column');
    expect(cellValue(flag, 'Yes')).toBe(true);
    expect(cellValue(flag, 'no')).toBe(false);
    expect(cellValue(flag, 'maybe')).toBe('maybe');
  });
  it('an insert of a fact names its owner from "site:ID"', () => {
    const change = insertFor(
      'metric_values',
      { criterionId: 'power_price_usc_kwh', owner: 'site:sg-tuas', value: '9.5', 'source.title': '' },
      TABLES.metric_values.columns,
    );
    expect(change.values).toMatchObject({ criterionId: 'power_price_usc_kwh', siteId: 'sg-tuas', value: '9.5' });
    expect(change.values).not.toHaveProperty('source');
  });
  it('maps issues back to the row and column they are about', () => {
    const changes = [
      { op: 'update' as const, key: 'a', values: {} },
      { op: 'update' as const, key: 'b', values: {} },
    ];
    expect(
      issuesToCells(
        [
          { index: 1, key: 'b', field: 'lat', path: 'changes.1.values.lat', message: 'latitude 123' },
          { index: 0, key: 'a', field: 'source', path: 'changes.0.values.source', message: 'give a source' },
          { index: 0, key: 'a', field: null, path: 'changes.0', message: 'row' },
        ],
        changes,
        sites,
      ),
    ).toEqual([
      { key: 'b', columnId: 'lat', message: 'latitude 123' },
      { key: 'a', columnId: 'source.title', message: 'give a source' },
      { key: 'a', columnId: null, message: 'row' },
    ]);
    expect(columnOfField('scope.destinations.0', TABLES.policy_events.columns)).toBe('scope');
    expect(columnOfField('siteId', TABLES.metric_values.columns)).toBe('owner');
  });
  it('names facts and scopes as people read them', () => {
    expect(factKey({ criterionId: 'x', siteId: 's', marketId: 'm' })).toBe('x@site:s');
    expect(factKey({ criterionId: 'x', siteId: null, marketId: 'm' })).toBe('x@market:m');
    expect(
      scopeText({
        chips: ['h20'],
        chipClasses: [],
        destinations: ['MY', 'SG'],
        companyHq: ['CN'],
        companies: [],
        stateFunded: null,
        entityListed: true,
        deployment: 'rented',
      }),
    ).toBe('chips: h20; to: MY, SG; HQ: CN; entity listed: yes; rented');
  });
  it('shows history rows as field: before → after', () => {
    const lines = diffLines([
      {
        id: 1,
        table: 'sites',
        rowId: 'a',
        label: 'a',
        action: 'update',
        before: { lat: 1 },
        after: { lat: 2 },
        fields: ['lat'],
      },
    ]);
    expect(lines).toEqual([{ label: 'a', action: 'update', fields: [{ field: 'lat', before: '1', after: '2' }] }]);
  });
});
