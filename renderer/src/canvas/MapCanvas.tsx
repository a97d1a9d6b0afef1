import { PresenceLayer } from '../live/PresenceLayer';
import { ConnectionMode, MiniMap, Panel, ReactFlow, useNodesInitialized, useReactFlow, type Connection, type FinalConnectionState } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, type default as React } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { connect } from '../commands/edit-commands';
import { selectMapLockedByRole, useLiveSession, usePresence } from '../commands/live-session';
import type { LivePeerPresence } from '@shared/live/live-protocol';
import { othersSelections } from '../live/others-selections';
import { onEdgesChange, onNodesChange } from '../commands/map-changes';
import { closeOpenItemFromMap } from '../commands/navigate-commands';
import type { WorkspaceDocument } from '@shared/document/schema';
import { selectDocument, setViewport, showBadgeList, showContextMenu, startRename, useEditor, useUi } from '../store/editor-store';
import { bottleneckRanks } from './bottleneck-ranks';
import type { RelationshipFlowEdge, StakeholderFlowNode } from '../store/flow-elements';
import { DotGrid } from './DotGrid';
import { FilterBar } from './FilterBar';
import { fitMap, minZoomFor } from './fit-map';
import { flowInstance, registerFlowInstance } from './flow-instance';
import { startLabelLayout } from './label-layout';
import { LargeMapList } from './large-map/LargeMapList';
import { LargeMapMinimap } from './large-map/LargeMapMinimap';
import { LargeMapTracker } from './large-map/large-map-view';
import { MapOverview } from './large-map/MapOverview';
import { overviewClick, overviewContextMenu, overviewDoubleClick, overviewMouseDown, overviewPaneClick } from './large-map/overview-pointer';
import { useShownElements } from './large-map/use-shown-elements';
import { MapLegend } from './MapLegend';
import { RelationshipEdge } from './RelationshipEdge';
import { StakeholderNode } from './StakeholderNode';

// Module scope, as React Flow asks: new objects on every render would re-create every node and edge.
const nodeTypes = { stakeholder: StakeholderNode };
const edgeTypes = { relationship: RelationshipEdge };
const onConnect = (c: Connection) => connect(c.source, c.target);
/**
 * A connection dropped on a stakeholder's body rather than on one of its small dots still connects: that is
 * what people aim for when they drag "from this one to that one".
 */
const onConnectEnd = (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
  if (state.isValid || !state.fromNode) return;
  const point = 'changedTouches' in event ? event.changedTouches[0] : event;
  if (!point) return;
  const target = document.elementFromPoint(point.clientX, point.clientY)?.closest<HTMLElement>('.react-flow__node');
  const targetId = target?.dataset.id;
  if (targetId && targetId !== state.fromNode.id) connect(state.fromNode.id, targetId);
};
const onNodeDoubleClick = (_: unknown, node: StakeholderFlowNode) => startRename(node.id);
const onNodeContextMenu = (event: React.MouseEvent, node: StakeholderFlowNode) => {
  event.preventDefault();
  showContextMenu({ target: { type: 'stakeholder', id: node.id }, at: { x: event.clientX, y: event.clientY } });
};
const onEdgeContextMenu = (event: React.MouseEvent, edge: RelationshipFlowEdge) => {
  event.preventDefault();
  showContextMenu({ target: { type: 'relationship', id: edge.id }, at: { x: event.clientX, y: event.clientY } });
};
const onPaneContextMenu = (event: MouseEvent | React.MouseEvent) => {
  event.preventDefault();
  const at = { x: event.clientX, y: event.clientY };
  const flowPosition = flowInstance()?.screenToFlowPosition(at) ?? { x: 0, y: 0 };
  showContextMenu({ target: { type: 'pane', flowPosition }, at });
};
/** Floating lists point at things on the map; once the map moves they would point at nothing. */
const onMoveStart = () => {
  const { badgeList, contextMenu } = useUi.getState();
  if (badgeList) showBadgeList(null);
  if (contextMenu) showContextMenu(null);
};
const minimapNodeClass = (node: StakeholderFlowNode) => `minimap-node kind-${node.data.stakeholder.kind}`;
/** What the overview canvas says to assistive technology, which sees no stakeholder in it. */
function describeOverview(stakeholders: number, edges: readonly RelationshipFlowEdge[], bottlenecks: string, othersSelected: string): string {
  const problematic = edges.filter((e) => e.data?.relationship.status === 'problematic').length;
  const n = (count: number) => count.toLocaleString('en');
  const marked = bottlenecks === '' ? '' : ` Marked as bridges and bottlenecks: ${bottlenecks}.`;
  const others = othersSelected === '' ? '' : ` Selected by others: ${othersSelected}.`;
  return `Overview of the map: ${n(stakeholders)} stakeholders and ${n(edges.length)} relationships, ${n(problematic)} of them problematic.${marked}${others} Zoom in to read and edit them, or use the list of every stakeholder.`;
}
/** What others have selected, in words ("Legal (Priya), Brand (Priya, Sam)"), in map order; '' when nothing. */
function describeOthersSelections(peers: readonly LivePeerPresence[], nodes: readonly StakeholderFlowNode[]): string {
  const selections = othersSelections(peers);
  if (selections.size === 0) return '';
  return nodes.flatMap((node) => {
    const by = selections.get(node.id);
    return by ? [`${node.data.stakeholder.name || 'Unnamed stakeholder'} (${by.names})`] : [];
  }).join(', ');
}
/** The marked bridges and bottlenecks in rank order, in words ("1 Legal, 2 Brand"), or '' when none are marked. */
function markedBottlenecks(doc: WorkspaceDocument | null): string {
  if (!doc) return '';
  const names = new Map(doc.stakeholders.map((st) => [st.id, st.name]));
  return [...bottleneckRanks(doc)].map(([id, { rank }]) => `${rank} ${names.get(id) ?? ''}`).join(', ');
}
/** React Flow's attribution is a web link, which the desktop app cannot open: it is credited in Help > About. */
const PRO_OPTIONS = { hideAttribution: true };
/** Small: the minimap covers a corner of the map, which Fit then has to keep clear. */
const MINIMAP_SIZE = { width: 168, height: 112 };

