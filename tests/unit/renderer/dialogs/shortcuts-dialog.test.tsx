import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ShortcutsDialog } from '../../../../renderer/src/dialogs/ShortcutsDialog';
import { KEYMAP } from '../../../../shared/host/keymap';

/*
 * The sheet's markup. Opening, Escape, the Close button and where focus goes are the browser's part: the
 * end-to-end tests drive them.
 */

const markup = (isMac: boolean) => renderToStaticMarkup(<ShortcutsDialog onClose={() => undefined} isMac={isMac} />);

describe('ShortcutsDialog', () => {
  it('is a dialog named "Keyboard shortcuts", with one table per menu group', () => {
    const html = markup(false);
    expect(html).toMatch(/^<dialog class="shortcuts-dialog" aria-labelledby="shortcuts-title">/);
    expect(html).toContain('<h2 id="shortcuts-title" class="message-dialog__title">');
    expect(html).toMatch(/<\/svg> Keyboard shortcuts<\/h2>/);
    const groups = [...html.matchAll(/<h3 id="shortcuts-group-(\w+)">(\w+)<\/h3>/g)].map((m) => m[2]);
    expect(groups).toEqual(['File', 'Edit', 'Map', 'View', 'Help']);
    expect(html.match(/<table /g)).toHaveLength(5);
    expect(html).toContain('>Close</button>');
  });

  it('lists every shortcut, its keys in <kbd>, Ctrl as Cmd on macOS', () => {
    const html = markup(false);
    for (const shortcut of KEYMAP) expect(html).toContain(`<th scope="row">${shortcut.action}</th>`);
    expect(html).toContain('<kbd class="key-combo"><kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>S</kbd></kbd>');
    expect(html).toContain('<kbd class="key-combo"><kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>Z</kbd></kbd> or <kbd class="key-combo"><kbd>Ctrl</kbd>+<kbd>Y</kbd></kbd>');
    expect(html).toContain('<kbd class="key-combo"><kbd>F2</kbd></kbd> or <span>double-click</span>');
    expect(html).toContain('<kbd class="key-combo"><kbd>?</kbd></kbd>');
    const mac = markup(true);
    expect(mac).toContain('<kbd class="key-combo"><kbd>Cmd</kbd>+<kbd>Shift</kbd>+<kbd>S</kbd></kbd>');
    expect(mac).not.toContain('<kbd>Ctrl</kbd>');
  });
});
