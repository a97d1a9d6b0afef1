import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/*
 * A CSV export writes two files from one save dialog, which asks only about the first (issue 11, defect 5): the
 * host asks before replacing an existing solutions file, and the test answers that question (answerReplace) as
 * it answers the other native dialogs.
 */

/** Calls window.stakemap.exportCsv in the page, as the renderer does. */
const exportCsv = (page: Page, painPoints: string, solutions: string) =>
  page.evaluate(
    ([p, s]) => (window as unknown as { stakemap: { exportCsv(n: string, p: string, s: string): Promise<unknown> } }).stakemap.exportCsv('Q3', p, s),
    [painPoints, solutions] as const,
  );

test('an existing solutions file is replaced only after the user says so', async ({ app }) => {
  const painPoints = path.join(app.tempDir, 'Q3 pain points.csv');
  const solutions = path.join(app.tempDir, 'Q3 solutions.csv');
  await writeFile(solutions, 'id\nx-previous\n');

  app.dialogs.answerExport(painPoints);
  app.dialogs.answerReplace(false);
  expect(await exportCsv(app.page, 'id\np-1\n', 'id\nx-1\n')).toEqual({ kind: 'canceled' });
  expect(await readFile(solutions, 'utf8')).toBe('id\nx-previous\n');
  await expect(readFile(painPoints, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });

  app.dialogs.answerExport(painPoints);
  app.dialogs.answerReplace(true);
  expect(await exportCsv(app.page, 'id\np-1\n', 'id\nx-1\n')).toEqual({ kind: 'saved', filePaths: [painPoints, solutions] });
  expect(await readFile(solutions, 'utf8')).toBe('id\nx-1\n');
  expect(await readFile(painPoints, 'utf8')).toBe('id\np-1\n');
});
