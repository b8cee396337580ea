// The application menu: short, with developer tools only in development builds.
import { Menu, type MenuItemConstructorOptions } from 'electron';

export function buildMenu(development: boolean): Menu {
  const template: MenuItemConstructorOptions[] = [
    { label: 'File', submenu: [{ role: 'quit' }] },
    { label: 'Edit', submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(development ? [{ role: 'toggleDevTools' } as MenuItemConstructorOptions] : []),
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
