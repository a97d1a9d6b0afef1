import { expect, test } from './fixtures';

/*
 * The desktop app opens no web pages (navigation and new windows are refused), so nothing in it may look like a
 * link that goes out: React Flow is credited in Help > About, as text.
 */
test.use({ firstRun: true });

test('no link leads out of the app; React Flow and the other libraries are credited in Help > About', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('group', { name: /^Legal \(/ })).toBeVisible();
  const outgoing = await page.locator('a[href]').evaluateAll((links) =>
    links.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? '').filter((href) => !href.startsWith('#')),
  );
  expect(outgoing).toEqual([]);
  await expect(page.getByRole('link', { name: /React Flow/ })).toHaveCount(0);

  await app.menu('help.about');
  const about = page.getByRole('dialog', { name: 'About Stakemap' });
  await expect(about).toContainText('React Flow (xyflow) (MIT licence): the map canvas.');
  await expect(about).toContainText('Inter typeface (OFL-1.1 licence)');
  await expect(about.getByRole('link')).toHaveCount(0);
});
