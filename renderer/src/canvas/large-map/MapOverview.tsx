import { useStoreApi } from '@xyflow/react';
import { memo, useEffect, useRef } from 'react';
import { contains } from '@shared/layout/geometry';
import type { WorkspaceDocument } from '@shared/document/schema';
import { heatStrokeWidth, type PainHeatMode } from '@shared/domain/pain-heat';
import { usePresence } from '../../commands/live-session';
import { othersSelections } from '../../live/others-selections';
import { selectDocument, setSelection, useEditor } from '../../store/editor-store';
import { useUi } from '../../store/ui-store';
import { bottleneckRanks } from '../bottleneck-ranks';
import { painHeatOf } from '../pain-heat-weights';
import { RELATIONSHIP_STYLES } from '../relationship-styles';
import type { RelationshipFlowEdge, StakeholderFlowNode } from '../../store/flow-elements';
import { drawOverview, resolveColours, type OverviewRelationship, type OverviewStakeholder } from './draw-overview';
import { useListFocus } from './list-focus';
import { stakeholderBox } from './stakeholder-box';
import { watchTheme } from './watch-theme';

/** The map's marks the overview shows too: pain heat and bridges and bottlenecks, as the toolbar has them set. */
interface OverviewMarks {
  readonly heat: PainHeatMode;
  readonly markBottlenecks: boolean;
  readonly doc: WorkspaceDocument | null;
}

/** What the overview draws for each stakeholder and relationship: rebuilt only when the store's arrays or the marks change. */
export function overviewStakeholders(nodes: readonly StakeholderFlowNode[], marks?: OverviewMarks): OverviewStakeholder[] {
  const ranks = marks?.markBottlenecks && marks.doc ? bottleneckRanks(marks.doc) : null;
  return nodes.map((n) => ({
    id: n.id,
    name: n.data.stakeholder.name,
    kind: n.data.stakeholder.kind,
    box: stakeholderBox(n),
    selected: n.selected === true,
    dimmed: n.data.decoration.dimmed,
    bottleneckRank: ranks?.get(n.id)?.rank ?? null,
  }));
}

function overviewRelationships(edges: readonly RelationshipFlowEdge[], marks: OverviewMarks): OverviewRelationship[] {
  const heat = marks.heat !== 'off' && marks.doc ? painHeatOf(marks.doc, marks.heat) : null;
  return edges.flatMap((e) => {
    if (!e.data) return [];
    const { status } = e.data.relationship;
    const weight = heat?.weights.get(e.id) ?? 0;
    // As RelationshipEdge: a line without pain keeps its status's width.
    const heatWidth = heat && weight > 0 ? heatStrokeWidth(RELATIONSHIP_STYLES[status].strokeWidth, weight, heat.heaviest) : null;
    return [{ source: e.source, target: e.target, status, dimmed: e.data.decoration.dimmed, heatWidth }];
  });
}

const currentMarks = (): OverviewMarks => {
  const { painHeat, markBottlenecks } = useUi.getState();
  return { heat: painHeat, markBottlenecks, doc: painHeat === 'off' && !markBottlenecks ? null : selectDocument(useEditor.getState()) };
};

/** Who has what selected, as one string: presence updates that only move a pointer leave it the same. */
const othersSelectionKey = (peers: ReturnType<typeof usePresence.getState>['peers']) =>
  peers.map((p) => `${p.clientId}\u0001${p.color}\u0001${p.name}\u0001${(p.selection ?? []).join('\u0002')}`).join('\u0000');

/** Pixels a rectangle must span to select: a Shift+click on a stakeholder leaves a dot, which selects nothing. */
const RECTANGLE_MIN_PX = 4;

/** Selects the stakeholders wholly inside a rectangle drawn on the pane (screen pixels), as React Flow's own does. */
function selectInRectangle(rect: { x: number; y: number; width: number; height: number }, transform: readonly [number, number, number]): void {
  if (rect.width + rect.height < RECTANGLE_MIN_PX) return;
  const [tx, ty, zoom] = transform;
  const area = { x: (rect.x - tx) / zoom, y: (rect.y - ty) / zoom, width: rect.width / zoom, height: rect.height / zoom };
  const inside = useEditor.getState().nodes.filter((n) => contains(area, stakeholderBox(n)));
  setSelection({ stakeholderIds: inside.map((n) => n.id) });
}

