// The open/close behaviour every small popover shares (ranking status filter, map settings): a click
// anywhere outside closes it, and Escape closes it and gives focus back to its button.
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';

export interface Popover {
  open: boolean;
  setOpen(open: boolean): void;
  /** Goes on the element wrapping the button and the popup. */
  root: RefObject<HTMLDivElement | null>;
  /** Goes on the button that opens it; Escape gives focus back here. */
  button: RefObject<HTMLButtonElement | null>;
  /** Goes on `root`. */
  onKeyDown(e: KeyboardEvent): void;
}

export function usePopover(): Popover {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent): void => {
      if (e.target instanceof Node && !root.current?.contains(e.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);
  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && open) {
      // Closes this popover only; the workspace's global Escape (close the panels) is not meant here.
      e.stopPropagation();
      setOpen(false);
      button.current?.focus();
    }
  };
  return { open, setOpen, root, button, onKeyDown };
}
