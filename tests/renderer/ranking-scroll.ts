// Reading the whole ranking in renderer tests. Above 60 rows the ranking is windowed: only the rows
// in view and the overscan are in the DOM (about 30 in jsdom), so a test that checks every row
// scrolls through the list window by window, as a planner would, and collects each row once by its
// aria-rowindex. The count of shown rows is the table's aria-rowcount (the header row is one).
import { act, fireEvent, screen } from '@testing-library/react';

export interface ShownRow {
  site: string | undefined;
  name: string;
  text: string;
  className: string;
  rowIndex: number;
  /** A detached copy of the row as it was rendered, to query its cells. */
  element: HTMLElement;
}

const rankingTable = (): HTMLElement => screen.getByRole('table', { name: 'Ranking' });

/** How many body rows the ranking shows, rendered or not (aria-rowcount less the header row). */
export function shownRowCount(): number {
  return Number(rankingTable().getAttribute('aria-rowcount')) - 1;
}

/** Every shown row of the ranking, in display order, scrolling through the window; back at the top after. */
export function allShownRows(): ShownRow[] {
  const table = rankingTable();
  const scroller = table.parentElement as HTMLElement;
  const count = shownRowCount();
  const byIndex = new Map<number, ShownRow>();
  const collect = (): void => {
    for (const tr of table.querySelectorAll<HTMLElement>('tbody tr[data-site]')) {
      const rowIndex = Number(tr.getAttribute('aria-rowindex'));
      byIndex.set(rowIndex, {
        site: tr.dataset.site,
        name: tr.querySelector('.site-name')?.textContent ?? '',
        text: tr.textContent ?? '',
        className: tr.className,
        rowIndex,
        element: tr.cloneNode(true) as HTMLElement,
      });
    }
  };
  const start = scroller.scrollTop;
  collect();
  // A step of 10 rows (40 px each) is well inside the ~30 rendered, so no row is skipped.
  for (let top = 0; byIndex.size < count && top <= count * 40; top += 400) {
    scroller.scrollTop = top;
    act(() => {
      fireEvent.scroll(scroller);
    });
    collect();
  }
  scroller.scrollTop = start;
  act(() => {
    fireEvent.scroll(scroller);
  });
  return [...byIndex.values()].sort((a, b) => a.rowIndex - b.rowIndex);
}
