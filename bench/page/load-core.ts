import { parseWorkspace } from '../../shared/document/parse';
import type { WorkspaceDocument } from '../../shared/document/schema';
import { serializeWorkspace } from '../../shared/document/serialize';
import { NO_FILTER } from '../../shared/domain/map-filter';
import { reconcileEdges, reconcileNodes } from '../../renderer/src/store/flow-elements';
import { mapDecorations } from '../../renderer/src/store/map-decorations';

/*
 * The app's own load and save functions, timed in the page with performance.now(): parseWorkspace (JSON, envelope,
 * version, migration, zod schema, unique ids, references: what "open" runs on the file's text), the store's
 * derivation of React Flow nodes and edges (mapDecorations + reconcileNodes/Edges, what loadWorkspace runs next),
 * and serializeWorkspace (what Save runs). Compared with plain JSON.parse / JSON.stringify of the same data.
 */

let text = '';
let doc: WorkspaceDocument | null = null;

function time<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

const load = {
  setText(next: string): number {
    text = next;
    doc = null;
    return text.length;
  },
  jsonParse(): number {
    return time(() => JSON.parse(text) as unknown).ms;
  },
  parseWorkspace(): { ms: number; ok: boolean; stakeholders: number } {
    const { ms, value } = time(() => parseWorkspace(text));
    if (value.ok) doc = value.document;
    return { ms, ok: value.ok, stakeholders: value.ok ? value.document.stakeholders.length : 0 };
  },
  derive(): number {
    if (!doc) throw new Error('parseWorkspace first');
    const current = doc;
    return time(() => {
      const decorations = mapDecorations(current, NO_FILTER, null);
      reconcileNodes([], current, decorations);
      reconcileEdges([], current, decorations);
    }).ms;
  },
  serialize(): { ms: number; length: number } {
    if (!doc) throw new Error('parseWorkspace first');
    const current = doc;
    const { ms, value } = time(() => serializeWorkspace(current));
    return { ms, length: value.length };
  },
  stringify(): number {
    if (!doc) throw new Error('parseWorkspace first');
    const current = doc;
    return time(() => `${JSON.stringify(current, null, 2)}\n`).ms;
  },
};

Object.defineProperty(window, '__benchLoad', { value: load });
export type BenchLoad = typeof load;
