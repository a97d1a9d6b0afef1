import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CURRENT_VERSION, DEFAULT_CATEGORIES, DEFAULT_STAGES, DEFAULT_VOTING_BUDGET, FORMAT_ID, RELATIONSHIP_STATUSES, SOLUTION_STATUSES } from '../shared/document/format';
import type { PainPoint, Relationship, Solution, Stakeholder, Viewport, WorkspaceDocument } from '../shared/document/schema';
import { serializeWorkspace } from '../shared/document/serialize';
import { TYPICAL_FUNCTIONS } from '../shared/domain/typical-functions';
import { seededRandom } from '../shared/operations/seeded-random';

/*
 * Seeded generator of large, valid Stakemap workspaces for the benchmark (`npm run bench`). The same size and
 * seed always give the same file, byte for byte, so runs on different days and machines measure the same map.
 *
 * Shape: N stakeholders on a grid-ish spread (a jittered grid whose cells are larger than the largest node, so
 * nodes never overlap), about 1.2 relationships per stakeholder, mostly between grid neighbours (a quarter of them
 * problematic), one pain point per stakeholder with 1–2 quotes, and candidate solutions for some pain points.
 */

/** Grid cell: wider and taller than the largest stakeholder node (max-width 240 px, about 64 px high) plus jitter. */
export const CELL = { width: 320, height: 160 } as const;
const JITTER = { x: 40, y: 30 } as const;
export const RELATIONSHIPS_PER_STAKEHOLDER = 1.2;
export const PROBLEMATIC_SHARE = 0.25;
export const DEFAULT_SEED = 20_261_122;

export interface GenerateOptions {
  readonly stakeholders: number;
  readonly seed?: number;
  /** Defaults to the origin at zoom 1 (what a freshly saved small map looks like). */
  readonly viewport?: Viewport;
}

/** A seeded generator (see seeded-random.ts) with the helpers the generator uses. */
export function createRandom(seed: number) {
  const next = seededRandom(seed);
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const chance = (p: number): boolean => next() < p;
  return { next, int, pick, chance };
}

const REGIONS = ['EMEA', 'APAC', 'US', 'UK', 'DACH', 'Nordics', 'LATAM', 'France', 'Iberia', 'Benelux', 'Japan', 'India'];
const LABELS = [
  'post approvals',
  'brand guidelines',
  'crisis escalation',
  'campaign briefs',
  'data requests',
  'legal review',
  'content calendar',
  'influencer contracts',
  'community replies',
  'asset handover',
];
const PAIN_TITLES = [
  'Sign-off takes days',
  'Nobody owns the reply',
  'Guidelines out of date',
  'No access to the data',
  'Briefs arrive too late',
  'Tools do not talk to each other',
  'Unclear escalation path',
  'Training never happened',
  'Duplicate work across teams',
  'Approvals bypass the social team',
];
const QUOTES = [
  'By the time legal says yes, the conversation has moved on.',
  'We find out about the campaign from the customers.',
  'Every market has its own version of the guidelines.',
  'I have to ask three people before I can answer a complaint.',
  'They see social as a megaphone, not a conversation.',
  'We are measured on reach, but nobody reads the report.',
  'The agency has better data on our customers than we do.',
  'Leadership only notices social when something goes wrong.',
];
const SOLUTION_TITLES = [
  'Pre-approved response library',
  'Shared insights dashboard',
  'Reverse mentoring for leaders',
  'Agile social squad',
  'Escalation playbook',
  'Monthly cross-team stand-up',
];
const OWNERS = ['Ana', 'Ben', 'Chloé', 'Dev', 'Eli', 'Fatima', ''];
/** Neighbours a relationship usually goes to: right, below, diagonals, two to the right. */
const NEIGHBOUR_OFFSETS: ReadonlyArray<readonly [number, number]> = [
  [1, 0],
  [0, 1],
  [1, 1],
  [-1, 1],
  [2, 0],
  [0, 2],
];

/** Columns of the grid: the map is roughly 16:9 on screen (cells are twice as wide as high). */
export function gridColumns(stakeholders: number): number {
  return Math.max(1, Math.ceil(Math.sqrt((stakeholders * 8) / 9)));
}

const FIXED_CREATED = '2026-11-22T10:00:00.000Z';
const FIXED_UPDATED = '2026-11-22T11:30:00.000Z';

