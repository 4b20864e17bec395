// @vitest-environment jsdom
// Map settings: the online basemap is off unless the stored value says exactly '1'; the popover is
// reached and left with the keyboard, and its checkbox reports the change.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { MapSettings } from '../../renderer/src/map/MapSettings';
import {
  loadOnlineTiles,
  ONLINE_TILE_URL,
  ONLINE_TILES_KEY,
  saveOnlineTiles,
} from '../../renderer/src/map/map-settings';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

function memory(initial: Record<string, string> = {}): Storage {
  const data = new Map(Object.entries(initial));
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

describe('online tiles setting', () => {
  it('is off by default and on only for the exact stored value', () => {
    expect(loadOnlineTiles(memory())).toBe(false);
    expect(loadOnlineTiles(memory({ [ONLINE_TILES_KEY]: 'true' }))).toBe(false);
    expect(loadOnlineTiles(memory({ [ONLINE_TILES_KEY]: '1' }))).toBe(true);
    expect(loadOnlineTiles(undefined)).toBe(false);
  });

  it('round-trips through storage and survives a storage that throws', () => {
    const store = memory();
    saveOnlineTiles(true, store);
    expect(store.getItem(ONLINE_TILES_KEY)).toBe('1');
    saveOnlineTiles(false, store);
    expect(store.getItem(ONLINE_TILES_KEY)).toBeNull();
    const broken = {
      getItem: (): string => {
        throw new Error('denied');
      },
      setItem: (): void => {
        throw new Error('full');
      },
      removeItem: (): void => undefined,
    };
    expect(loadOnlineTiles(broken)).toBe(false);
    expect(() => saveOnlineTiles(true, broken)).not.toThrow();
  });

  it('asks only the OpenStreetMap tile server, for z/x/y tiles', () => {
    expect(ONLINE_TILE_URL).toBe('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
  });
});

function Harness(): ReactNode {
  const [on, setOn] = useState(false);
  return (
    <>
      <MapSettings onlineTiles={on} onOnlineTilesChange={setOn} />
      <output>{on ? 'tiles on' : 'tiles off'}</output>
      <button type="button">elsewhere</button>
    </>
  );
}

describe('MapSettings', () => {
  it('opens from a labelled button, toggles the checkbox, and closes on Escape with focus back', () => {
    render(<Harness />);
    const button = screen.getByRole('button', { name: 'Map settings' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('checkbox')).toBeNull();
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const box = screen.getByRole('checkbox', { name: 'Online basemap tiles (OpenStreetMap)' });
    expect((box as HTMLInputElement).checked).toBe(false);
    expect(screen.getByRole('group', { name: 'Map settings' }).textContent).toContain('tile.openstreetmap.org');
    fireEvent.click(box);
    expect(screen.getByRole('status').textContent).toBe('tiles on');
    expect((box as HTMLInputElement).checked).toBe(true);
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('closes when the pointer goes down elsewhere', () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: 'Map settings' }));
    fireEvent.pointerDown(screen.getByRole('checkbox'));
    expect(screen.queryByRole('checkbox')).not.toBeNull();
    fireEvent.pointerDown(screen.getByRole('button', { name: 'elsewhere' }));
    expect(screen.queryByRole('checkbox')).toBeNull();
  });
});
