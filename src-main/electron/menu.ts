// The application menu, in Chinese: 文件、编辑、视图、帮助. Reload and the developer tools are there only with the
// debug flag (see isDebug): an office user never reloads away unsaved input or opens a console by a stray key.
import { app, dialog, Menu } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import { isDebug } from './security';

export interface MenuOptions {
  debug: boolean;
  about: () => void;
}

export function menuTemplate({ debug, about }: MenuOptions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ];
  if (debug) {
    view.push(
      { type: 'separator' },
      { role: 'reload', label: '重新加载' },
      { role: 'forceReload', label: '强制重新加载' },
      { role: 'toggleDevTools', label: '开发者工具' },
    );
  }
  return [
    { label: '文件(&F)', submenu: [{ role: 'quit', label: '退出' }] },
    {
      label: '编辑(&E)',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图(&V)', submenu: view },
    { label: '帮助(&H)', submenu: [{ label: '关于教育整顿工作台', click: about }] },
  ];
}

function showAbout() {
  const v = process.versions as NodeJS.ProcessVersions & { electron?: string; chrome?: string };
  void dialog.showMessageBox({
    type: 'info',
    title: '关于',
    message: `教育整顿工作台 ${app.getVersion()}`,
    detail: `离线桌面应用：台账、统计与公文输出。\nElectron ${v.electron ?? '?'}（Chromium ${v.chrome ?? '?'}，Node.js ${v.node}）`,
    buttons: ['确定'],
  });
}

/** Sets the menu once the app is ready (before the window opens, which shows it on Windows and Linux). */
export function installMenu(debug = isDebug()) {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ debug, about: showAbout })));
}