/** A valid workspace document (in the current format version) of the requested size. */
export function generateWorkspace(options: GenerateOptions): WorkspaceDocument {
  const n = Math.max(1, Math.floor(options.stakeholders));
  const random = createRandom(options.seed ?? DEFAULT_SEED);
  const columns = gridColumns(n);

  const stakeholders: Stakeholder[] = [];
  for (let i = 0; i < n; i++) {
    const column = i % columns;
    const row = Math.floor(i / columns);
    const fn = i === 0 ? { name: 'Social media team', kind: 'team' as const } : random.pick(TYPICAL_FUNCTIONS);
    stakeholders.push({
      id: `s-${i}`,
      name: i === 0 ? fn.name : `${fn.name} ${random.pick(REGIONS)} ${i}`,
      kind: fn.kind,
      position: { x: column * CELL.width + random.int(0, JITTER.x), y: row * CELL.height + random.int(0, JITTER.y) },
      influence: random.chance(0.8) ? random.int(1, 5) : undefined,
      interest: random.chance(0.8) ? random.int(1, 5) : undefined,
      owner: random.pick(OWNERS),
      notes: random.chance(0.3) ? 'Met at the workshop; follow up after the quarterly review.' : '',
      color: null,
    });
  }

  // Relationships: mostly grid neighbours (short lines, as a real map is drawn), some longer ones.
  const relationshipCount = n > 1 ? Math.round(n * RELATIONSHIPS_PER_STAKEHOLDER) : 0;
  const pairs = new Set<string>();
  const ends: Array<[number, number]> = [];
  const rows = Math.ceil(n / columns);
  let attempts = 0;
  while (ends.length < relationshipCount && attempts < relationshipCount * 50) {
    attempts++;
    const source = random.int(0, n - 1);
    const column = source % columns;
    const row = Math.floor(source / columns);
    let target: number;
    if (random.chance(0.1)) {
      // A longer line, still within a few cells, as workshops group related functions.
      const c = Math.min(columns - 1, Math.max(0, column + random.int(-6, 6)));
      const r = Math.min(rows - 1, Math.max(0, row + random.int(-4, 4)));
      target = r * columns + c;
    } else {
      const [dc, dr] = random.pick(NEIGHBOUR_OFFSETS);
      const c = column + dc;
      if (c < 0 || c >= columns) continue;
      target = (row + dr) * columns + c;
    }
    if (target === source || target < 0 || target >= n) continue;
    const key = source < target ? `${source}:${target}` : `${target}:${source}`;
    if (pairs.has(key)) continue;
    pairs.add(key);
    ends.push([source, target]);
  }

  // Exactly a quarter problematic (chosen by a seeded shuffle), the rest spread over the other statuses.
  const order = ends.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const problematicCount = Math.floor(ends.length * PROBLEMATIC_SHARE);
  const problematic = new Set(order.slice(0, problematicCount));
  const otherStatuses = RELATIONSHIP_STATUSES.filter((s) => s !== 'problematic');
  const relationships: Relationship[] = ends.map(([source, target], i) => ({
    id: `r-${i}`,
    source: `s-${source}`,
    target: `s-${target}`,
    status: problematic.has(i) ? 'problematic' : random.pick(otherStatuses),
    label: random.chance(0.5) ? random.pick(LABELS) : '',
    notes: '',
    otherSide: null,
  }));

  // Each stakeholder's relationships, problematic first: some pain points sit on a relationship too.
  const relationshipsOf = new Map<string, Relationship[]>();
  for (const r of relationships) {
    for (const end of [r.source, r.target]) {
      const list = relationshipsOf.get(end) ?? [];
      list.push(r);
      relationshipsOf.set(end, list);
    }
  }

  const painPoints: PainPoint[] = stakeholders.map((s, i) => {
    const attachedTo: PainPoint['attachedTo'] = [{ type: 'stakeholder', id: s.id }];
    const own = relationshipsOf.get(s.id) ?? [];
    const onRelationship = own.find((r) => r.status === 'problematic') ?? own[0];
    if (i % 4 === 0 && onRelationship) attachedTo.push({ type: 'relationship', id: onRelationship.id });
    const quotes = [random.pick(QUOTES)];
    if (random.chance(0.5)) quotes.push(random.pick(QUOTES));
    return {
      id: `p-${i}`,
      title: `${random.pick(PAIN_TITLES)} (${i})`,
      description: random.chance(0.4) ? 'Raised by several participants; voted into the top three in one room.' : '',
      categoryId: random.pick(DEFAULT_CATEGORIES).id,
      quotes: quotes.map((text) => ({ text, voice: null })),
      attachedTo,
      tally: random.int(0, 5),
      voice: null,
    };
  });

  // Candidate solutions for some pain points, so both addressed and unaddressed ones exist.
  const solutions: Solution[] = [];
  for (let i = 0; i < Math.floor(n / 4); i++) {
    const addresses = new Set<string>();
    const count = random.int(1, 3);
    while (addresses.size < Math.min(count, n)) addresses.add(`p-${random.int(0, n - 1)}`);
    solutions.push({
      id: `x-${i}`,
      title: `${random.pick(SOLUTION_TITLES)} ${i}`,
      description: '',
      addresses: [...addresses],
      status: random.pick(SOLUTION_STATUSES),
      owner: random.pick(OWNERS),
      impact: random.int(1, 5),
      effort: random.int(1, 5),
      dueDate: null,
    });
  }

  return {
    format: FORMAT_ID,
    version: CURRENT_VERSION,
    title: `Benchmark workshop (${n.toLocaleString('en-US')} stakeholders)`,
    createdAt: FIXED_CREATED,
    updatedAt: FIXED_UPDATED,
    stakeholders,
    relationships,
    painPoints,
    solutions,
    categories: DEFAULT_CATEGORIES.map((c) => ({ ...c })),
    viewport: options.viewport ?? { x: 24, y: 24, zoom: 1 },
    // Hidden: the benchmark measures the map, and its timings stay comparable with runs from before workshops.
    agenda: { visible: false, currentStageId: null, stages: DEFAULT_STAGES.map((s) => ({ ...s })) },
    participants: [],
    voting: { budget: DEFAULT_VOTING_BUDGET, hideResults: false, revealed: false },
    ballots: [],
    snapshots: [],
  };
}

