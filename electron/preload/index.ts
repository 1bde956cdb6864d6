// Preload (sandboxed, contextIsolation): exposes window.sigtrail and nothing else.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { exposeBridge } from './bridge.js';

exposeBridge(contextBridge, ipcRenderer as never, webUtils as never);
