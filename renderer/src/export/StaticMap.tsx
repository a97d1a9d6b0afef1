import { useLayoutEffect, useRef, useState } from 'react';
import type { WorkspaceDocument } from '@shared/document/schema';
import { LABEL_PRIORITY, labelCentre, labelLeader, MIDPOINT, placeLabels, type LabelPlacement } from '@shared/layout/label-placement';
import { NO_FILTER } from '@shared/domain/map-filter';
import { RELATIONSHIP_STATUS_LABELS, STAKEHOLDER_KIND_LABELS } from '@shared/document/vocabulary';
import { theirDifferingStatus } from '@shared/domain/perception-gaps';
import type { Point } from '@shared/layout/geometry';
import { segmentPath, splitLine } from '@shared/layout/split-line';
import { KIND_ICONS, STATUS_ICONS } from '../canvas/icons';
import { RELATIONSHIP_STYLES, type RelationshipStyle } from '../canvas/relationship-styles';
import { BadgeMarks, badgeWords } from '../canvas/PainPointBadge';
import { mapDecorations, type BadgeSummary } from '../store/map-decorations';
import { CHANGE_MARK_LABELS, type ChangeMark, type ChangeMarks } from '@shared/domain/workspace-diff';
import type { MapLayout } from './map-layout';

/**
 * The whole map drawn once, without React Flow: the same node and line styles as the editor, at fixed
 * positions, for the PNG and the first page of the PDF. Plain HTML and SVG, so the PDF keeps vectors and
 * selectable text, and text from the workspace is only ever text (React escapes it).
 */
export function StaticMap({ doc, layout, marks }: { doc: WorkspaceDocument; layout: MapLayout; marks?: ChangeMarks }) {
  const decorations = mapDecorations(doc, NO_FILTER, null);
  const [mapRef, placementOf] = useLabelPlacements(layout);
  return (
    <div className="static-map" ref={mapRef} style={{ width: layout.width, height: layout.height }}>
      <svg className="static-map__lines" width={layout.width} height={layout.height} aria-hidden="true">
        {layout.edges.map(({ relationship, from, to }) => {
          const leader = labelLeader(from, to, placementOf(relationship.id));
          return leader && <line key={`leader-${relationship.id}`} className="relationship-leader" x1={leader.from.x} y1={leader.from.y} x2={leader.to.x} y2={leader.to.y} />;
        })}
        {layout.edges.map(({ relationship, from, to }) => {
          const style = RELATIONSHIP_STYLES[relationship.status];
          const theirs = theirDifferingStatus(relationship);
          const mark = marks?.relationships.get(relationship.id);
          if (mark) {
            return (
              <g key={relationship.id} className={`static-map__change change-${mark}`}>
                <StaticLine from={from} to={to} style={style} />
              </g>
            );
          }
          if (theirs === null) return <StaticLine key={relationship.id} from={from} to={to} style={style} />;
          // The two sides see it differently: drawn split, as on the map (RelationshipEdge.tsx).
          const split = splitLine(from, to);
          return (
            <g key={relationship.id} className="static-map__split">
              <StaticLine from={split.ours.from} to={split.ours.to} style={style} />
              <StaticLine from={split.theirs.from} to={split.theirs.to} style={RELATIONSHIP_STYLES[theirs]} />
              <path d={`${segmentPath(split.bars[0])} ${segmentPath(split.bars[1])}`} className="relationship-edge__split" />
            </g>
          );
        })}
      </svg>
      {layout.edges.map(({ relationship, from, to }) => {
        const style = RELATIONSHIP_STYLES[relationship.status];
        const Icon = STATUS_ICONS[relationship.status];
        const badge = decorations.relationships.get(relationship.id)?.badge ?? null;
        const theirs = theirDifferingStatus(relationship);
        const mark = marks?.relationships.get(relationship.id);
        if (!style.showStatusWord && !relationship.label && !Icon && !badge && theirs === null && !mark) return null;
        const centre = labelCentre(from, to, placementOf(relationship.id));
        return (
          <div
            key={relationship.id}
            data-relationship-id={relationship.id}
            className={`relationship-label static-map__label status-${relationship.status}`}
            style={{ left: centre.x, top: centre.y }}
          >
            <span className="relationship-label__words">
              {Icon && <Icon size={15} strokeWidth={2.5} className="relationship-label__icon" aria-hidden="true" />}
              {style.showStatusWord && <strong className="relationship-label__status">{style.label}</strong>}
              {relationship.label && <span className="relationship-label__text">{relationship.label}</span>}
              {theirs !== null && <span className="relationship-label__gap">≠ {RELATIONSHIP_STATUS_LABELS[theirs]}</span>}
            </span>
            {mark && <ChangeBadge mark={mark} />}
            {badge && <StaticBadge badge={badge} />}
          </div>
        );
      })}
      {layout.nodes.map(({ stakeholder, box }) => {
        const Icon = KIND_ICONS[stakeholder.kind];
        const badge = decorations.stakeholders.get(stakeholder.id)?.badge ?? null;
        const nodeMark = marks?.stakeholders.get(stakeholder.id);
        return (
          <div
            key={stakeholder.id}
            className={`stakeholder-node static-map__node kind-${stakeholder.kind}${nodeMark ? ` static-map__change change-${nodeMark}` : ''}`}
            // The measured size, with a little slack: text drawn into an image can come out a hair wider than on
            // screen, and a name must wrap the same way rather than lose its last letters.
            style={{ left: box.x, top: box.y, width: box.width + 4, minHeight: box.height }}
          >
            <span className="stakeholder-node__icon" aria-hidden="true">
              <Icon size={20} strokeWidth={2.25} />
            </span>
            <span className="stakeholder-node__text">
              <span className="stakeholder-node__name">{stakeholder.name || 'Unnamed stakeholder'}</span>
              <span className="stakeholder-node__kind">{STAKEHOLDER_KIND_LABELS[stakeholder.kind]}</span>
            </span>
            {badge && <StaticBadge badge={badge} />}
            {nodeMark && <ChangeBadge mark={nodeMark} />}
          </div>
        );
      })}
    </div>
  );
}

