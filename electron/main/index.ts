/**
 * Electron main process: thin. Window, menus, native dialogs, recent cases;
 * the backend service (shared/node/api) is bound to IPC in ./ipc.ts. Secure
 * defaults: contextIsolation, sandbox, no nodeIntegration, CSP (index.html
 * meta + response header), navigation and new windows refused, permissions
 * denied, no remote content. Heavy work (ingest decode) runs in worker threads
 * inside the store library; DuckDB runs queries on its own threads.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, session, type MenuItemConstructorOptions } from 'electron';
import { writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiService } from '../../shared/node/api/service.js';
import { CSP } from '../../shared/node/api/web-server.js';
import { EVENT_CHANNEL } from '../../shared/ipc/contract.js';
import { registerIpc } from './ipc.js';
import { DIALOG_CHANNELS } from '../preload/bridge.js';

const here = dirname(fileURLToPath(import.meta.url));
let win: BrowserWindow | null = null;

const service = createApiService({
  host: 'electron',
  version: app.getVersion(),
  onEvent: (e) => win?.webContents.send(EVENT_CHANNEL, e),
});

function caseArg(): string | null {
  const i = process.argv.indexOf('--case');
  const v = i >= 0 ? process.argv[i + 1] : process.env.SIGTRAIL_CASE;
  return v ? resolve(v) : null;
}

function trusted(e: { senderFrame?: { url: string } | null }) {
  return (e.senderFrame?.url ?? '').startsWith('file://');
}

function registerDialogs() {
  ipcMain.handle(DIALOG_CHANNELS.openCase, async (e) => {
    if (!trusted(e) || !win) return null;
    const r = await dialog.showOpenDialog(win, { title: 'Open case', properties: ['openFile'], filters: [{ name: 'Sigtrail case', extensions: ['duckdb'] }] });
    return r.canceled ? null : (r.filePaths[0] ?? null);
  });
  ipcMain.handle(DIALOG_CHANNELS.newCase, async (e) => {
    if (!trusted(e) || !win) return null;
    const r = await dialog.showSaveDialog(win, { title: 'New case', defaultPath: 'case.duckdb', filters: [{ name: 'Sigtrail case', extensions: ['duckdb'] }] });
    return r.canceled ? null : (r.filePath ?? null);
  });
  ipcMain.handle(DIALOG_CHANNELS.importFiles, async (e) => {
    if (!trusted(e) || !win) return [];
    const r = await dialog.showOpenDialog(win, {
      title: 'Import captures or metadata',
      properties: ['openFile', 'multiSelections'],
      filters: [{ name: 'Captures and metadata', extensions: ['pcap', 'pcapng', 'cap', 'gz', 'ndjson', 'json', 'tsv', 'csv', 'parquet'] }, { name: 'All files', extensions: ['*'] }],
    });
    return r.canceled ? [] : r.filePaths;
  });
  ipcMain.handle(DIALOG_CHANNELS.saveText, async (e, name: unknown, text: unknown) => {
    if (!trusted(e) || !win || typeof name !== 'string' || typeof text !== 'string') return null;
    const r = await dialog.showSaveDialog(win, { defaultPath: name.replace(/[/\\]/g, '_') });
    if (r.canceled || !r.filePath) return null;
    writeFileSync(r.filePath, text);
    return r.filePath;
  });
}

async function openCaseFromMenu(create: boolean) {
  if (!win) return;
  const r = create
    ? await dialog.showSaveDialog(win, { title: 'New case', defaultPath: 'case.duckdb', filters: [{ name: 'Sigtrail case', extensions: ['duckdb'] }] })
    : await dialog.showOpenDialog(win, { title: 'Open case', properties: ['openFile'], filters: [{ name: 'Sigtrail case', extensions: ['duckdb'] }] });
  const p = 'filePaths' in r ? r.filePaths[0] : r.filePath;
  if (r.canceled || !p) return;
  try {
    await (create ? service.caseCreate({ path: p }) : service.caseOpen({ path: p }));
    await buildMenu();
  } catch (err) {
    dialog.showErrorBox('Sigtrail', err instanceof Error ? err.message : String(err));
  }
}

async function buildMenu() {
  const recent = await service.caseRecent({});
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        { label: 'Open Case…', accelerator: 'CmdOrCtrl+O', click: () => void openCaseFromMenu(false) },
        { label: 'New Case…', accelerator: 'CmdOrCtrl+N', click: () => void openCaseFromMenu(true) },
        {
          label: 'Recent Cases',
          submenu: recent.length
            ? recent.slice(0, 10).map((r) => ({ label: r.path, enabled: r.exists, click: () => void service.caseOpen({ path: r.path }).catch((e: unknown) => dialog.showErrorBox('Sigtrail', String(e))) }))
            : [{ label: 'none', enabled: false }],
        },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { label: 'Edit', submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    { label: 'View', submenu: [{ role: 'reload' }, ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' } as MenuItemConstructorOptions]), { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
    { label: 'Help', submenu: [{ label: `Sigtrail ${app.getVersion()}`, enabled: false }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function createWindow() {
  win = new BrowserWindow({
    width: 1480,
    height: 920,
    minWidth: 1000,
    minHeight: 640,
    backgroundColor: '#0b0f14',
    title: 'Sigtrail',
    show: false,
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win?.show());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (e, url) => {
    if (!url.startsWith('file://')) e.preventDefault();
  });
  win.on('closed', () => {
    win = null;
  });
  await win.loadFile(join(here, '../renderer/index.html'));
}

app.enableSandbox();
app.on('web-contents-created', (_e, wc) => {
  wc.on('will-attach-webview', (e) => e.preventDefault());
});

app.whenReady().then(async () => {
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  session.defaultSession.webRequest.onBeforeRequest((details, cb) => {
    // No remote content: only the bundled files and devtools.
    cb({ cancel: !/^(file|devtools|data|blob):/.test(details.url) });
  });
  session.defaultSession.webRequest.onHeadersReceived((details, cb) => {
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  registerIpc(ipcMain, service);
  registerDialogs();
  const c = caseArg();
  if (c && existsSync(c)) {
    try {
      await service.caseOpen({ path: c });
    } catch (err) {
      console.error(`sigtrail: cannot open ${c}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  await buildMenu();
  await createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow();
  });
});

app.on('window-all-closed', () => {
  void service.close().finally(() => {
    if (process.platform !== 'darwin') app.quit();
  });
});


