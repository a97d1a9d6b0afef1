import { contextBridge, ipcRenderer } from 'electron';
import type { EventPayload } from '../shared/host/channels';
import type { HostTransport } from '../shared/host/host-api';
import { createHostApi, HOST_API_GLOBAL } from '../shared/host/host-api';

/*
 * The preload runs in a sandbox: it can only require 'electron', so it is bundled into one CJS file
 * (scripts/build-electron.mjs). It exposes the intent-level host API as window.stakemap and nothing else:
 * never ipcRenderer itself, and listeners never see the IPC event object (it carries `sender`).
 */

const transport: HostTransport = {
  invoke: (channel, args) => ipcRenderer.invoke(channel, args),
  subscribe: (channel, listener) => {
    const forward = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload as EventPayload<typeof channel>);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
};

contextBridge.exposeInMainWorld(HOST_API_GLOBAL, createHostApi(transport));
