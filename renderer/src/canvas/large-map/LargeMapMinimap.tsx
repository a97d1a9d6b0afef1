import { Panel, useReactFlow, useStoreApi } from '@xyflow/react';
import { memo, useEffect, useRef } from 'react';
import { boundsOf, type Rect } from '@shared/layout/geometry';
import type { StakeholderKind } from '@shared/document/format';
import { useEditor } from '../../store/editor-store';
import type { StakeholderFlowNode } from '../../store/flow-elements';
import { resolveColours, type OverviewColours } from './draw-overview';
import { stakeholderBox } from './stakeholder-box';
import { watchTheme } from './watch-theme';

/*
 * The minimap of a large map. React Flow's MiniMap draws an SVG rectangle per node, which at 10,000 stakeholders is
 * most of a frame on every pan; this one draws every stakeholder once into a cached layer (again only when the map
 * changes) and, on each pan or zoom, copies that layer and draws the part on screen over it. A click or a drag on it
 * brings the map there, at the same zoom. Keyboard users reach every stakeholder through the list of them
 * (LargeMapList), as with React Flow's minimap, which is not keyboard-operable either.
 */

/** The same size as the minimap of a workshop map (MapCanvas). */
const WIDTH = 168;
const HEIGHT = 112;
/** Room around the map inside the minimap, in minimap pixels. */
const INSET = 6;
/** How long the stakeholders must stay as they are before their layer is drawn again (a drag changes them every frame). */
const LAYER_SETTLE_MS = 250;

const KIND_FILL: Record<StakeholderKind, keyof OverviewColours> = { team: 'team', department: 'department', external: 'external' };

/** Where the map sits in the minimap: map point → minimap pixel is (p - origin) * scale + offset. */
interface Placement {
  readonly origin: { x: number; y: number };
  readonly scale: number;
  readonly offset: { x: number; y: number };
}

function placementFor(bounds: Rect): Placement {
  const scale = Math.min((WIDTH - 2 * INSET) / Math.max(bounds.width, 1), (HEIGHT - 2 * INSET) / Math.max(bounds.height, 1));
  return {
    origin: { x: bounds.x, y: bounds.y },
    scale,
    offset: { x: (WIDTH - bounds.width * scale) / 2, y: (HEIGHT - bounds.height * scale) / 2 },
  };
}

/** Draws every stakeholder, a box of at least a pixel in its kind's colour, into `layer`. */
function drawStakeholders(layer: HTMLCanvasElement, nodes: readonly StakeholderFlowNode[], colours: OverviewColours, ratio: number): Placement {
  const boxes = nodes.map(stakeholderBox);
  const placement = placementFor(boundsOf(boxes) ?? { x: 0, y: 0, width: 1, height: 1 });
  layer.width = WIDTH * ratio;
  layer.height = HEIGHT * ratio;
  const context = layer.getContext('2d');
  if (!context) return placement;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  const { origin, scale, offset } = placement;
  for (const kind of Object.keys(KIND_FILL) as StakeholderKind[]) {
    context.beginPath();
    nodes.forEach((node, i) => {
      if (node.data.stakeholder.kind !== kind) return;
      const box = boxes[i]!;
      context.rect((box.x - origin.x) * scale + offset.x, (box.y - origin.y) * scale + offset.y, Math.max(box.width * scale, 1), Math.max(box.height * scale, 1));
    });
    context.fillStyle = colours[KIND_FILL[kind]];
    context.fill();
  }
  return placement;
}

