import type { RelationshipStatus, StakeholderKind } from '@shared/document/format';
import { centreOf, intersects, segmentCrossesRect, type Rect } from '@shared/layout/geometry';
import type { SelectedByOthers } from '../../live/others-selections';
import { RELATIONSHIP_STYLES } from '../relationship-styles';

/*
 * The overview of a large map zoomed out beyond reading: every stakeholder a box in its kind's colour, every
 * relationship a line in its status's colour and pattern (problematic ones drawn last, on top, so they stand
 * out), the selection ringed. One canvas instead of tens of thousands of elements; only what is on screen is
 * drawn. Names are drawn where a box is wide enough to hold a few letters. With pain heat on, a line is as wide as
 * on the map (its pain points' weight); with bridges and bottlenecks marked, the marked stakeholders get a thick
 * outline and, where readable, "Bottleneck N" in place of the name, as their nodes say. In a live session, what
 * the others have selected is ringed in their colour with their names on a tag, as the map's nodes show it.
 */

export interface OverviewStakeholder {
  readonly id: string;
  readonly name: string;
  readonly kind: StakeholderKind;
  readonly box: Rect;
  readonly selected: boolean;
  readonly dimmed: boolean;
  /** Its place among the marked bridges and bottlenecks (1 first), or null when not marked. */
  readonly bottleneckRank: number | null;
}

export interface OverviewRelationship {
  readonly source: string;
  readonly target: string;
  readonly status: RelationshipStatus;
  readonly dimmed: boolean;
  /** Its width by pain heat, in map units, or null for its status's own width (heat off, or no pain on it). */
  readonly heatWidth: number | null;
}

/** The theme's colours, resolved (custom properties hold light-dark() and var() expressions a canvas cannot read). */
export type OverviewColours = Record<'paper' | 'ink' | 'border' | 'team' | 'department' | 'external' | 'ring' | RelationshipStatus, string>;

const COLOUR_PROPERTIES: Record<keyof OverviewColours, string> = {
  paper: '--paper',
  ink: '--ink',
  border: '--node-border',
  team: '--team',
  department: '--minimap-department',
  external: '--minimap-external',
  ring: '--selection-ring',
  healthy: '--status-healthy',
  neutral: '--status-neutral',
  strained: '--status-strained',
  problematic: '--status-problematic',
};

/** Resolves the theme's colours through a probe element inside `scope` (so a theme set on an ancestor applies). */
export function resolveColours(scope: HTMLElement): OverviewColours {
  const probe = document.createElement('span');
  probe.style.display = 'none';
  scope.appendChild(probe);
  const colours = {} as Record<keyof OverviewColours, string>;
  for (const [key, property] of Object.entries(COLOUR_PROPERTIES) as Array<[keyof OverviewColours, string]>) {
    probe.style.color = `var(${property})`;
    colours[key] = getComputedStyle(probe).color;
  }
  probe.remove();
  return colours;
}

const KIND_FILL: Record<StakeholderKind, keyof OverviewColours> = { team: 'team', department: 'department', external: 'external' };
/** Problematic last: drawn on top of everything else. */
const STATUS_ORDER: readonly RelationshipStatus[] = ['neutral', 'healthy', 'strained', 'problematic'];
/** A name is drawn when a box is at least this many pixels wide on screen. */
const NAME_MIN_WIDTH = 44;
/** And when no more than this many boxes are on screen (past that, text is noise and costs frames). */
const NAME_MAX_BOXES = 2500;

export interface OverviewFrame {
  readonly transform: readonly [number, number, number];
  readonly width: number;
  readonly height: number;
  readonly pixelRatio: number;
  /** A stakeholder to ring as focused (the keyboard list's current item), if any. */
  readonly focusedId: string | null;
  /** In a live session: the stakeholders other people have selected, with who. */
  readonly othersSelections?: ReadonlyMap<string, SelectedByOthers>;
}

