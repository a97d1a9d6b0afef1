import { describe, expect, it, vi } from 'vitest';
import { createDocumentMenuState } from '../../../electron/document-menu-state';

const report = (agendaVisible?: boolean, dirty = false) => ({ displayName: 'Workshop.stakemap', filePath: null, dirty, ...(agendaVisible === undefined ? {} : { agendaVisible }) });

describe('createDocumentMenuState', () => {
  it('says the agenda is hidden until the renderer reports otherwise', () => {
    expect(createDocumentMenuState().agendaVisible()).toBe(false);
  });

  it('follows the reports and tells its listeners only when the check changes', () => {
    const state = createDocumentMenuState();
    const listener = vi.fn();
    state.onChange(listener);
    state.update(report(true));
    expect(state.agendaVisible()).toBe(true);
    expect(listener).toHaveBeenCalledTimes(1);
    // Typing marks the document unsaved on every keystroke: no menu rebuild for that.
    state.update(report(true, true));
    expect(listener).toHaveBeenCalledTimes(1);
    state.update(report(false));
    expect(state.agendaVisible()).toBe(false);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('reads a report without the field (the start view) as hidden, and stops calling a removed listener', () => {
    const state = createDocumentMenuState();
    const listener = vi.fn();
    const off = state.onChange(listener);
    state.update(report(true));
    off();
    state.update(report(undefined));
    expect(state.agendaVisible()).toBe(false);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
