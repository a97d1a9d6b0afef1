import { EventEmitter } from 'node:events';
import Module from 'node:module';

/*
 * A stand-in for the 'electron' module, just large enough to load the built main and preload bundles in plain
 * Node and record what they do. It is deliberately strict: a function the bundle calls that is not here fails
 * the bundle test, which is the signal to look at what main started doing.
 */

type Listener = (...args: never[]) => unknown;

/** A recorded main frame: what the IPC sender check compares against. */
export interface FakeFrame {
  url: string;
  processId: number;
  routingId: number;
}

export class FakeWebContents extends EventEmitter {
  readonly mainFrame: FakeFrame = { url: 'app://stakemap/index.html', processId: 7, routingId: 1 };
  readonly sent: [string, unknown][] = [];
  windowOpenHandler: ((details: { url: string }) => unknown) | null = null;

  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.windowOpenHandler = handler;
  }
}

/** Everything the fake main-process modules record. */
export interface MainRecord {
  readonly windows: FakeBrowserWindow[];
  readonly privilegedSchemes: unknown[];
  readonly protocolHandlers: Map<string, (request: Request) => Promise<Response>>;
  readonly ipcHandlers: Map<string, (event: unknown, args: unknown) => Promise<unknown>>;
  readonly applicationMenus: unknown[];
  readonly paths: Map<string, string>;
  readonly singleInstanceData: unknown[];
  permissionRequestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null;
  permissionCheckHandler: (() => boolean) | null;
  quitCalls: number;
  /** URLs main handed to shell.openExternal. */
  readonly openedExternally: string[];
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  title = '';
  closeCalls = 0;
  destroyed = false;

  constructor(readonly options: Record<string, unknown>) {
    super();
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  setTitle(title: string): void {
    this.title = title;
  }
  close(): void {
    this.closeCalls++;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  show(): void {}
  focus(): void {}
  setDocumentEdited(): void {}
  setRepresentedFilename(): void {}
}

/** A fake 'electron' for the main bundle. `userData` is where electron-store writes its settings file. */
export function createFakeMainElectron(userData: string) {
  const record: MainRecord = {
    windows: [],
    privilegedSchemes: [],
    protocolHandlers: new Map(),
    ipcHandlers: new Map(),
    applicationMenus: [],
    paths: new Map([['userData', userData]]),
    singleInstanceData: [],
    permissionRequestHandler: null,
    permissionCheckHandler: null,
    quitCalls: 0,
    openedExternally: [],
  };
  let ready = false;
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    whenReady: () =>
      Promise.resolve().then(() => {
        ready = true;
      }),
    isReady: () => ready,
    requestSingleInstanceLock: (data: unknown) => {
      record.singleInstanceData.push(data);
      return true;
    },
    getPath: (name: string) => {
      const value = record.paths.get(name);
      if (!value) throw new Error(`fake electron: app.getPath(${name}) is not faked`);
      return value;
    },
    setPath: (name: string, value: string) => void record.paths.set(name, value),
    getVersion: () => '0.0.0-test',
    getName: () => 'Stakemap',
    quit: () => void record.quitCalls++,
    addRecentDocument: () => undefined,
    setAppUserModelId: () => undefined,
  });

  class BrowserWindow extends FakeBrowserWindow {
    constructor(options: Record<string, unknown>) {
      super(options);
      record.windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
  }

  const electron = {
    app,
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void record.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => void record.protocolHandlers.set(scheme, handler),
    },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, args: unknown) => Promise<unknown>) => {
        if (record.ipcHandlers.has(channel)) throw new Error(`fake electron: second handler for ${channel}`);
        record.ipcHandlers.set(channel, handler);
      },
      removeHandler: (channel: string) => void record.ipcHandlers.delete(channel),
      // electron-store answers its renderer-side helper here; main never uses ipcMain.on itself.
      on: () => undefined,
    },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (menu: unknown) => void record.applicationMenus.push(menu),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: MainRecord['permissionRequestHandler']) => {
          record.permissionRequestHandler = handler;
        },
        setPermissionCheckHandler: (handler: MainRecord['permissionCheckHandler']) => {
          record.permissionCheckHandler = handler;
        },
      },
    },
    dialog: new Proxy({}, { get: (_t, name) => () => Promise.reject(new Error(`fake electron: dialog.${String(name)} was not expected`)) }),
    shell: {
      openExternal: (url: string) => {
        record.openedExternally.push(url);
        return Promise.resolve();
      },
    },
    nativeTheme: { shouldUseDarkColors: false, on: () => undefined },
  };
  return { electron, record, app };
}

/** What the fake preload-side modules record. */
export interface PreloadRecord {
  readonly exposed: [string, unknown][];
  readonly invoked: [string, unknown][];
  readonly listeners: Map<string, Set<Listener>>;
}

/** A fake 'electron' for the preload bundle: contextBridge and ipcRenderer only. */
export function createFakePreloadElectron() {
  const record: PreloadRecord = { exposed: [], invoked: [], listeners: new Map() };
  const electron = {
    contextBridge: {
      exposeInMainWorld: (name: string, api: unknown) => void record.exposed.push([name, api]),
    },
    ipcRenderer: {
      invoke: (channel: string, args: unknown) => {
        record.invoked.push([channel, args]);
        return Promise.resolve(`answer to ${channel}`);
      },
      on: (channel: string, listener: Listener) => {
        if (!record.listeners.has(channel)) record.listeners.set(channel, new Set());
        record.listeners.get(channel)!.add(listener);
      },
      removeListener: (channel: string, listener: Listener) => void record.listeners.get(channel)?.delete(listener),
    },
  };
  return { electron, record };
}

type ModuleLoad = (request: string, parent: unknown, isMain: boolean) => unknown;

/**
 * Requires a CommonJS bundle with `require('electron')` answered by `fakeElectron`, in a fresh module instance,
 * and records every other module the bundle requires (a sandboxed preload may require nothing else).
 */
export function requireWithFakeElectron(bundlePath: string, fakeElectron: unknown): { exports: unknown; required: string[] } {
  const moduleApi = Module as unknown as { _load: ModuleLoad; _cache: Record<string, unknown> };
  const originalLoad = moduleApi._load;
  const required: string[] = [];
  moduleApi._load = function (this: unknown, request, parent, isMain) {
    // The bundle's own requires (createRequire's parent has the same filename, so skip the bundle itself).
    if (request !== bundlePath && (parent as { filename?: string } | null)?.filename === bundlePath) required.push(request);
    if (request === 'electron') return fakeElectron;
    return originalLoad.call(this, request, parent, isMain);
  };
  try {
    delete moduleApi._cache[bundlePath];
    const exports = Module.createRequire(bundlePath)(bundlePath);
    return { exports, required };
  } finally {
    moduleApi._load = originalLoad;
    delete moduleApi._cache[bundlePath];
  }
}