export const LargeMapMinimap = memo(function LargeMapMinimap() {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const flow = useStoreApi();
  const instance = useReactFlow();
  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = WIDTH * ratio;
    canvas.height = HEIGHT * ratio;
    const layer = document.createElement('canvas');
    let colours = resolveColours(canvas);
    let placement: Placement | null = null;
    let nodesDrawn: readonly StakeholderFlowNode[] | null = null;
    let frame = 0;
    let nodesChangedAt = -Infinity;
    let layerTimer: ReturnType<typeof setTimeout> | undefined;

    const draw = () => {
      frame = 0;
      const { nodes } = useEditor.getState();
      // A drag changes the stakeholders every frame, and a pan measures the ones it brings in: the layer (every
      // stakeholder, the costly part at 10,000) is drawn again once they have stopped changing; the outline follows
      // every frame.
      if (placement === null || (nodes !== nodesDrawn && performance.now() - nodesChangedAt >= LAYER_SETTLE_MS)) {
        placement = drawStakeholders(layer, (nodesDrawn = nodes), colours, ratio);
      } else if (nodes !== nodesDrawn) {
        clearTimeout(layerTimer);
        layerTimer = setTimeout(redraw, LAYER_SETTLE_MS);
      }
      context.setTransform(1, 0, 0, 1, 0, 0);
      context.fillStyle = colours.paper;
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(layer, 0, 0);
      // The part on screen: the rest dimmed, the part outlined.
      const [tx, ty, zoom] = flow.getState().transform;
      const { width, height } = flow.getState();
      const { origin, scale, offset } = placement;
      const view = {
        x: (-tx / zoom - origin.x) * scale + offset.x,
        y: (-ty / zoom - origin.y) * scale + offset.y,
        width: (width / zoom) * scale,
        height: (height / zoom) * scale,
      };
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      context.beginPath();
      context.rect(0, 0, WIDTH, HEIGHT);
      context.rect(view.x, view.y, view.width, view.height);
      context.globalAlpha = 0.55;
      context.fillStyle = colours.paper;
      context.fill('evenodd');
      context.globalAlpha = 1;
      context.strokeStyle = colours.ring;
      context.lineWidth = 2;
      context.strokeRect(view.x, view.y, Math.max(view.width, 2), Math.max(view.height, 2));
    };
    const redraw = () => {
      frame ||= requestAnimationFrame(draw);
    };
    draw();

    /** Brings the map point under the pointer to the middle of the screen, at the zoom the map has. */
    const moveTo = (event: PointerEvent) => {
      if (!placement) return;
      const rect = canvas.getBoundingClientRect();
      const { origin, scale, offset } = placement;
      const x = (event.clientX - rect.left - offset.x) / scale + origin.x;
      const y = (event.clientY - rect.top - offset.y) / scale + origin.y;
      void instance.setCenter(x, y, { zoom: flow.getState().transform[2] });
    };
    const onPointerDown = (event: PointerEvent) => {
      if (event.button !== 0) return;
      event.preventDefault();
      canvas.setPointerCapture(event.pointerId);
      moveTo(event);
    };
    const onPointerMove = (event: PointerEvent) => {
      if (canvas.hasPointerCapture(event.pointerId)) moveTo(event);
    };
    canvas.addEventListener('pointerdown', onPointerDown);
    canvas.addEventListener('pointermove', onPointerMove);

    const stopFlow = flow.subscribe((state, previous) => {
      if (state.transform !== previous.transform || state.width !== previous.width || state.height !== previous.height) redraw();
    });
    const stopEditor = useEditor.subscribe((state, previous) => {
      if (state.nodes === previous.nodes) return;
      nodesChangedAt = performance.now();
      clearTimeout(layerTimer);
      layerTimer = setTimeout(redraw, LAYER_SETTLE_MS);
    });
    const stopTheme = watchTheme(() => {
      colours = resolveColours(canvas);
      placement = null;
      redraw();
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(layerTimer);
      canvas.removeEventListener('pointerdown', onPointerDown);
      canvas.removeEventListener('pointermove', onPointerMove);
      stopFlow();
      stopEditor();
      stopTheme();
    };
  }, [flow, instance]);
  return (
    <Panel position="bottom-right" className="react-flow__minimap large-map-minimap">
      <canvas
        ref={canvasRef}
        role="img"
        aria-label="Minimap: the whole map, with the part on screen outlined. Click or drag on it to move the map there."
        style={{ width: WIDTH, height: HEIGHT, display: 'block', cursor: 'pointer' }}
      />
    </Panel>
  );
});
