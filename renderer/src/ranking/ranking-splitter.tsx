// A drag handle between two panes (the sidebar and the map, the ranking and the details): a
// focusable separator that also moves with the arrow keys (Shift for bigger steps) and Home/End,
// and goes back to its default size on double-click. While dragging, `onLive` gets every value so
// the caller can resize without re-rendering the app; `onCommit` gets the final one to keep.
import { useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';

export interface SplitterProps {
  label: string;
  /** 'vertical': a vertical bar resizing left/right; 'horizontal': a horizontal bar resizing up/down. */
  orientation: 'vertical' | 'horizontal';
  value: number;
  min: number;
  max: number;
  defaultValue: number;
  /** True when moving the pointer right (or down) makes the value smaller (a pane after the bar). */
  inverted?: boolean;
  /** The id of the pane this separator resizes. */
  controls?: string;
  onLive?(value: number): void;
  onCommit(value: number): void;
}

const STEP = 16;
const BIG_STEP = 64;

export function Splitter(props: SplitterProps): ReactNode {
  const { label, orientation, value, min, max, defaultValue, inverted = false, controls, onLive, onCommit } = props;
  const [live, setLive] = useState<number | null>(null);
  const drag = useRef<{ start: number; from: number } | null>(null);
  const shown = live ?? value;
  const clamp = (x: number): number => Math.round(Math.min(max, Math.max(min, x)));
  const position = (e: PointerEvent): number => (orientation === 'vertical' ? e.clientX : e.clientY);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>): void => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus();
    drag.current = { start: position(e), from: value };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>): void => {
    if (!drag.current) return;
    const delta = (position(e) - drag.current.start) * (inverted ? -1 : 1);
    const next = clamp(drag.current.from + delta);
    setLive(next);
    onLive?.(next);
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>): void => {
    if (!drag.current) return;
    drag.current = null;
    e.currentTarget.releasePointerCapture(e.pointerId);
    if (live !== null) onCommit(live);
    setLive(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const step = e.shiftKey ? BIG_STEP : STEP;
    const [less, more] = orientation === 'vertical' ? ['ArrowLeft', 'ArrowRight'] : ['ArrowUp', 'ArrowDown'];
    const keys: Record<string, number> = {
      [less]: value - (inverted ? -step : step),
      [more]: value + (inverted ? -step : step),
      Home: min,
      End: max,
    };
    const next = keys[e.key];
    if (next === undefined) return;
    e.preventDefault();
    onCommit(clamp(next));
  };

  return (
    <div
      role="separator"
      tabIndex={0}
      className={`splitter splitter-${orientation}${live !== null ? ' dragging' : ''}`}
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={shown}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-controls={controls}
      title={`${label}: drag, or use the arrow keys; double-click to reset`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={() => onCommit(clamp(defaultValue))}
      onKeyDown={onKeyDown}
    />
  );
}