/** The file text, as the app itself would save it (deterministic key order, 2-space indent). */
export function generateWorkspaceText(options: GenerateOptions): string {
  return serializeWorkspace(generateWorkspace(options));
}

/**
 * A viewport that frames a rectangular block of the grid holding about `fraction` of the stakeholders, inside a
 * canvas of `canvas` pixels (with `margin` pixels free on each side). The benchmark opens the map at this viewport
 * and rubber-band selects the block, so the selection drag moves about `fraction` of the map.
 */
export function blockViewport(
  doc: WorkspaceDocument,
  canvas: { width: number; height: number },
  fraction: number,
  margin = 60,
): { viewport: Viewport; block: { columns: number; rows: number; ids: string[] } } {
  const n = doc.stakeholders.length;
  const columns = gridColumns(n);
  const target = Math.max(1, Math.round(n * fraction));
  // Choose the block's shape to match the canvas's aspect ratio in map units.
  const aspect = (canvas.width - 2 * margin) / (canvas.height - 2 * margin);
  let blockColumns = Math.max(1, Math.min(columns, Math.round(Math.sqrt((target * aspect * CELL.height) / CELL.width))));
  let blockRows = Math.max(1, Math.round(target / blockColumns));
  const rows = Math.ceil(n / columns);
  blockRows = Math.min(blockRows, rows);
  blockColumns = Math.min(blockColumns, columns);
  const ids: string[] = [];
  for (let r = 0; r < blockRows; r++) {
    for (let c = 0; c < blockColumns; c++) {
      const i = r * columns + c;
      if (i < n) ids.push(`s-${i}`);
    }
  }
  // The block spans whole cells; nodes sit in the top-left part of theirs.
  const width = blockColumns * CELL.width;
  const height = blockRows * CELL.height;
  const zoom = Math.min((canvas.width - 2 * margin) / width, (canvas.height - 2 * margin) / height, 1);
  return {
    // Rounded down, so the block stays inside the margins.
    viewport: { x: margin, y: margin, zoom: Math.floor(zoom * 10_000) / 10_000 },
    block: { columns: blockColumns, rows: blockRows, ids },
  };
}

/** Writes `workspace-<size>.stakemap` for each size into `outDir`; returns the paths. */
export function writeWorkspaces(sizes: readonly number[], outDir: string, seed = DEFAULT_SEED): string[] {
  mkdirSync(outDir, { recursive: true });
  return sizes.map((size) => {
    const file = path.join(outDir, `workspace-${size}.stakemap`);
    writeFileSync(file, generateWorkspaceText({ stakeholders: size, seed }));
    return file;
  });
}

// CLI: tsx bench/generate-workspace.ts [--sizes=100,1000,5000] [--out=bench/tmp] [--seed=N]
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const sizes = (arg('sizes') ?? '100,1000,5000').split(',').map(Number);
  const out = arg('out') ?? path.join('bench', 'tmp');
  const seed = arg('seed') ? Number(arg('seed')) : DEFAULT_SEED;
  for (const file of writeWorkspaces(sizes, out, seed)) console.log(file);
}
