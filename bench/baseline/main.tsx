import {
  BaseEdge,
  EdgeLabelRenderer,
  getNodesBounds,
  getStraightPath,
  getViewportForBounds,
  Handle,
  Position,
  ReactFlow,
  useEdgesState,
  useNodesState,
  useReactFlow,
  ReactFlowProvider,
  type Edge,
  type EdgeProps,
  type Node,
  type NodeProps,
  type Viewport,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { toCanvas } from 'html-to-image';
import { memo, useEffect, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import './baseline.css';

/*
 * The benchmark's baseline: what React Flow costs by itself for the same map. A bare <ReactFlow> with
 * controlled nodes and edges (useNodesState / useEdgesState, nothing else: no app store, no minimap, no panels),
 * memoized minimal custom nodes of the same DOM shape as the app's (a div with an icon span and two text spans)
 * and straight edges with an HTML label, at the same positions and viewport. The workspace text comes from
 * window.__benchWorkspace (set by the benchmark with addInitScript or page.evaluate) or from ?workspace=URL.
 */

type BenchNodeData = { name: string; kind: string };
type BenchNode = Node<BenchNodeData, 'bench'>;
type BenchEdgeData = { text: string; status: string };
type BenchEdge = Edge<BenchEdgeData, 'bench'>;

interface WorkspaceJson {
  stakeholders: Array<{ id: string; name: string; kind: string; position: { x: number; y: number } }>;
  relationships: Array<{ id: string; source: string; target: string; status: string; label: string }>;
  viewport?: Viewport;
}

declare global {
  interface Window {
    __benchWorkspace?: string;
    __benchCanvasRect?: { left: number; top: number; width: number; height: number };
    /** Opens window.__benchWorkspace (or `text`): JSON.parse, map to nodes and edges, render. */
    __benchOpen?: (text?: string) => void;
    /** Exports the whole map as a PNG the way React Flow's docs show (html-to-image); resolves with its size. */
    __benchExportPng?: (scale?: number) => Promise<{ width: number; height: number; base64Length: number }>;
  }
}

const KIND_LABELS: Record<string, string> = { team: 'Our team', department: 'Internal department', external: 'Outside party' };
const KIND_ICONS: Record<string, string> = { team: '◉', department: '▣', external: '◌' };
const STATUS_WORDS: Record<string, string> = { healthy: '✓', neutral: '', strained: 'Strained', problematic: 'Problematic' };

const BenchNodeView = memo(function BenchNodeView({ data }: NodeProps<BenchNode>) {
  return (
    <div className={`bench-node kind-${data.kind}`}>
      <Handle type="target" position={Position.Top} className="bench-node__handle" />
      <span className="bench-node__icon" aria-hidden="true">
        {KIND_ICONS[data.kind]}
      </span>
      <span className="bench-node__text">
        <span className="bench-node__name">{data.name}</span>
        <span className="bench-node__kind">{KIND_LABELS[data.kind]}</span>
      </span>
      <Handle type="source" position={Position.Bottom} className="bench-node__handle" />
    </div>
  );
});

const BenchEdgeView = memo(function BenchEdgeView({ id, sourceX, sourceY, targetX, targetY, data }: EdgeProps<BenchEdge>) {
  const [path, labelX, labelY] = getStraightPath({ sourceX, sourceY, targetX, targetY });
  return (
    <>
      <BaseEdge id={id} path={path} className={`bench-edge status-${data?.status ?? 'neutral'}`} />
      {data?.text && (
        <EdgeLabelRenderer>
          <div className={`bench-label status-${data.status}`} style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
            {data.text}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});

const nodeTypes = { bench: BenchNodeView };
const edgeTypes = { bench: BenchEdgeView };
const PRO_OPTIONS = { hideAttribution: false };
const MULTI_SELECT_KEYS = ['Meta', 'Control', 'Shift'];

function toFlow(doc: WorkspaceJson): { nodes: BenchNode[]; edges: BenchEdge[] } {
  const nodes: BenchNode[] = doc.stakeholders.map((s) => ({
    id: s.id,
    type: 'bench',
    position: { x: s.position.x, y: s.position.y },
    data: { name: s.name, kind: s.kind },
  }));
  const edges: BenchEdge[] = doc.relationships.map((r) => ({
    id: r.id,
    type: 'bench',
    source: r.source,
    target: r.target,
    // The app labels every line but plain neutral ones without a label.
    data: { status: r.status, text: [STATUS_WORDS[r.status], r.label].filter(Boolean).join(' ') },
  }));
  return { nodes, edges };
}

interface Session {
  readonly id: number;
  readonly nodes: BenchNode[];
  readonly edges: BenchEdge[];
  readonly viewport: Viewport;
}

/*
 * The open session lives outside React so that page.evaluate can open a workspace (window.__benchOpen); App reads
 * it with useSyncExternalStore, as the app's zustand store is read.
 */
let currentSession: Session | null = null;
const sessionListeners = new Set<() => void>();
function showSession(session: Session): void {
  currentSession = session;
  for (const listener of sessionListeners) listener();
}
function subscribeToSession(listener: () => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}
let sessionCounter = 0;

window.__benchOpen = (text?: string) => {
  const source = text ?? window.__benchWorkspace;
  if (typeof source !== 'string') throw new Error('No workspace: set window.__benchWorkspace or pass the text.');
  const doc = JSON.parse(source) as WorkspaceJson;
  const { nodes, edges } = toFlow(doc);
  sessionCounter += 1;
  showSession({ id: sessionCounter, nodes, edges, viewport: doc.viewport ?? { x: 0, y: 0, zoom: 1 } });
};

function Flow({ session }: { session: Session }) {
  const [nodes, , onNodesChange] = useNodesState(session.nodes);
  const [edges, , onEdgesChange] = useEdgesState(session.edges);
  const flow = useReactFlow<BenchNode, BenchEdge>();
  useEffect(() => {
    window.__benchExportPng = async (scale = 2) => {
      const bounds = getNodesBounds(flow.getNodes());
      const width = Math.ceil(bounds.width + 48);
      const height = Math.ceil(bounds.height + 48);
      // The same canvas limits as the app's exporter (Chromium: 32,767 px a side, 2^28 px in all).
      const limit = Math.min(32_767 / width, 32_767 / height, Math.sqrt(268_435_456 / (width * height)));
      const pixelRatio = Math.min(scale, Math.floor(limit * 100) / 100);
      const viewport = getViewportForBounds(bounds, width, height, 0.01, 4, 24 / Math.min(width, height));
      const element = document.querySelector<HTMLElement>('.react-flow__viewport');
      if (!element) throw new Error('No viewport to export');
      const canvas = await toCanvas(element, {
        backgroundColor: '#ffffff',
        width,
        height,
        pixelRatio,
        skipAutoScale: true,
        style: { width: `${width}px`, height: `${height}px`, transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})` },
      });
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
      if (!blob) throw new Error('toBlob failed');
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { width: canvas.width, height: canvas.height, base64Length: btoa(binary).length };
    };
  }, [flow]);
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      defaultViewport={session.viewport}
      minZoom={0.1}
      maxZoom={3}
      deleteKeyCode={null}
      zoomOnDoubleClick={false}
      selectionKeyCode="Shift"
      multiSelectionKeyCode={MULTI_SELECT_KEYS}
      proOptions={PRO_OPTIONS}
    />
  );
}

function App() {
  const session = useSyncExternalStore(subscribeToSession, () => currentSession);
  const rect = window.__benchCanvasRect;
  const style = rect ? { left: rect.left, top: rect.top, width: rect.width, height: rect.height } : { left: 0, top: 0, right: 0, bottom: 0 };
  return (
    <div className="bench-canvas" role="region" aria-label="Baseline map" style={style}>
      {session && (
        <ReactFlowProvider key={session.id}>
          <Flow session={session} />
        </ReactFlowProvider>
      )}
    </div>
  );
}

createRoot(document.getElementById('root')!).render(<App />);

// Standalone use (open dist/bench/baseline/index.html?workspace=URL through any static server).
const workspaceUrl = new URLSearchParams(location.search).get('workspace');
if (workspaceUrl) {
  void fetch(workspaceUrl)
    .then((response) => response.text())
    .then((text) => window.__benchOpen?.(text));
}
