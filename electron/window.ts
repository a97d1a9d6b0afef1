import { BrowserWindow } from 'electron';
import type { DocumentState, EventChannel, EventPayload } from '../shared/host/channels';
import { APP_INDEX_URL } from './app-protocol';
import { CloseGuard } from './close-guard';
import type { WindowController } from './ipc/handler-context';
import { buildWebPreferences } from './web-preferences';
import { APP_NAME, formatWindowTitle } from './window-title';

export interface MainWindowOptions {
  /** Absolute path of the bundled preload (dist/electron/preload.cjs). */
  readonly preloadPath: string;
  readonly platform: NodeJS.Platform;
  /** Called when a close confirmed by the renderer was part of a quit: the app should go on quitting. */
  readonly continueQuit: () => void;
  /** Shown until the page paints: the theme's canvas colour, so a dark theme opens without a white flash. */
  readonly backgroundColor?: string;
}

/**
 * The app's single window: loads app://stakemap/index.html with the secure webPreferences, shows the
 * renderer's document in its title, and runs the unsaved-changes close flow (see close-guard.ts).
 * It is the WindowController the IPC handlers talk to.
 */
export class MainWindow implements WindowController {
  readonly browserWindow: BrowserWindow;
  private readonly closeGuard = new CloseGuard();
  private state: DocumentState | null = null;

  constructor(private readonly options: MainWindowOptions) {
    this.browserWindow = new BrowserWindow({
      title: APP_NAME,
      width: 1280,
      height: 800,
      minWidth: 800,
      minHeight: 560,
      // Shown on ready-to-show: no white flash while the renderer starts.
      show: false,
      backgroundColor: options.backgroundColor ?? '#ffffff',
      webPreferences: buildWebPreferences(options.preloadPath),
    });
    const window = this.browserWindow;

    window.once('ready-to-show', () => window.show());
    // The title is ours (document name + unsaved mark), not the page's <title>.
    window.on('page-title-updated', (event) => event.preventDefault());
    window.on('close', (event) => {
      if (this.closeGuard.onCloseRequested() === 'ask-renderer') {
        event.preventDefault();
        this.send('app:close-requested', undefined);
      }
    });

    void window.loadURL(APP_INDEX_URL);
  }

  /** The document state the renderer reported last, or null before its first report. */
  get documentState(): DocumentState | null {
    return this.state;
  }

  setDocumentState(state: DocumentState): void {
    this.state = state;
    this.closeGuard.setDirty(state.dirty);
    if (this.browserWindow.isDestroyed()) return;
    this.browserWindow.setTitle(formatWindowTitle(state));
    if (this.options.platform === 'darwin') {
      this.browserWindow.setDocumentEdited(state.dirty);
      this.browserWindow.setRepresentedFilename(state.filePath ?? '');
    }
  }

  closeConfirmed(): void {
    const { quit } = this.closeGuard.onCloseConfirmed();
    if (!this.browserWindow.isDestroyed()) this.browserWindow.close();
    if (quit) this.options.continueQuit();
  }

  /** `before-quit`: a close confirmed after this continues the quit. */
  quitRequested(): void {
    this.closeGuard.quitRequested();
  }

  /** Sends a main → renderer event (see eventChannels in shared/host/channels.ts). */
  send<C extends EventChannel>(channel: C, payload: EventPayload<C>): void {
    if (!this.browserWindow.isDestroyed()) this.browserWindow.webContents.send(channel, payload);
  }

  /** Brings the window to the front (a second instance or the OS opened a file). */
  focus(): void {
    const window = this.browserWindow;
    if (window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  }

  isDestroyed(): boolean {
    return this.browserWindow.isDestroyed();
  }
}