/**
 * Inside <ReactFlow>, while a large map is zoomed out beyond reading: the canvas that draws it
 * (draw-overview.ts). It lets the pointer through to the pane, so panning and zooming stay React Flow's; clicks
 * and drags on stakeholders are overview-pointer.ts's. Redrawn once per frame at most, on a pan, a zoom, a
 * resize, a change to the map or the keyboard list's focus; never through React.
 */
export const MapOverview = memo(function MapOverview({ description }: { description: string }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const flow = useStoreApi();
  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    let frame = 0;
    let stakeholders: OverviewStakeholder[] = [];
    let relationships: OverviewRelationship[] = [];
    let nodesDrawn: readonly StakeholderFlowNode[] | null = null;
    let edgesDrawn: readonly RelationshipFlowEdge[] | null = null;
    let marksDrawn: OverviewMarks | null = null;
    let colours = resolveColours(canvas);
    const draw = () => {
      frame = 0;
      const { nodes, edges } = useEditor.getState();
      const marks = currentMarks();
      const marksChanged = marksDrawn === null || marks.heat !== marksDrawn.heat || marks.markBottlenecks !== marksDrawn.markBottlenecks || marks.doc !== marksDrawn.doc;
      if (nodes !== nodesDrawn || marksChanged) stakeholders = overviewStakeholders((nodesDrawn = nodes), marks);
      if (edges !== edgesDrawn || marksChanged) relationships = overviewRelationships((edgesDrawn = edges), marks);
      marksDrawn = marks;
      const { transform, width, height } = flow.getState();
      const pixelRatio = window.devicePixelRatio || 1;
      const w = width || canvas.clientWidth;
      const h = height || canvas.clientHeight;
      if (canvas.width !== Math.round(w * pixelRatio) || canvas.height !== Math.round(h * pixelRatio)) {
        canvas.width = Math.round(w * pixelRatio);
        canvas.height = Math.round(h * pixelRatio);
      }
      const { drawn, heatLines, bottlenecks, selectedByOthers } = drawOverview(context, stakeholders, relationships, colours, {
        transform,
        width: w,
        height: h,
        pixelRatio,
        focusedId: useListFocus.getState().focusedId,
        othersSelections: othersSelections(usePresence.getState().peers),
      });
      // For tests and the benchmark: the overview has drawn this map (what React Flow's node elements say otherwise).
      canvas.dataset.stakeholders = String(stakeholders.length);
      canvas.dataset.onScreen = String(drawn);
      canvas.dataset.heatLines = String(heatLines);
      canvas.dataset.bottlenecks = String(bottlenecks);
      canvas.dataset.selectedByOthers = String(selectedByOthers);
    };
    const redraw = () => {
      frame ||= requestAnimationFrame(draw);
    };
    draw();
    const stopFlow = flow.subscribe((state, previous) => {
      if (state.transform !== previous.transform || state.width !== previous.width || state.height !== previous.height) redraw();
      // Shift-drag on the overview: React Flow draws the rectangle but has no nodes to select; we select what is in it.
      if (previous.userSelectionRect && !state.userSelectionRect) selectInRectangle(previous.userSelectionRect, state.transform);
    });
    const stopEditor = useEditor.subscribe((state, previous) => {
      if (state.nodes !== previous.nodes || state.edges !== previous.edges) redraw();
    });
    const stopFocus = useListFocus.subscribe(redraw);
    // In a live session: someone else selects or lets go of a stakeholder (their pointer alone changes nothing here).
    const stopPresence = usePresence.subscribe((state, previous) => {
      if (othersSelectionKey(state.peers) !== othersSelectionKey(previous.peers)) redraw();
    });
    const stopMarks = useUi.subscribe((state, previous) => {
      if (state.painHeat !== previous.painHeat || state.markBottlenecks !== previous.markBottlenecks) redraw();
    });
    // A theme change (View > Theme, or the OS going dark) changes the colours.
    const stopTheme = watchTheme(() => {
      colours = resolveColours(canvas);
      redraw();
    });
    return () => {
      cancelAnimationFrame(frame);
      stopFlow();
      stopEditor();
      stopFocus();
      stopPresence();
      stopMarks();
      stopTheme();
    };
  }, [flow]);
  return <canvas ref={canvasRef} className="map-overview" role="img" aria-label={description} />;
});
