import { expect, test } from './fixtures';

/*
 * Issue 13, item 6: the pain point and solution editors close with their Close button, with Escape (also while
 * typing in one of their fields) and with a click on the empty map; the inspector then shows the workspace.
 */

test('the pain point and solution editors close with Close, Escape and a click on the empty map', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Open the sample workshop' }).click();
  const map = page.getByRole('region', { name: 'Stakeholder map' });
  await expect(page.getByRole('group', { name: /^Legal \(/ })).toBeVisible();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  const workspace = inspector.getByRole('heading', { name: 'Workspace', exact: true });
  const painPointEditor = inspector.getByRole('heading', { name: 'Pain point', exact: true });

  // P with nothing selected: a workspace-wide pain point, its title ready to type.
  await map.click({ position: { x: 20, y: 200 } });
  await page.keyboard.press('p');
  await expect(painPointEditor).toBeVisible();
  await page.keyboard.type('Approvals stall at weekends');
  await page.keyboard.press('Escape');
  await expect(painPointEditor).toBeHidden();
  await expect(workspace).toBeFocused();
  // What was typed is kept: Escape closes, it does not cancel.
  await expect(inspector.getByText('Approvals stall at weekends')).toBeVisible();

  await inspector.getByText('Approvals stall at weekends').click();
  await expect(painPointEditor).toBeVisible();
  await inspector.getByRole('button', { name: 'Close' }).click();
  await expect(painPointEditor).toBeHidden();
  await expect(workspace).toBeVisible();

  await inspector.getByText('Approvals stall at weekends').click();
  await inspector.getByRole('button', { name: 'Propose solution' }).click();
  const solutionEditor = inspector.getByRole('heading', { name: 'Candidate solution', exact: true });
  await expect(solutionEditor).toBeVisible();
  await map.click({ position: { x: 20, y: 200 } });
  await expect(solutionEditor).toBeHidden();
  await expect(workspace).toBeVisible();
});
