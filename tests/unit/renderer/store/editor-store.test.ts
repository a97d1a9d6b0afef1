import { beforeEach, describe, expect, it } from 'vitest';
import { addStakeholder, updateStakeholder } from '../../../../shared/operations/stakeholders';
import { connectStakeholders } from '../../../../shared/operations/relationships';
import { createWorkspace } from '../../../../shared/operations/workspace';
import { addPainPoint } from '../../../../shared/operations/pain-points';
import { NO_FILTER } from '../../../../shared/domain/map-filter';
import type { Attachment } from '../../../../shared/document/schema';
import {
  commit,
  currentDocument,
  isDirty,
  loadWorkspace,
  markSaved,
  redo,
  setClock,
  setSelection,
  setViewport,
  undo,
  useEditor,
  setFilter,
  clearFilter,
  showView,
  openItem,
} from '../../../../renderer/src/store/editor-store';
import { onEdgesChange, onNodesChange } from '../../../../renderer/src/commands/map-changes';

function openTwoStakeholders() {
  let doc = createWorkspace('Test', new Date('2026-01-01T00:00:00Z'));
  doc = addStakeholder(doc, { id: 's-a', name: 'Alpha', kind: 'team', position: { x: 0, y: 0 } });
  doc = addStakeholder(doc, { id: 's-b', name: 'Beta', kind: 'department', position: { x: 300, y: 0 } });
  doc = connectStakeholders(doc, { id: 'r-1', source: 's-a', target: 's-b' });
  loadWorkspace(doc, { filePath: '/tmp/x.stakemap', fitOnOpen: false });
}

const state = () => useEditor.getState();
const present = () => state().workspace!.history.present.doc;

