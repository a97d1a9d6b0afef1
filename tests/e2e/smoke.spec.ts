import { expect, test } from './fixtures';

/*
 * The app starts: the built page loads with its scripts and styles under the production CSP, shows its main
 * landmark, reaches the host (it asked for its launch state, or the fixture would have failed), and logs no
 * error (the fixture fails the test on any console error or CSP violation).
 */
test('the app page loads with its main landmark and no console errors', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page).toHaveTitle(/Stakemap/);
  // The bundled stylesheet loaded and applies (the CSP allows styles from the app only).
  const stylesheetRules = await page.evaluate(() =>
    [...document.styleSheets].filter((sheet) => sheet.href?.includes('/assets/')).reduce((n, sheet) => n + sheet.cssRules.length, 0),
  );
  expect(stylesheetRules).toBeGreaterThan(0);
});

test('the host API is the only bridge: frozen, with intent-level functions and no raw IPC', async ({ app }) => {
  const shape = await app.page.evaluate(() => {
    const api = (window as unknown as { stakemap: Record<string, unknown> }).stakemap;
    return {
      frozen: Object.isFrozen(api),
      keys: Object.keys(api).sort(),
      allFunctions: Object.values(api).every((value) => typeof value === 'function'),
      hasNode: typeof (window as unknown as { require?: unknown }).require !== 'undefined' || typeof (window as unknown as { process?: unknown }).process !== 'undefined',
    };
  });
  expect(shape.frozen).toBe(true);
  expect(shape.allFunctions).toBe(true);
  expect(shape.hasNode).toBe(false);
  expect(shape.keys).toContain('openWorkspaceDialog');
  expect(shape.keys.join(' ')).not.toMatch(/ipc|invoke\b|send\b/i);
});

test('menu commands reach the renderer: Help > Keyboard Shortcuts shows the shortcuts', async ({ app }) => {
  await app.menu('help.shortcuts');
  const sheet = app.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  // Derived from the one keymap table: Save and Undo are there with their keys.
  await expect(sheet.getByRole('row', { name: /Save\b.*Ctrl.*S/ }).first()).toBeVisible();
  await sheet.getByRole('button', { name: 'Close' }).click();
  await expect(sheet).toBeHidden();
});

test('? on the map opens the keyboard shortcuts, Escape closes them and focus comes back', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Open the sample workshop' }).click();
  const legal = page.getByRole('group', { name: /^Legal \(/ });
  await expect(legal).toBeVisible();
  await legal.click();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(legal).toBeFocused();
  // In a text field, ? is just a character.
  const name = page.getByRole('textbox', { name: 'Name', exact: true });
  await name.focus();
  await page.keyboard.press('End');
  await page.keyboard.type('?');
  await expect(sheet).toBeHidden();
  await expect(name).toHaveValue('Legal?');
});
