import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseWorkspace } from '../../../../shared/document/parse';
import { documentNow, loadWorkspace, undo, useEditor, useUi } from '../../../../renderer/src/store/editor-store';
import { tidyLayout } from '../../../../renderer/src/commands/tidy-layout';
import { edit } from '../../../../renderer/src/commands/edits';

/*
 * The Tidy layout command in the store, without a browser: animation frames are run by hand, so the test sees
 * every frame. No worker in Node: the layout runs in place, as it does wherever a worker cannot start.
 */

const TANGLED = readFileSync(new URL('../../../fixtures/workspaces/tangled-map.stakemap', import.meta.url), 'utf8');

let frames: Array<(time: number) => void> = [];
let clock = 0;
/** Runs the frames queued so far, 16 ms apart; returns how many ran. */
function runFrames(): number {
  const queued = frames;
  frames = [];
  for (const frame of queued) frame((clock += 16));
  return queued.length;
}
const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));
/** Runs frames until `work` settles (the command waits two frames after its edit, then for the fit); returns how many. */
async function framesUntil(work: Promise<unknown>): Promise<number> {
  let settled = false;
  void work.then(() => (settled = true));
  let ran = 0;
  await flushPromises();
  while (!settled && ran < 500) {
    ran += runFrames();
    await flushPromises();
  }
  await work;
  return ran;
}

function open(text = TANGLED) {
  const parsed = parseWorkspace(text);
  if (!parsed.ok) throw new Error('fixture does not open');
  loadWorkspace(parsed.document, { filePath: '/tmp/tangled.stakemap', fitOnOpen: false });
}
const pastSteps = () => useEditor.getState().workspace!.history.past.length;
const screenPositions = () => new Map(useEditor.getState().nodes.map((n) => [n.id, { ...n.position }]));
const documentPositions = () => new Map(documentNow()!.stakeholders.map((s) => [s.id, { ...s.position }]));

describe('the Tidy layout command', () => {
  let reducedMotion = false;
  beforeEach(() => {
    frames = [];
    reducedMotion = false;
    vi.stubGlobal('requestAnimationFrame', (callback: (time: number) => void) => frames.push(callback));
    vi.stubGlobal('window', { matchMedia: () => ({ matches: reducedMotion }) });
    vi.stubGlobal('document', { querySelectorAll: () => [], querySelector: () => null });
    open();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('glides the stakeholders over several frames without an undo step, then makes exactly one', async () => {
    const before = documentPositions();
    let finished = false;
    const done = tidyLayout().then(() => {
      finished = true;
    });
    await flushPromises();
    let seen = 0;
    let midway = false;
    while (!finished && runFrames() > 0 && seen < 200) {
      seen += 1;
      await flushPromises();
      // The glide is over once its one edit is made; the fit and the announcement follow a few frames later.
      if (finished || pastSteps() === 1) continue;
      // During the glide: things move on screen, the document and its history do not.
      expect(pastSteps()).toBe(0);
      expect(documentPositions()).toEqual(before);
      const onScreen = screenPositions();
      if ([...onScreen].some(([id, p]) => p.x !== before.get(id)!.x || p.y !== before.get(id)!.y)) midway = true;
    }
    await done;
    expect(midway).toBe(true);
    // About 400 ms of 16 ms frames.
    expect(seen).toBeGreaterThanOrEqual(20);
    expect(pastSteps()).toBe(1);
    expect(useUi.getState().notice?.text).toBe('Tidied 10 stakeholders');
    const after = documentPositions();
    expect(after).not.toEqual(before);
    // What is on screen is what the document says.
    expect(screenPositions()).toEqual(after);

    undo();
    expect(documentPositions()).toEqual(before);
    expect(screenPositions()).toEqual(before);
  });

  it('with reduced motion asked for, jumps: no frames, one step', async () => {
    reducedMotion = true;
    useUi.setState({ notice: null });
    const done = tidyLayout();
    await flushPromises();
    // No glide: the edit is made at once, and the only frames are the two before the fit.
    expect(pastSteps()).toBe(1);
    expect(useUi.getState().notice).toBeNull();
    expect(await framesUntil(done)).toBe(2);
    expect(useUi.getState().notice?.text).toBe('Tidied 10 stakeholders');
  });

  it('stops, moves nothing and puts the stakeholders back when the document changes during the glide', async () => {
    const before = documentPositions();
    const done = tidyLayout();
    await flushPromises();
    runFrames();
    runFrames();
    runFrames();
    edit('workspace.setTitle', { title: 'Renamed mid-glide' });
    while (runFrames() > 0) await flushPromises();
    await done;
    expect(pastSteps()).toBe(1); // the rename only
    expect(documentPositions()).toEqual(before);
    expect(screenPositions()).toEqual(before);
    expect(useUi.getState().notice?.text).toMatch(/stopped/);
  });

  it('leaves a pinned stakeholder where it is, and says how many it tidied', async () => {
    edit('stakeholder.update', { id: 's-legal', patch: { pinned: true } });
    const legal = documentPositions().get('s-legal');
    reducedMotion = true;
    await framesUntil(tidyLayout());
    expect(documentPositions().get('s-legal')).toEqual(legal);
    expect(useUi.getState().notice?.text).toBe('Tidied 9 stakeholders');
  });
});
