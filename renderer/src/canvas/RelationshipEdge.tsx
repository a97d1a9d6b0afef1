import { BaseEdge, getStraightPath, useInternalNode, type EdgeProps, type InternalNode } from '@xyflow/react';
import { memo, useCallback } from 'react';
import { labelCentre, labelLeader } from '@shared/layout/label-placement';
import { lineHitArea } from '@shared/layout/line-hit-area';
import { heatStrokeWidth } from '@shared/domain/pain-heat';
import { theirDifferingStatus } from '@shared/domain/perception-gaps';
import { RELATIONSHIP_STATUS_LABELS } from '@shared/document/vocabulary';
import { segmentPath, splitLine } from '@shared/layout/split-line';
import { selectDocument, setSelection, useEditor, useUi } from '../store/editor-store';
import type { RelationshipFlowEdge, StakeholderFlowNode } from '../store/flow-elements';
import { floatingEdgeEnds, type NodeBox } from './floating-edge-geometry';
import { EdgeLabelPortal } from './EdgeLabelPortal';
import { observeLabel, useLabelPlacement } from './label-layout';
import { painHeatOf } from './pain-heat-weights';
import { STATUS_ICONS } from './icons';
import { PainPointBadge } from './PainPointBadge';
import { RELATIONSHIP_STYLES, themedStrokeWidth, type RelationshipStyle } from './relationship-styles';

function boxOf(node: InternalNode<StakeholderFlowNode>): NodeBox {
  return {
    x: node.internals.positionAbsolute.x,
    y: node.internals.positionAbsolute.y,
    width: node.measured.width ?? 0,
    height: node.measured.height ?? 0,
  };
}

function edgeName(source: InternalNode<StakeholderFlowNode>, target: InternalNode<StakeholderFlowNode>): string {
  return `${source.data.stakeholder.name} – ${target.data.stakeholder.name}`;
}