/**
 * The labels placed as on the map (shared/layout/label-placement.ts), so no label covers a stakeholder or another
 * label in the picture either. They are drawn at their lines' midpoints first, measured, then placed, all before
 * the browser paints (a layout effect), so the export never sees the first arrangement.
 */
function useLabelPlacements(layout: MapLayout) {
  const ref = useRef<HTMLDivElement>(null);
  const [placements, setPlacements] = useState<{ layout: MapLayout; byId: Map<string, LabelPlacement> } | null>(null);
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root || placements?.layout === layout) return;
    const edges = new Map(layout.edges.map((e) => [e.relationship.id, e]));
    const requests = [...root.querySelectorAll<HTMLElement>('[data-relationship-id]')].flatMap((element) => {
      const edge = edges.get(element.dataset.relationshipId ?? '');
      if (!edge) return [];
      return [{ id: edge.relationship.id, from: edge.from, to: edge.to, width: element.offsetWidth, height: element.offsetHeight, priority: LABEL_PRIORITY[edge.relationship.status] }];
    });
    const bounds = { x: 0, y: 0, width: layout.width, height: layout.height };
    setPlacements({ layout, byId: placeLabels(requests, layout.nodes.map((n) => n.box), { bounds }) });
  }, [layout, placements]);
  const byId = placements?.layout === layout ? placements.byId : null;
  const placementOf = (id: string) => byId?.get(id) ?? MIDPOINT;
  return [ref, placementOf] as const;
}

/** The pain point badge as in the editor, but not a button. */
function StaticBadge({ badge }: { badge: BadgeSummary }) {
  const words = `${badgeWords(badge)}${badge.unaddressed ? `, ${badge.unaddressed} unaddressed` : ''}`;
  return (
    <span className={`pain-badge${badge.unaddressed > 0 ? ' has-unaddressed' : ''}`} title={words}>
      <BadgeMarks badge={badge} />
    </span>
  );
}

/** One relationship line (or one side's half of it) in a status's style. */
function StaticLine({ from, to, style }: { from: Point; to: Point; style: RelationshipStyle }) {
  return (
    <line
      x1={from.x}
      y1={from.y}
      x2={to.x}
      y2={to.y}
      stroke={style.color}
      strokeWidth={style.strokeWidth}
      strokeDasharray={style.dash}
      strokeLinecap={style.dash ? 'round' : 'butt'}
    />
  );
}

const CHANGE_SIGNS: Readonly<Record<ChangeMark, string>> = { added: '+', removed: '−', changed: '~', improved: '↑', worsened: '↓' };

/** How an item changed in a comparison, in a word and a sign (never by colour alone). */
function ChangeBadge({ mark }: { mark: ChangeMark }) {
  return (
    <span className={`change-badge change-badge--${mark}`}>
      <span aria-hidden="true">{CHANGE_SIGNS[mark]}</span> {CHANGE_MARK_LABELS[mark]}
    </span>
  );
}