describe('editor store', () => {
  beforeEach(() => {
    setClock(() => new Date('2026-02-02T10:00:00Z'));
    openTwoStakeholders();
  });

  it('derives React Flow nodes and edges from the document', () => {
    expect(state().nodes.map((n) => n.id)).toEqual(['s-a', 's-b']);
    expect(state().nodes[0]!.ariaLabel).toBe('Alpha (Our team)');
    expect(state().edges.map((e) => [e.source, e.target])).toEqual([['s-a', 's-b']]);
    expect(isDirty(state().workspace)).toBe(false);
  });

  it('commits a change as one undoable step that marks the workspace unsaved and stamps updatedAt', () => {
    expect(commit((d) => updateStakeholder(d, 's-a', { name: 'Social' }))).toBe(true);
    expect(present().stakeholders[0]!.name).toBe('Social');
    expect(present().updatedAt).toBe('2026-02-02T10:00:00.000Z');
    expect(isDirty(state().workspace)).toBe(true);
    undo();
    expect(present().stakeholders[0]!.name).toBe('Alpha');
    expect(isDirty(state().workspace)).toBe(false);
    redo();
    expect(present().stakeholders[0]!.name).toBe('Social');
  });

  it('a no-op operation records nothing and keeps the workspace saved', () => {
    expect(commit((d) => updateStakeholder(d, 's-a', { name: 'Alpha' }))).toBe(false);
    expect(state().workspace!.history.past).toHaveLength(0);
    expect(isDirty(state().workspace)).toBe(false);
  });

  it('keeps the same node object for stakeholders that did not change', () => {
    const [alpha, beta] = state().nodes;
    commit((d) => updateStakeholder(d, 's-b', { name: 'Brand' }));
    expect(state().nodes[0]).toBe(alpha);
    expect(state().nodes[1]).not.toBe(beta);
    expect(state().nodes[1]!.data.stakeholder.name).toBe('Brand');
  });

  it('a drag moves the node on screen and commits one undo step when it ends', () => {
    onNodesChange([{ type: 'position', id: 's-a', position: { x: 10, y: 5 }, dragging: true }]);
    onNodesChange([{ type: 'position', id: 's-a', position: { x: 40, y: 25 }, dragging: true }]);
    expect(state().nodes[0]!.position).toEqual({ x: 40, y: 25 });
    expect(present().stakeholders[0]!.position).toEqual({ x: 0, y: 0 });
    expect(state().workspace!.history.past).toHaveLength(0);
    onNodesChange([{ type: 'position', id: 's-a', position: { x: 50.4, y: 30.6 }, dragging: false }]);
    expect(present().stakeholders[0]!.position).toEqual({ x: 50, y: 31 });
    expect(state().workspace!.history.past).toHaveLength(1);
    undo();
    expect(state().nodes[0]!.position).toEqual({ x: 0, y: 0 });
  });

  it('dragging several nodes is one step', () => {
    onNodesChange([
      { type: 'position', id: 's-a', position: { x: 100, y: 100 }, dragging: false },
      { type: 'position', id: 's-b', position: { x: 400, y: 100 }, dragging: false },
    ]);
    expect(state().workspace!.history.past).toHaveLength(1);
    undo();
    expect(present().stakeholders.map((s) => s.position)).toEqual([{ x: 0, y: 0 }, { x: 300, y: 0 }]);
  });

  it('tracks selection from React Flow and from commands', () => {
    onNodesChange([{ type: 'select', id: 's-b', selected: true }]);
    expect(state().selection).toEqual({ stakeholderIds: ['s-b'], relationshipIds: [] });
    onEdgesChange([{ type: 'select', id: 'r-1', selected: true }]);
    expect(state().selection.relationshipIds).toEqual(['r-1']);
    setSelection({ stakeholderIds: ['s-a'] });
    expect(state().nodes.map((n) => !!n.selected)).toEqual([true, false]);
    expect(state().edges[0]!.selected).toBe(false);
  });

  it('keeps measured sizes when a node is re-created from the document', () => {
    onNodesChange([{ type: 'dimensions', id: 's-a', dimensions: { width: 180, height: 60 }, setAttributes: true }]);
    commit((d) => updateStakeholder(d, 's-a', { name: 'Renamed' }));
    expect(state().nodes[0]!.measured).toEqual({ width: 180, height: 60 });
  });

  it('saving marks the saved revision; edits after it stay unsaved', () => {
    commit((d) => updateStakeholder(d, 's-a', { name: 'One' }));
    const revision = state().workspace!.history.present.revision;
    commit((d) => updateStakeholder(d, 's-a', { name: 'Two' }));
    markSaved(revision, '/tmp/y.stakemap');
    expect(isDirty(state().workspace)).toBe(true);
    undo();
    expect(isDirty(state().workspace)).toBe(false);
    expect(state().workspace!.filePath).toBe('/tmp/y.stakemap');
  });

  it('the viewport is saved with the document but is not an undo step', () => {
    setViewport({ x: 12, y: -40, zoom: 1.5 });
    expect(currentDocument()!.viewport).toEqual({ x: 12, y: -40, zoom: 1.5 });
    expect(state().workspace!.history.past).toHaveLength(0);
    expect(isDirty(state().workspace)).toBe(false);
  });

  it('relationships to missing stakeholders stay in the document but are not drawn', () => {
    commit((d) => ({ ...d, relationships: [...d.relationships, { id: 'r-x', source: 's-a', target: 's-gone', status: 'neutral', label: '', notes: '', otherSide: null }] }));
    expect(present().relationships).toHaveLength(2);
    expect(state().edges.map((e) => e.id)).toEqual(['r-1']);
  });

  describe('pain points on the map', () => {
    const addPain = (id: string, attachedTo: Attachment[] = [{ type: 'stakeholder', id: 's-a' }]) =>
      commit((d) => addPainPoint(d, { id, title: id, categoryId: 'roles', attachedTo }), { open: { type: 'painPoint', id } });

    it('opening a pain point clears the map selection and highlights what it is attached to', () => {
      setSelection({ stakeholderIds: ['s-b'] });
      addPain('p-1');
      expect(state().openItem).toEqual({ type: 'painPoint', id: 'p-1' });
      expect(state().selection).toEqual({ stakeholderIds: [], relationshipIds: [] });
      const node = state().nodes.find((n) => n.id === 's-a')!;
      expect(node.data.decoration).toMatchObject({ highlighted: true, badge: { count: 1 } });
      expect(node.ariaLabel).toBe('Alpha (Our team), 1 pain point (1 unaddressed)');
    });

    it('selecting on the map closes the open pain point; the badge stays', () => {
      addPain('p-1');
      setSelection({ stakeholderIds: ['s-b'] });
      expect(state().openItem).toBeNull();
      expect(state().nodes.find((n) => n.id === 's-a')!.data.decoration).toMatchObject({ highlighted: false, badge: { count: 1 } });
    });

    it('undoing the creation closes the pain point and removes its badge', () => {
      addPain('p-1');
      undo();
      expect(state().openItem).toBeNull();
      expect(state().nodes.find((n) => n.id === 's-a')!.data.decoration.badge).toBeNull();
      redo();
      expect(state().nodes.find((n) => n.id === 's-a')!.data.decoration.badge).toMatchObject({ count: 1 });
    });

    it('a filter dims without removing, keeps untouched node objects, and clears in one call', () => {
      const before = state().nodes;
      setFilter({ ...NO_FILTER, problematicOnly: true });
      expect(state().nodes).toHaveLength(2);
      expect(state().nodes.every((n) => n.className === 'is-dimmed')).toBe(true);
      expect(state().edges[0]!.data!.decoration.dimmed).toBe(true);
      clearFilter();
      expect(state().nodes.every((n) => !n.className)).toBe(true);
      // Same decorations as before the filter: React Flow gets equal data, and no edit was recorded.
      expect(state().nodes.map((n) => n.data)).toEqual(before.map((n) => n.data));
      expect(state().workspace!.history.past).toHaveLength(0);
    });

    it('switching views keeps the selection, the open item and the history', () => {
      addPain('p-1');
      showView('board');
      expect(state().openItem).toEqual({ type: 'painPoint', id: 'p-1' });
      showView('map');
      expect(state().workspace!.history.past).toHaveLength(1);
      openItem(null);
      setSelection({ relationshipIds: ['r-1'] });
      showView('solutions');
      expect(state().selection.relationshipIds).toEqual(['r-1']);
    });
  });
});

