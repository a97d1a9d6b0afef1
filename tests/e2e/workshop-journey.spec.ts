import { CURRENT_VERSION } from '../../shared/document/format';
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { WorkspaceDocument } from '../../shared/document/schema';
import { extractWorkspaceFromPng } from '../../shared/export/png-text-chunk';
import { expect, test as base, type StakemapApp } from './fixtures';

/*
 * Issue 14's journey (product brief, journeys 10 and 11), end to end: a workshop from the "Organising for Social"
 * template, run through every stage of its agenda with the stage timer (on Playwright's clock); pain points
 * collected with quick capture; three participants vote within a budget of three, results hidden, and a fourth
 * vote is refused with a message; the reveal shows the ranking with its tie; a solution is agreed with an owner;
 * the exports are made safe to share and leak no participant's name and no owner; the wrap-up alone is one
 * page; saved, relaunched and reopened, everything is back.
 */

const test = base.extend<{ fakeClock: void }>({
  fakeClock: [
    async ({ context }, use) => {
      await context.clock.install({ time: new Date('2026-12-01T09:00:00Z') });
      await use();
    },
    { auto: true },
  ],
});

test.use({ viewport: { width: 1280, height: 720 } });

const NAME = 'Alice Example';
const OWNER = 'Priya Counsel';
const PAIN_POINTS = [
  { title: 'Sign-off takes days', capture: 'Sign-off takes days > We wait a week for a yes #3' },
  { title: 'No shared calendar', capture: 'No shared calendar #1' },
  { title: 'Leaders offline', capture: 'Leaders offline #2' },
  { title: 'Tools stall', capture: 'Tools stall #5' },
] as const;
const [SIGN_OFF, CALENDAR, LEADERS, TOOLS] = PAIN_POINTS.map((p) => p.title) as [string, string, string, string];

const stageBar = (page: Page) => page.getByRole('region', { name: 'Workshop stage' });
const votingBar = (page: Page) => page.getByRole('region', { name: 'Dot voting' });
const card = (page: Page, title: string) => page.getByRole('article', { name: title, exact: true });

/** Starts the stage's timer and lets its whole timebox pass: the bar says time is up. */
async function runTimebox(page: Page, minutes: number): Promise<void> {
  const bar = stageBar(page);
  await bar.getByRole('button', { name: 'Start', exact: true }).click();
  await page.clock.fastForward(minutes * 60_000 + 1_000);
  await expect(bar.getByRole('timer', { name: 'Stage time left' })).toHaveText('00:00');
  await expect(bar.getByText("Time's up")).toBeVisible();
}

async function castFor(page: Page, participantIndex: number, titles: readonly string[]): Promise<void> {
  await votingBar(page).getByLabel('Voting for').selectOption({ index: participantIndex });
  for (const title of titles) {
    const dot = card(page, title).getByRole('button', { name: `Vote for ${title}` });
    await dot.click();
    await expect(dot).toHaveAttribute('aria-pressed', 'true');
  }
}

async function exportAs(app: StakemapApp, format: 'PNG' | 'PDF' | 'Markdown' | 'CSV', target: string, options: { safe: boolean; wrapUpOnly?: boolean }) {
  const { page } = app;
  await app.menu('file.export');
  const dialog = page.getByRole('dialog', { name: 'Export', exact: true });
  await dialog.getByRole('radio', { name: new RegExp(`^${format}`) }).check();
  if (format === 'PDF' || format === 'Markdown') await dialog.getByRole('radio', { name: options.wrapUpOnly ? 'Wrap-up only' : 'Full report' }).check();
  await dialog.getByRole('checkbox', { name: 'Safe to share' }).setChecked(options.safe);
  if (options.safe) await dialog.getByRole('checkbox', { name: 'Remove owners' }).check();
  app.dialogs.answerExport(target);
  await dialog.getByRole('button', { name: 'Export…' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: path.basename(target) })).toBeVisible();
}

