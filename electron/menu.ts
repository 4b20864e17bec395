// The native menu: the usual File / Edit / View / Window / Help items, built from roles so each
// platform gets its own shortcuts and wording.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuContext {
  platform: NodeJS.Platform;
  appName: string;
  isDev: boolean;
  /** Opens a link in the OS browser. */
  openLink: (url: string) => Promise<void>;
}

export const HELP_URL = 'https://github.com/landfall-app/landfall#readme';

export function buildMenuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const mac = ctx.platform === 'darwin';
  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: ctx.appName,
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];
  return [
    ...appMenu,
    { label: 'File', submenu: [mac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(ctx.isDev ? [{ role: 'toggleDevTools' } as const] : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Window',
      submenu: [
        { role: 'minimize' },
        { role: 'zoom' },
        ...(mac ? [{ role: 'front' } as const] : [{ role: 'close' } as const]),
      ],
    },
    {
      role: 'help',
      submenu: [{ label: 'Landfall documentation', click: () => void ctx.openLink(HELP_URL) }],
    },
  ];
}