/**
 * A workspace opened without a saved view (the sample, a new one) is fitted once its stakeholders are measured,
 * with our fit, which keeps them clear of the legend, the filter bar and the minimap (fit-map.ts).
 */
function FitOnceMeasured({ enabled, large }: { enabled: boolean; large: boolean }) {
  // A large map is never all measured (only the part on screen is drawn as elements): its fit uses the sizes it has.
  const measured = useNodesInitialized() || large;
  // This canvas's instance: the one commands use (flow-instance.ts) is registered only after the first fit could run.
  const instance = useReactFlow<StakeholderFlowNode, RelationshipFlowEdge>();
  const done = useRef(false);
  useEffect(() => {
    if (!enabled || !measured || done.current) return;
    // One frame later the overlays and labels have their sizes too.
    const frame = requestAnimationFrame(() => {
      done.current = fitMap({ instance });
    });
    return () => cancelAnimationFrame(frame);
  }, [enabled, measured, instance]);
  return null;
}

/** The stakeholder map. Reads only nodes, edges and a few flags from the store. */
export function MapCanvas() {
  const { nodes: allNodes, edges: allEdges, renamingId } = useEditor(useShallow((s) => ({ nodes: s.nodes, edges: s.edges, renamingId: s.renamingId })));
  const { sessionId, fitOnOpen } = useEditor(useShallow((s) => ({ sessionId: s.workspace?.sessionId, fitOnOpen: s.workspace?.fitOnOpen })));
  // Read once per workspace, not subscribed: the canvas itself owns pan and zoom while it is open.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- read once per workspace (see above)
  const viewport = useMemo(() => useEditor.getState().workspace?.viewport, [sessionId]);
  const showMinimap = useEditor((s) => s.showMinimap);
  // Nothing to drag or connect on a read-only copy, or for a contributor or viewer in a live session (their role
  // does not allow moving stakeholders or drawing relationships; commit refuses it anyway, with the reason).
  const readOnly = useEditor((s) => Boolean(s.workspace?.readOnly));
  const roleLocksMap = useLiveSession(selectMapLockedByRole);
  const locked = readOnly || roleLocksMap;
  const focusMode = useEditor((s) => s.focusMode);
  const { nodes, edges, large, overview } = useShownElements(allNodes, allEdges, sessionId, renamingId);
  // Only a large map has an overview to describe: a workshop map does not count its relationships on every change.
  const marking = useUi((s) => s.markBottlenecks);
  const bottlenecks = useEditor((s) => (large && marking ? markedBottlenecks(selectDocument(s)) : ''));
  // In a live session, who has what selected: a string, so the canvas re-renders when that changes, not per pointer move.
  const othersSelected = usePresence((s) => (large && s.peers.length > 0 ? describeOthersSelections(s.peers, allNodes) : ''));
  const overviewDescription = useMemo(
    () => (large ? describeOverview(allNodes.length, allEdges, bottlenecks, othersSelected) : ''),
    [large, allNodes.length, allEdges, bottlenecks, othersSelected],
  );
  const isEmpty = allNodes.length === 0;
  useEffect(startLabelLayout, []);
  // Each workspace's canvas (keyed by session) registers its instance on init; until then commands must not use
  // the one before, which belongs to a canvas that is gone.
  useEffect(() => () => registerFlowInstance(null), [sessionId]);
  const onMoveEnd = useCallback((_: unknown, v: { x: number; y: number; zoom: number }) => setViewport(v), []);

  return (
    <div
      className="map-canvas"
      role="region"
      aria-label="Stakeholder map"
      // For tests and the benchmark: how this map is drawn (all of it, the part on screen, or the overview).
      data-drawn={large ? (overview ? 'overview' : 'part') : 'all'}
      data-drawn-stakeholders={nodes.length}
      data-drawn-relationships={edges.length}
      onMouseDownCapture={overview ? (e) => overviewMouseDown(e, locked) : undefined}
      onClickCapture={overview ? overviewClick : undefined}
      onDoubleClickCapture={overview ? overviewDoubleClick : undefined}
      onContextMenuCapture={overview ? overviewContextMenu : undefined}
    >
      {large && <LargeMapList />}
      <ReactFlow
        // A new workspace gets a fresh canvas, so its saved viewport (or a fit) applies.
        key={sessionId}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        onNodeDoubleClick={onNodeDoubleClick}
        onNodeContextMenu={onNodeContextMenu}
        onEdgeContextMenu={onEdgeContextMenu}
        onPaneContextMenu={onPaneContextMenu}
        // A click on the empty map puts the pain point or solution being edited away, as Escape does.
        onPaneClick={overview ? overviewPaneClick : closeOpenItemFromMap}
        onMoveStart={onMoveStart}
        onInit={registerFlowInstance}
        onMoveEnd={onMoveEnd}
        connectionMode={ConnectionMode.Loose}
        nodesDraggable={!locked}
        nodesConnectable={!locked}
        defaultViewport={viewport}
        minZoom={minZoomFor(allNodes.length)}
        maxZoom={3}
        // Deleting goes through our command (one undo step, and pain points are told about); see shortcuts.ts.
        deleteKeyCode={null}
        zoomOnDoubleClick={false}
        multiSelectionKeyCode={['Meta', 'Control', 'Shift']}
        selectionKeyCode="Shift"
        proOptions={PRO_OPTIONS}
        ariaLabelConfig={{ 'node.a11yDescription.default': 'Press Enter or Space to select, Delete to remove, arrow keys to move, F2 to rename.' }}
      >
        <FitOnceMeasured enabled={fitOnOpen === true} large={large} />
        {large && sessionId !== undefined && <LargeMapTracker sessionId={sessionId} stakeholders={allNodes.length} />}
        {overview && <MapOverview description={overviewDescription} />}
        {overview && (
          <Panel position="bottom-center" className="map-canvas__overview-note" data-map-overlay="overview-note">
            Overview: zoom in to read names and labels
          </Panel>
        )}
        <PresenceLayer />
        <DotGrid />
        {/* data-map-overlay: what floats over the map, which Fit keeps every stakeholder clear of (fit-map.ts). */}
        <Panel position="top-left" className="map-canvas__filters" data-map-overlay="filters">
          <FilterBar />
        </Panel>
        {/* Focus on the map is for presenting: the minimap is the operator's, and its corner is the room's. */}
        {/* Not on a large map: it would draw only the part React Flow has, and the overview is the whole-map view there. */}
        {showMinimap && !focusMode && !large && <MiniMap pannable zoomable ariaLabel="Minimap" nodeClassName={minimapNodeClass} position="bottom-right" style={MINIMAP_SIZE} />}
        {showMinimap && !focusMode && large && <LargeMapMinimap />}
        <Panel position="bottom-left">
          <MapLegend />
        </Panel>
        {isEmpty && (
          <Panel position="top-center">
            <p className="map-canvas__hint">
              Add stakeholders from the palette on the left, or press <kbd>N</kbd>. Drag from a dot on a stakeholder's edge to another to connect them.
            </p>
          </Panel>
        )}
      </ReactFlow>
    </div>
  );
}
