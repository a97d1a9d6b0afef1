import { describe, expect, it } from 'vitest';
import { CloseGuard } from '../../../electron/close-guard';

describe('CloseGuard', () => {
  it('lets a window without unsaved changes close', () => {
    expect(new CloseGuard().onCloseRequested()).toBe('close');
  });

  it('asks the renderer while there are unsaved changes, then closes once confirmed', () => {
    const guard = new CloseGuard();
    guard.setDirty(true);
    expect(guard.onCloseRequested()).toBe('ask-renderer');
    expect(guard.onCloseRequested()).toBe('ask-renderer');
    expect(guard.onCloseConfirmed()).toEqual({ quit: false });
    expect(guard.onCloseRequested()).toBe('close');
  });

  it('closes without asking once the renderer reports the changes saved', () => {
    const guard = new CloseGuard();
    guard.setDirty(true);
    guard.setDirty(false);
    expect(guard.onCloseRequested()).toBe('close');
  });

  it('continues a quit after the renderer confirms', () => {
    const guard = new CloseGuard();
    guard.setDirty(true);
    guard.quitRequested();
    expect(guard.onCloseRequested()).toBe('ask-renderer');
    expect(guard.onCloseConfirmed()).toEqual({ quit: true });
  });

  it('forgets a quit the user canceled: a later close of the window does not quit', () => {
    const guard = new CloseGuard();
    guard.setDirty(true);
    guard.quitRequested();
    expect(guard.onCloseRequested()).toBe('ask-renderer');
    // The user picked Cancel: the renderer says nothing. Later they close the window with its button.
    expect(guard.onCloseRequested()).toBe('ask-renderer');
    expect(guard.onCloseConfirmed()).toEqual({ quit: false });
  });
});