export function drawOverview(
  context: CanvasRenderingContext2D,
  stakeholders: readonly OverviewStakeholder[],
  relationships: readonly OverviewRelationship[],
  colours: OverviewColours,
  frame: OverviewFrame,
): { drawn: number; heatLines: number; bottlenecks: number; selectedByOthers: number } {
  const [tx, ty, zoom] = frame.transform;
  context.setTransform(frame.pixelRatio, 0, 0, frame.pixelRatio, 0, 0);
  context.clearRect(0, 0, frame.width, frame.height);
  context.setTransform(frame.pixelRatio * zoom, 0, 0, frame.pixelRatio * zoom, frame.pixelRatio * tx, frame.pixelRatio * ty);
  const screen: Rect = { x: -tx / zoom, y: -ty / zoom, width: frame.width / zoom, height: frame.height / zoom };
  const byId = new Map(stakeholders.map((s) => [s.id, s]));

  // Lines, batched by status, dimming and width: one path per batch (widths by pain heat are few: tenths of a unit).
  let heatLines = 0;
  for (const dimmed of [true, false]) {
    for (const status of STATUS_ORDER) {
      const style = RELATIONSHIP_STYLES[status];
      const batches = new Map<number, Array<{ from: { x: number; y: number }; to: { x: number; y: number } }>>();
      for (const r of relationships) {
        if (r.status !== status || r.dimmed !== dimmed) continue;
        const a = byId.get(r.source);
        const b = byId.get(r.target);
        if (!a || !b) continue;
        const from = centreOf(a.box);
        const to = centreOf(b.box);
        if (!segmentCrossesRect(from, to, screen)) continue;
        const width = r.heatWidth ?? style.strokeWidth;
        if (r.heatWidth !== null) heatLines += 1;
        let batch = batches.get(width);
        if (!batch) batches.set(width, (batch = []));
        batch.push({ from, to });
      }
      if (batches.size === 0) continue;
      context.globalAlpha = dimmed ? 0.25 : 1;
      context.strokeStyle = colours[status];
      context.setLineDash(style.dash ? style.dash.split(' ').map((n) => Number(n) * Math.max(1, 1 / (zoom * 4))) : []);
      // Thin before wide, so the heaviest lines lie on top.
      for (const width of [...batches.keys()].sort((x, y) => x - y)) {
        context.beginPath();
        for (const { from, to } of batches.get(width)!) {
          context.moveTo(from.x, from.y);
          context.lineTo(to.x, to.y);
        }
        // Zoomed far out a line keeps half its width in screen pixels (a 2-unit line 1 px, the heaviest heat line
        // 7 px), so lines do not vanish and heat still reads; never thinner than a pixel.
        context.lineWidth = Math.max(width, width / (2 * zoom), 1 / zoom);
        context.stroke();
      }
    }
  }
  context.setLineDash([]);

  // Boxes, batched by kind and dimming; the border is one more path.
  const visible = stakeholders.filter((s) => intersects(s.box, screen));
  for (const dimmed of [true, false]) {
    context.globalAlpha = dimmed ? 0.3 : 1;
    for (const kind of Object.keys(KIND_FILL) as StakeholderKind[]) {
      context.beginPath();
      for (const s of visible) if (s.kind === kind && s.dimmed === dimmed) context.rect(s.box.x, s.box.y, s.box.width, s.box.height);
      context.fillStyle = colours[KIND_FILL[kind]];
      context.fill();
    }
  }
  context.globalAlpha = 1;
  context.beginPath();
  for (const s of visible) context.rect(s.box.x, s.box.y, s.box.width, s.box.height);
  context.strokeStyle = colours.border;
  context.lineWidth = 1 / zoom;
  context.stroke();

  // The selection and the focused stakeholder: rings a constant few pixels wide.
  const ringed = visible.filter((s) => s.selected || s.id === frame.focusedId);
  if (ringed.length > 0) {
    // On top of the others, as React Flow raises a selected node: a stakeholder dragged onto another stays in sight.
    for (const s of ringed) {
      context.globalAlpha = s.dimmed ? 0.3 : 1;
      context.fillStyle = colours[KIND_FILL[s.kind]];
      context.fillRect(s.box.x, s.box.y, s.box.width, s.box.height);
    }
    context.globalAlpha = 1;
    context.strokeStyle = colours.team;
    for (const s of ringed) {
      const ring = (s.id === frame.focusedId ? 5 : 3) / zoom;
      context.lineWidth = ring;
      context.strokeRect(s.box.x - ring, s.box.y - ring, s.box.width + 2 * ring, s.box.height + 2 * ring);
    }
  }

  // Marked bridges and bottlenecks: a thick outline in the ink colour, a constant few pixels wide, outside the box.
  const marked = visible.filter((s) => s.bottleneckRank !== null);
  if (marked.length > 0) {
    const outline = 4 / zoom;
    context.globalAlpha = 1;
    context.strokeStyle = colours.ink;
    context.lineWidth = outline;
    context.setLineDash([6 / zoom, 3 / zoom]);
    for (const s of marked) context.strokeRect(s.box.x - outline, s.box.y - outline, s.box.width + 2 * outline, s.box.height + 2 * outline);
    context.setLineDash([]);
  }

  if (visible.length <= NAME_MAX_BOXES) drawNames(context, visible, colours, zoom);
  const selectedByOthers = frame.othersSelections ? drawOthersSelections(context, visible, frame.othersSelections, zoom) : 0;
  return { drawn: visible.length, heatLines, bottlenecks: marked.length, selectedByOthers };
}

