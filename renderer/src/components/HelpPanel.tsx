// The list of keyboard shortcuts.
import type { ReactNode } from 'react';
import { SHORTCUTS } from '../shortcuts';

export function HelpPanel({ onClose }: { onClose: () => void }): ReactNode {
  return (
    <section className="help-panel overlay-panel" aria-label="Keyboard shortcuts">
      <header>
        <h2>Keyboard shortcuts</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      <table>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <th scope="row">
                <kbd>{s.keys}</kbd>
              </th>
              <td>{s.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