test('a workshop from the template: every stage timed, three participants vote within budget, reveal, safe exports, save and reopen', async ({ app }) => {
  // Seven stages, twelve votes, five exports (two PDFs printed by Chromium) and a relaunch.
  test.setTimeout(240_000);
  const { page } = app;
  await page.getByRole('region', { name: 'New from template' }).getByRole('button', { name: /^Organising for Social/ }).click();
  const bar = stageBar(page);
  await expect(bar).toBeVisible();
  const next = bar.getByRole('button', { name: 'Next stage' });

  // 1 Map stakeholders, 2 Mark relationships: the template has done the mapping; the room takes its time.
  await expect(bar.getByRole('heading', { name: 'Map stakeholders' })).toBeVisible();
  await runTimebox(page, 20);
  await next.click();
  await expect(bar.getByRole('heading', { name: 'Mark relationships' })).toBeVisible();
  await runTimebox(page, 10);
  await next.click();

  // 3 Collect pain points: the board opens; the facilitator types what the room says.
  await expect(bar.getByRole('heading', { name: 'Collect pain points' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Pain point board' })).toBeVisible();
  const capture = page.getByRole('textbox', { name: 'Capture pain point' });
  for (const { capture: line } of PAIN_POINTS) {
    await capture.fill(line);
    await capture.press('Enter');
    await expect(capture).toHaveValue('');
  }
  for (const title of [SIGN_OFF, CALENDAR, LEADERS, TOOLS]) await expect(card(page, title)).toBeVisible();
  await runTimebox(page, 25);
  await next.click();

  // 4 Cluster.
  await expect(bar.getByRole('heading', { name: 'Cluster' })).toBeVisible();
  await runTimebox(page, 15);
  await next.click();

  // 5 Vote: the board with voting on. Three participants, one of them named.
  await expect(bar.getByRole('heading', { name: 'Vote' })).toBeVisible();
  const voting = votingBar(page);
  await expect(voting).toBeVisible();
  await voting.getByRole('button', { name: 'Participants…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Participants' });
  for (let i = 0; i < 3; i += 1) await dialog.getByRole('button', { name: 'Add participant' }).click();
  await dialog.getByRole('textbox', { name: 'Name or label of P1' }).fill(NAME);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(voting.getByLabel('Voting for')).toHaveText(new RegExp(`${NAME} · 3 left`));

  // Results stay hidden until the reveal: the cards show no totals, and there is no ranking to see.
  await voting.getByRole('checkbox', { name: 'Hide results until reveal' }).check();
  await expect(voting.getByLabel('Votes each')).toHaveValue('3');
  await castFor(page, 0, [SIGN_OFF, CALENDAR, LEADERS]);
  await expect(voting.getByText('0 of 3 left')).toBeVisible();
  // A fourth vote is over the budget: refused, with the reason, and nothing changes.
  const over = card(page, TOOLS).getByRole('button', { name: `Vote for ${TOOLS}` });
  await over.click();
  await expect(voting.getByRole('alert')).toHaveText(`${NAME} has used all 3 votes. Take one back to vote again.`);
  await expect(over).toHaveAttribute('aria-pressed', 'false');
  await castFor(page, 1, [SIGN_OFF, CALENDAR]);
  await castFor(page, 2, [SIGN_OFF, TOOLS]);
  // Un-vote and vote again: P3 takes back the dot on Tools stall and gives it again.
  const p3Tools = card(page, TOOLS).getByRole('button', { name: `Vote for ${TOOLS}` });
  await p3Tools.click();
  await expect(p3Tools).toHaveAttribute('aria-pressed', 'false');
  await p3Tools.click();
  await expect(p3Tools).toHaveAttribute('aria-pressed', 'true');
  await expect(card(page, SIGN_OFF).getByRole('group', { name: `Votes for ${SIGN_OFF}` })).toContainText('?');
  await expect(card(page, SIGN_OFF).getByRole('group', { name: `Votes for ${SIGN_OFF}` })).not.toContainText('3');
  await expect(voting.getByRole('button', { name: 'Ranking' })).toBeDisabled();

  // The reveal: the ranking, most votes first, with the tie for third shown.
  await voting.getByRole('button', { name: 'Reveal votes' }).click();
  const ranking = page.getByRole('region', { name: 'Ranking' });
  await expect(ranking).toBeVisible();
  const rows = ranking.getByRole('listitem');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0)).toHaveText(new RegExp(`1st:.*${SIGN_OFF}.*3 votes`));
  await expect(rows.nth(1)).toHaveText(new RegExp(`2nd:.*${CALENDAR}.*2 votes`));
  await expect(rows.nth(2)).toHaveText(new RegExp(`Tied 3rd:.*${LEADERS}.*1 vote`));
  await expect(rows.nth(3)).toHaveText(new RegExp(`Tied 3rd:.*${TOOLS}.*1 vote`));
  await runTimebox(page, 10);
  await next.click();

  // 6 Candidate solutions: one for the top pain point, agreed, with an owner and a date.
  await expect(bar.getByRole('heading', { name: 'Candidate solutions' })).toBeVisible();
  await expect(votingBar(page)).toHaveCount(0);
  await page.getByRole('button', { name: `Propose solution for ${SIGN_OFF}` }).click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await inspector.getByRole('textbox', { name: 'Title' }).fill('Pre-approved replies');
  await inspector.getByRole('radio', { name: 'Agreed' }).check();
  await inspector.getByRole('textbox', { name: 'Owner' }).fill(OWNER);
  await inspector.getByLabel('Due date').fill('2027-01-15');
  await runTimebox(page, 25);
  await next.click();

  // 7 Wrap-up: the last stage.
  await expect(bar.getByRole('heading', { name: 'Wrap-up' })).toBeVisible();
  await expect(next).toBeDisabled();
  await runTimebox(page, 10);

  // Safe-to-share exports: no participant's name and no owner in any byte, the PNG's workspace and the PDF's text included.
  const out = path.join(app.tempDir, 'out');
  await mkdir(out);
  await exportAs(app, 'PNG', path.join(out, 'map.png'), { safe: true });
  await exportAs(app, 'PDF', path.join(out, 'report.pdf'), { safe: true });
  await exportAs(app, 'Markdown', path.join(out, 'report.md'), { safe: true });
  await exportAs(app, 'CSV', path.join(out, 'workshop.csv'), { safe: true });
  for (const file of await readdir(out)) {
    const bytes = await readFile(path.join(out, file));
    const texts = [bytes.toString('utf8'), bytes.toString('latin1'), bytes.toString('utf16le')];
    if (file.endsWith('.png')) texts.push(extractWorkspaceFromPng(new Uint8Array(bytes)) ?? '');
    if (file.endsWith('.pdf')) texts.push(execFileSync('pdftotext', [path.join(out, file), '-'], { encoding: 'utf8' }));
    for (const secret of [NAME, OWNER]) for (const text of texts) expect(text.includes(secret), `"${secret}" in ${file}`).toBe(false);
  }
  const report = await readFile(path.join(out, 'report.md'), 'utf8');
  expect(report).toMatch(/^# Organising for Social workshop/);
  expect(report).toContain('## Wrap-up: Organising for Social workshop');
  expect(report).toContain('Pre-approved replies');

  // The wrap-up alone, as the room leaves with it: one page, with the owner (not safe to share this time).
  await exportAs(app, 'PDF', path.join(out, 'wrap-up.pdf'), { safe: false, wrapUpOnly: true });
  await exportAs(app, 'Markdown', path.join(out, 'wrap-up.md'), { safe: false, wrapUpOnly: true });
  const pdfInfo = execFileSync('pdfinfo', [path.join(out, 'wrap-up.pdf')], { encoding: 'utf8' });
  expect(pdfInfo).toMatch(/^Pages:\s+1$/m);
  const wrapUpText = execFileSync('pdftotext', ['-layout', path.join(out, 'wrap-up.pdf'), '-'], { encoding: 'utf8' });
  for (const expected of ['Wrap-up: Organising for Social workshop', '3 participants', SIGN_OFF, 'Pre-approved replies', OWNER, 'Still without a candidate solution']) {
    expect(wrapUpText).toContain(expected);
  }
  const wrapUpMarkdown = await readFile(path.join(out, 'wrap-up.md'), 'utf8');
  expect(wrapUpMarkdown).toMatch(/^# Wrap-up: Organising for Social workshop\n/);
  expect(wrapUpMarkdown).not.toContain('Problematic relationships');

  // Save, relaunch, reopen: everything is back.
  const filePath = path.join(app.tempDir, 'workshop.stakemap');
  app.dialogs.answerSave(filePath);
  await page.locator('body').press('Control+s');
  await expect(page).toHaveTitle('workshop.stakemap — Stakemap');
  const saved = JSON.parse(await readFile(filePath, 'utf8')) as WorkspaceDocument;
  expect(saved.version).toBe(CURRENT_VERSION);
  expect(saved.participants.map((p) => p.label)).toEqual([NAME, 'P2', 'P3']);
  expect(saved.ballots).toHaveLength(7);
  expect(saved.voting).toEqual({ budget: 3, hideResults: true, revealed: true });
  expect(saved.agenda.currentStageId).toBe(saved.agenda.stages.at(-1)!.id);

  const second = await app.restart();
  await second.getByRole('button', { name: 'Open workshop.stakemap' }).click();
  await expect(stageBar(second).getByRole('heading', { name: 'Wrap-up' })).toBeVisible();
  await stageBar(second).getByRole('button', { name: 'Previous stage' }).click();
  await stageBar(second).getByRole('button', { name: 'Previous stage' }).click();
  await expect(stageBar(second).getByRole('heading', { name: 'Vote' })).toBeVisible();
  await expect(votingBar(second)).toBeVisible();
  await expect(votingBar(second).getByLabel('Voting for')).toHaveText(new RegExp(`${NAME} · 0 left`));
  await votingBar(second).getByRole('button', { name: 'Ranking' }).click();
  await expect(second.getByRole('region', { name: 'Ranking' }).getByRole('listitem').first()).toHaveText(new RegExp(`1st:.*${SIGN_OFF}.*3 votes`));
  await votingBar(second).getByRole('button', { name: 'Participants…' }).click();
  const people = second.getByRole('dialog', { name: 'Participants' });
  await expect(people.getByRole('textbox', { name: /^Name or label of / })).toHaveCount(3);
  await expect(people.getByRole('textbox', { name: `Name or label of ${NAME}` })).toHaveValue(NAME);
});
