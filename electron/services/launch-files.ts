import path from 'node:path';

/** Extensions a file given on the command line or by the OS must have to be opened (`.json` is accepted on open). */
// A PNG exported by Stakemap carries its workspace and opens like one (see shared/export/png-text-chunk.ts).
export const OPENABLE_EXTENSIONS = ['.stakemap', '.json', '.png'] as const;

export interface CommandLineContext {
  /** Folder relative paths are resolved against (the second instance's working directory). */
  readonly cwd: string;
  /** How many leading arguments are the executable and, in development, the app path (`electron .`). */
  readonly skip: number;
}

/**
 * The workspace files named on a command line, as absolute paths, in order. Flags (`--inspect`,
 * `--no-sandbox`, macOS's `-psn_…`) and anything without a workspace extension are ignored, so Chromium
 * switches and the app path never turn into "open this file".
 */
export function workspaceFilesFromArgv(argv: readonly string[], context: CommandLineContext): string[] {
  return argv
    .slice(context.skip)
    .filter((arg) => arg !== '' && !arg.startsWith('-'))
    .filter((arg) => OPENABLE_EXTENSIONS.some((ext) => arg.toLowerCase().endsWith(ext)))
    .map((arg) => path.resolve(context.cwd, arg));
}

/**
 * Files that arrive before the renderer is ready (command line, macOS `open-file` before launch) wait here until
 * the renderer asks for its launch state; files that arrive later are delivered straight away as
 * `app:open-file`. A single-window app shows one document, so only the first waiting file is opened.
 *
 * The renderer may ask for its launch state more than once (React StrictMode runs effects twice in development,
 * a reload asks again): every ask from the same window gets the same file.
 */
export class LaunchFiles {
  private pending: string | null = null;
  private handedOver: string | null = null;
  private rendererReady = false;

  constructor(private readonly deliver: (filePath: string) => void) {}

  /** A file to open, from the command line, the OS or a second instance. */
  add(filePath: string): void {
    if (this.rendererReady) this.deliver(filePath);
    else this.pending ??= filePath;
  }

  /** The renderer asks for its launch state: it gets the waiting file, and later files come as events. */
  takePending(): string | null {
    if (!this.rendererReady) {
      this.handedOver = this.pending;
      this.pending = null;
      this.rendererReady = true;
    }
    return this.handedOver;
  }

  /** Whether the renderer has asked for its launch state (and so listens for app:open-file). */
  isRendererReady(): boolean {
    return this.rendererReady;
  }

  /** The window is gone (macOS keeps the app running): files wait again until a new renderer asks. */
  rendererGone(): void {
    this.rendererReady = false;
    this.handedOver = null;
  }
}