function RelationshipEdgeView({ id, source, target, data, selected }: EdgeProps<RelationshipFlowEdge>) {
  // Each edge subscribes to its two nodes only, so dragging one node redraws only its own relationships.
  const sourceNode = useInternalNode<StakeholderFlowNode>(source);
  const targetNode = useInternalNode<StakeholderFlowNode>(target);
  // Where along its line the label sits, so it covers no stakeholder and no other label (label-layout.ts).
  const placement = useLabelPlacement(id);
  const labelRef = useCallback((element: HTMLDivElement | null) => observeLabel(id, element), [id]);
  // Pain heat: this line's width by the weight of its pain points (null while heat is off).
  const heat = useUi((s) => s.painHeat);
  // Two numbers, so the selectors stay primitive and a line redraws only when its own weight changes.
  const heatWeight = useEditor((s) => {
    const doc = heat === 'off' ? null : selectDocument(s);
    return doc ? (painHeatOf(doc, heat as Exclude<typeof heat, 'off'>).weights.get(id) ?? 0) : 0;
  });
  const heaviest = useEditor((s) => {
    const doc = heat === 'off' ? null : selectDocument(s);
    return doc ? painHeatOf(doc, heat as Exclude<typeof heat, 'off'>).heaviest : 0;
  });
  if (!sourceNode || !targetNode || !data) return null;

  const { relationship, decoration } = data;
  const style = RELATIONSHIP_STYLES[relationship.status];
  const hasMark = STATUS_ICONS[relationship.status] !== null;
  const ends = floatingEdgeEnds(boxOf(sourceNode), boxOf(targetNode));
  const [path] = getStraightPath(ends);
  // Where the other side sees it differently, the line is split: the source's half in its status, the target's
  // half in theirs, bars across the cut (shared/layout/split-line.ts).
  const theirs = theirDifferingStatus(relationship);
  const split = theirs === null ? null : splitLine({ x: ends.sourceX, y: ends.sourceY }, { x: ends.targetX, y: ends.targetY });
  const theirStyle = theirs === null ? null : RELATIONSHIP_STYLES[theirs];
  const strokeWidthOf = (base: RelationshipStyle) =>
    heat === 'off' ? themedStrokeWidth(base) : `calc(${heatStrokeWidth(base.strokeWidth, heatWeight, heaviest)}px * var(--map-line-scale, 1))`;
  const { x: labelX, y: labelY } = labelCentre({ x: ends.sourceX, y: ends.sourceY }, { x: ends.targetX, y: ends.targetY }, placement);
  const leader = labelLeader({ x: ends.sourceX, y: ends.sourceY }, { x: ends.targetX, y: ends.targetY }, placement);
  const words = [style.showStatusWord ? style.label : '', relationship.label].filter(Boolean);
  const showLabel = words.length > 0 || hasMark || decoration.badge !== null || theirs !== null;
  const stateClass = `${decoration.dimmed ? ' is-dimmed' : ''}${decoration.highlighted ? ' is-highlighted' : ''}`;

  return (
    <>
      {/* A label moved aside to keep clear of stakeholders points back at its line. */}
      {showLabel && leader && <path d={`M ${leader.from.x} ${leader.from.y} L ${leader.to.x} ${leader.to.y}`} className={`relationship-leader${stateClass}`} />}
      {(selected || decoration.highlighted) && <path d={path} className={`relationship-edge__halo${decoration.highlighted ? ' is-highlight' : ''}`} />}
      <BaseEdge
        id={id}
        path={split ? segmentPath(split.ours) : path}
        // The pointer area is drawn below as a filled shape, not React Flow's wide transparent stroke.
        interactionWidth={0}
        className={`relationship-edge status-${relationship.status}${stateClass}`}
        style={{ stroke: style.color, strokeWidth: strokeWidthOf(style), strokeDasharray: style.dash, strokeLinecap: style.dash ? 'round' : 'butt' }}
      />
      {split && theirStyle && (
        <>
          <path
            d={segmentPath(split.theirs)}
            className={`relationship-edge relationship-edge__theirs status-${theirs}${stateClass}`}
            style={{ stroke: theirStyle.color, strokeWidth: strokeWidthOf(theirStyle), strokeDasharray: theirStyle.dash, strokeLinecap: theirStyle.dash ? 'round' : 'butt' }}
          />
          <path d={`${segmentPath(split.bars[0])} ${segmentPath(split.bars[1])}`} className={`relationship-edge__split${stateClass}`} />
        </>
      )}
      <path d={lineHitArea({ x: ends.sourceX, y: ends.sourceY }, { x: ends.targetX, y: ends.targetY }, 12)} className="relationship-edge__hit" />
      {showLabel && (
        <EdgeLabelPortal>
          {/* A pointer shortcut only: the relationship line is the focusable, named element (flow-elements.ts). */}
          {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions -- pointer shortcut; the line is the keyboard target */}
          <div
            ref={labelRef}
            // The full text as a tooltip too, should a very long label ever be wrapped past reading.
            title={words.join(': ') || undefined}
            className={`relationship-label status-${relationship.status}${selected ? ' is-selected' : ''}${stateClass} nodrag nopan`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            onClick={() => setSelection({ relationshipIds: [id] })}
          >
            {/* The line itself carries the accessible name (see flow-elements.ts); the words here repeat it. The
                status mark is a CSS background (styles/marks.css), so a label is one element plus its words. */}
            {hasMark && <span className="relationship-label__icon has-mark" aria-hidden="true" />}
            {style.showStatusWord && (
              <strong className="relationship-label__status" aria-hidden="true">
                {style.label}
              </strong>
            )}
            {relationship.label && (
              <span className="relationship-label__text" aria-hidden="true">
                {relationship.label}
              </span>
            )}
            {theirs !== null && (
              <span className="relationship-label__gap" aria-hidden="true" title={`${targetNode.data.stakeholder.name} sees it as ${RELATIONSHIP_STATUS_LABELS[theirs].toLowerCase()}`}>
                ≠ {RELATIONSHIP_STATUS_LABELS[theirs]}
              </span>
            )}
            {decoration.badge && (
              <PainPointBadge badge={decoration.badge} attachment={{ type: 'relationship', id }} itemName={`the relationship ${edgeName(sourceNode, targetNode)}`} />
            )}
          </div>
        </EdgeLabelPortal>
      )}
    </>
  );
}

/** Memoized, and drawn between node borders whatever the handles ("floating edges"). */
export const RelationshipEdge = memo(RelationshipEdgeView);