/** Screen pixels of the others' rings: outside one's own selection ring, so both show on a stakeholder both selected. */
const OTHERS_RING_PX = 3;
const OTHERS_RING_GAP_PX = 6;
const TAG_FONT_PX = 11;
const TAG_HEIGHT_PX = 16;

/**
 * The others' selections: a ring in the first one's colour and a tag with their names above the box's right end,
 * white on that colour, as `.stakeholder-node__presence` on the map. Drawn last, over names and marks, and at a
 * constant size on screen, so a selection stays findable however far out the map is zoomed.
 */
function drawOthersSelections(
  context: CanvasRenderingContext2D,
  visible: readonly OverviewStakeholder[],
  selections: ReadonlyMap<string, SelectedByOthers>,
  zoom: number,
): number {
  let count = 0;
  context.globalAlpha = 1;
  context.setLineDash([]);
  context.font = `700 ${TAG_FONT_PX / zoom}px system-ui, sans-serif`;
  context.textBaseline = 'middle';
  for (const s of visible) {
    const by = selections.get(s.id);
    if (!by) continue;
    count += 1;
    const ring = OTHERS_RING_PX / zoom;
    const gap = OTHERS_RING_GAP_PX / zoom;
    context.strokeStyle = by.color;
    context.lineWidth = ring;
    context.strokeRect(s.box.x - gap, s.box.y - gap, s.box.width + 2 * gap, s.box.height + 2 * gap);
    const padding = 4 / zoom;
    const tagWidth = context.measureText(by.names).width + 2 * padding;
    const tagHeight = TAG_HEIGHT_PX / zoom;
    const tagX = s.box.x + s.box.width + gap - tagWidth;
    const tagY = s.box.y - gap - tagHeight;
    context.fillStyle = by.color;
    context.fillRect(tagX, tagY, tagWidth, tagHeight);
    context.fillStyle = '#fff';
    context.fillText(by.names, tagX + padding, tagY + tagHeight / 2);
  }
  return count;
}

function drawNames(context: CanvasRenderingContext2D, visible: readonly OverviewStakeholder[], colours: OverviewColours, zoom: number): void {
  const fontPx = 11;
  context.font = `600 ${fontPx / zoom}px system-ui, sans-serif`;
  context.textBaseline = 'middle';
  for (const s of visible) {
    const widthOnScreen = s.box.width * zoom;
    if (widthOnScreen < NAME_MIN_WIDTH) continue;
    // Dark or light text, whichever the kind's fill reads against (the team's fill is dark, the others light).
    context.fillStyle = s.kind === 'team' ? colours.paper : colours.ink;
    const maxWidth = (widthOnScreen - 8) / zoom;
    // A marked stakeholder says so in words, as its node does: the mark is not its outline alone.
    const text = s.bottleneckRank === null ? s.name : `Bottleneck ${s.bottleneckRank}: ${s.name}`;
    context.fillText(text, s.box.x + 4 / zoom, s.box.y + s.box.height / 2, maxWidth);
  }
}

/** The stakeholder under a map point: the last drawn (topmost) whose box holds it; pass the selection first, as it is drawn on top. */
export function stakeholderAt<T extends { readonly box: Rect }>(stakeholders: readonly T[], point: { x: number; y: number }): T | null {
  for (let i = stakeholders.length - 1; i >= 0; i--) {
    const { box } = stakeholders[i]!;
    if (point.x >= box.x && point.x <= box.x + box.width && point.y >= box.y && point.y <= box.y + box.height) return stakeholders[i]!;
  }
  return null;
}
