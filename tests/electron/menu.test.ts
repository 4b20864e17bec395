import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi, type Mock } from 'vitest';
import { buildMenuTemplate, HELP_URL, type MenuContext } from '../../electron/menu';

vi.mock('electron', () => ({}));

function template(overrides: Partial<MenuContext> = {}): {
  menu: MenuItemConstructorOptions[];
  openExternal: Mock<(url: string) => Promise<void>>;
} {
  const openExternal = vi.fn<(url: string) => Promise<void>>(() => Promise.resolve());
  const menu = buildMenuTemplate({
    platform: 'linux',
    appName: 'Landfall',
    isDev: false,
    openLink: openExternal,
    ...overrides,
  });
  return { menu, openExternal };
}

/** The top-level titles: a label, or the role for menus Electron names itself (Help). */
function titles(menu: MenuItemConstructorOptions[]): string[] {
  return menu.map((item) => item.label ?? String(item.role));
}

function submenu(menu: MenuItemConstructorOptions[], title: string): MenuItemConstructorOptions[] {
  const item = menu.find((m) => (m.label ?? String(m.role)) === title);
  if (item === undefined) throw new Error(`no ${title} menu`);
  if (!Array.isArray(item.submenu)) throw new Error(`${title} has no submenu template`);
  return item.submenu;
}

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.filter((i) => i.role !== undefined).map((i) => String(i.role));
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, View, Window and Help on Windows and Linux', () => {
    expect(titles(template({ platform: 'linux' }).menu)).toEqual(['File', 'Edit', 'View', 'Window', 'help']);
    expect(titles(template({ platform: 'win32' }).menu)).toEqual(['File', 'Edit', 'View', 'Window', 'help']);
  });

  it('gives File a quit item off macOS and a close item on it', () => {
    expect(roles(submenu(template({ platform: 'linux' }).menu, 'File'))).toEqual(['quit']);
    expect(roles(submenu(template({ platform: 'darwin' }).menu, 'File'))).toEqual(['close']);
  });

  it('has the standard editing roles', () => {
    expect(roles(submenu(template().menu, 'Edit'))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('has reload, zoom and full screen in View, without devtools in a release build', () => {
    const view = roles(submenu(template({ isDev: false }).menu, 'View'));
    expect(view).toEqual(['reload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(view).not.toContain('toggleDevTools');
  });

  it('adds toggleDevTools to View in development only', () => {
    expect(roles(submenu(template({ isDev: true }).menu, 'View'))).toEqual([
      'reload',
      'toggleDevTools',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
    ]);
  });

  it('has minimize in Window', () => {
    expect(roles(submenu(template().menu, 'Window'))).toEqual(['minimize', 'zoom', 'close']);
    expect(roles(submenu(template({ platform: 'darwin' }).menu, 'Window'))).toEqual(['minimize', 'zoom', 'front']);
  });

  it('puts an app-name menu with about and quit first on macOS', () => {
    const { menu } = template({ platform: 'darwin', appName: 'Landfall' });
    expect(titles(menu)).toEqual(['Landfall', 'File', 'Edit', 'View', 'Window', 'help']);
    const app = roles(submenu(menu, 'Landfall'));
    expect(app[0]).toBe('about');
    expect(app[app.length - 1]).toBe('quit');
    expect(app).toEqual(['about', 'hide', 'hideOthers', 'unhide', 'quit']);
  });

  it('has no app-name menu elsewhere', () => {
    expect(titles(template({ platform: 'linux', appName: 'Landfall' }).menu)).not.toContain('Landfall');
  });

  it('opens the documentation in the OS browser from Help', () => {
    const { menu, openExternal } = template();
    const help = submenu(menu, 'help');
    expect(help).toHaveLength(1);
    const click = help[0]?.click as (() => void) | undefined;
    expect(typeof click).toBe('function');
    click?.();
    expect(openExternal.mock.calls).toEqual([[HELP_URL]]);
    expect(HELP_URL).toBe('https://github.com/landfall-app/landfall#readme');
  });
});
