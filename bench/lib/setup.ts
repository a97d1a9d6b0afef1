import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { parseWorkspace } from '../../shared/document/parse';
import { serializeWorkspace } from '../../shared/document/serialize';
import { chromiumLaunchOptions } from '../../tests/e2e/harness/paths';
import { blockViewport, CELL, generateWorkspace, gridColumns } from '../generate-workspace';
import type { CanvasRect } from './pages';
import { APP_DIST, BASELINE_DIST, REPO_ROOT, WORKSPACES_DIR } from './paths';
import type { SizeResult } from './report';
import type { WorkspaceInput } from './scenarios';

/* Shared by the runner (bench/run-bench.ts) and the profiler (bench/profile-bench.ts): builds, inputs, browsers. */

function run(command: string, args: readonly string[]): void {
  const result = spawnSync(command, args, { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`);
}

/**
 * The app is built with the repository's own vite.config.ts (production mode) into dist/bench/app rather than
 * dist/renderer, so a benchmark never empties the folder an end-to-end run may be serving at the same moment.
 */
export function buildPages(force: boolean): void {
  const vite = path.join(REPO_ROOT, 'node_modules', '.bin', 'vite');
  if (force || !existsSync(path.join(APP_DIST, 'index.html'))) {
    console.log('Building the app (production) into dist/bench/app …');
    run(vite, ['build', '--logLevel', 'warn', '--outDir', APP_DIST, '--emptyOutDir']);
  }
  if (force || !existsSync(path.join(BASELINE_DIST, 'index.html'))) {
    console.log('Building the baseline page into dist/bench/baseline …');
    run(vite, ['build', '--config', path.join('bench', 'vite.baseline.config.ts')]);
  }
}

const BLOCK_MARGIN = 90;
const SELECTION_FRACTION = 0.1;

export function prepareInput(size: number, seed: number, canvas: CanvasRect): { input: WorkspaceInput; workspace: SizeResult['workspace'] } {
  const doc = generateWorkspace({ stakeholders: size, seed });
  const text = serializeWorkspace(doc);
  const parsed = parseWorkspace(text);
  if (!parsed.ok) throw new Error(`The generated ${size}-stakeholder workspace does not open: ${JSON.stringify(parsed.error)}`);
  const { viewport, block } = blockViewport(doc, canvas, SELECTION_FRACTION, BLOCK_MARGIN);
  const overviewText = serializeWorkspace({ ...doc, viewport });
  mkdirSync(WORKSPACES_DIR, { recursive: true });
  const filePath = path.join(WORKSPACES_DIR, `workspace-${size}.stakemap`);
  writeFileSync(filePath, text);
  writeFileSync(path.join(WORKSPACES_DIR, `workspace-${size}-block.stakemap`), overviewText);
  const columns = gridColumns(size);
  const rows = Math.ceil(size / columns);
  const nameOf = (i: number) => doc.stakeholders[i]!.name;
  // Nodes in the second column, rows 1–3: on screen at the file's viewport (zoom 1), clear of the panels.
  const clickTargets = [1, 2, 3]
    .filter((row) => row < rows)
    .map((row) => row * columns + 1)
    .filter((i) => i < size)
    .map((i) => ({ id: `s-${i}`, name: nameOf(i) }));
  // Row 2, second column like the click targets: the first column sits under the map's filter bar and legend.
  const dragIndex = Math.min(size - 1, 2 * columns + 1);
  const middle = block.ids[Math.floor(block.ids.length / 2)];
  const positionOf = (id: string) => doc.stakeholders.find((s) => s.id === id)!.position;
  const positioned = [...clickTargets.map((t) => t.id), `s-${dragIndex}`, ...(middle ? [middle] : [])];
  return {
    input: {
      size,
      filePath: `/bench/${path.basename(filePath)}`,
      text,
      overviewText,
      relationships: doc.relationships.length,
      clickTargets,
      dragId: `s-${dragIndex}`,
      block: { ids: block.ids, zoom: viewport.zoom, width: block.columns * CELL.width, height: block.rows * CELL.height, margin: BLOCK_MARGIN },
      positions: Object.fromEntries(positioned.map((id) => [id, positionOf(id)])),
    },
    workspace: {
      bytes: Buffer.byteLength(text),
      stakeholders: doc.stakeholders.length,
      relationships: doc.relationships.length,
      painPoints: doc.painPoints.length,
      solutions: doc.solutions.length,
    },
  };
}

export async function withBrowser<T>(work: (browser: Browser) => Promise<T>): Promise<T> {
  const launch = chromiumLaunchOptions();
  const browser = await chromium.launch({ ...launch, args: [...(launch.args ?? []), '--enable-precise-memory-info'] });
  try {
    return await work(browser);
  } finally {
    await browser.close();
  }
}

