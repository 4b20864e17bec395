// How the scenario asks the legality question — the workload, best lawful chip or every chip, and
// which policy tiers count — as one compact button in the scenario bar that opens the three choices,
// so the bar keeps to one row on a 1280 px screen.
import { useId, type ReactNode } from 'react';
import type { LegalityMode } from '../../../shared/model/legality-settings';
import type { PolicyConfidence } from '../../../shared/model/policy';
import { Workload, WORKLOAD_NAMES } from '../../../shared/model/profiles';
import type { LegalityChoice } from '../store';
import { usePopover } from '../use-popover';

const MODES: { id: LegalityMode; label: string; short: string }[] = [
  { id: 'best', label: 'best lawful chip', short: 'best chip' },
  { id: 'all', label: 'every chip must clear', short: 'every chip' },
];

const FLOORS: { id: PolicyConfidence; label: string; short: string }[] = [
  { id: 'reported', label: 'rules, announcements and press reports', short: 'all tiers' },
  { id: 'announced', label: 'rules and announcements', short: 'no press reports' },
  { id: 'rule', label: 'rules only', short: 'rules only' },
];

const WORKLOAD_SHORT: Record<Workload, string> = { training: 'Training', inference: 'Inference' };

/** "Training · best chip · all tiers": what the button shows. */
export function legalitySummary(choice: LegalityChoice): string {
  const mode = MODES.find((m) => m.id === choice.legalityMode)?.short ?? choice.legalityMode;
  const floor = FLOORS.find((f) => f.id === choice.confidenceFloor)?.short ?? choice.confidenceFloor;
  return `${WORKLOAD_SHORT[choice.workload]} · ${mode} · ${floor}`;
}

export function LegalityQuestion({
  choice,
  onChange,
}: {
  choice: LegalityChoice;
  onChange: (patch: Partial<LegalityChoice>) => void;
}): ReactNode {
  const { open, setOpen, root, button, onKeyDown } = usePopover();
  const id = useId();
  return (
    <div
      className="legality-question"
      ref={root}
      onKeyDown={onKeyDown}
      onBlur={(e) => {
        if (open && !root.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <span className="field-caption" id={`${id}-caption`}>
        Legality question
      </span>
      <button
        type="button"
        ref={button}
        className="filter-button"
        aria-expanded={open}
        aria-controls={id}
        aria-labelledby={`${id}-caption ${id}-summary`}
        onClick={() => setOpen(!open)}
      >
        <span id={`${id}-summary`}>{legalitySummary(choice)}</span> <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <fieldset id={id} className="legality-question-popup">
          <legend>How legality is judged</legend>
          <label>
            Workload
            <select value={choice.workload} onChange={(e) => onChange({ workload: e.target.value as Workload })}>
              {Workload.options.map((w) => (
                <option key={w} value={w}>
                  {WORKLOAD_NAMES[w]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Legality
            <select
              value={choice.legalityMode}
              onChange={(e) => onChange({ legalityMode: e.target.value as LegalityMode })}
            >
              {MODES.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Count
            <select
              value={choice.confidenceFloor}
              onChange={(e) => onChange({ confidenceFloor: e.target.value as PolicyConfidence })}
            >
              {FLOORS.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.label}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
      )}
    </div>
  );
}
