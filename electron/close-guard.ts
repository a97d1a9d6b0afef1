/**
 * Decides what happens when the window is asked to close, so the close flow is testable without a window:
 *
 * 1. The user closes the window or quits. If the renderer reported unsaved changes and has not confirmed,
 *    the close is prevented and the renderer gets `app:close-requested`.
 * 2. The renderer asks (Save / Don't Save / Cancel), saves if needed, then calls `window:close-confirmed`.
 * 3. Main closes the window for real and, if the close was part of a quit, goes on quitting.
 *
 * Preventing a window's close during a quit cancels the quit in Electron, hence "quit after close". If the user
 * picks Cancel the renderer says nothing, and the next close starts over.
 */
export class CloseGuard {
  private dirty = false;
  private confirmed = false;
  private quitting = false;
  private quitAfterClose = false;

  /** The renderer's latest report of unsaved changes. */
  setDirty(dirty: boolean): void {
    this.dirty = dirty;
  }

  /** `before-quit`: the app is quitting, so a confirmed close should continue the quit. */
  quitRequested(): void {
    this.quitting = true;
  }

  /**
   * The window's 'close' event. Returns 'close' to let it close, or 'ask-renderer' to prevent it and send
   * app:close-requested.
   */
  onCloseRequested(): 'close' | 'ask-renderer' {
    if (!this.dirty || this.confirmed) return 'close';
    this.quitAfterClose = this.quitting;
    // Electron cancels the quit when a window refuses to close; remember it and start again when confirmed.
    this.quitting = false;
    return 'ask-renderer';
  }

  /** `window:close-confirmed`: the window may close now. Returns whether the app should then quit. */
  onCloseConfirmed(): { quit: boolean } {
    this.confirmed = true;
    const quit = this.quitAfterClose;
    this.quitAfterClose = false;
    return { quit };
  }
}
