import { useSelectedByKey } from '../live/PresenceLayer';
import { Handle, Position, useUpdateNodeInternals, type NodeProps } from '@xyflow/react';
import { memo, useEffect, useState } from 'react';
import type { CSSProperties } from 'react';
import { STAKEHOLDER_KIND_LABELS } from '@shared/document/vocabulary';
import { selectDocument, useEditor, useUi } from '../store/editor-store';
import { bottleneckRanks } from './bottleneck-ranks';
import type { StakeholderFlowNode } from '../store/flow-elements';
import { PainPointBadge } from './PainPointBadge';
import { RenameField } from './RenameField';

const SIDE_HANDLES = [Position.Top, Position.Right, Position.Bottom, Position.Left] as const;

/**
 * Why the connection dots appear only on the node under the pointer (or selected): every React Flow handle is a
 * component with its own store subscriptions, measured with getBoundingClientRect. Four on each of a thousand
 * nodes made opening and dragging a large map measurably slower (bench/README.md). One invisible anchor stays,
 * because React Flow draws an edge only between nodes that have a handle; our lines float between borders
 * anyway (floating-edge-geometry.ts), so where it sits does not matter.
 */
function StakeholderNodeView({ id, data, selected }: NodeProps<StakeholderFlowNode>) {
  const { stakeholder, decoration } = data;
  // A boolean selector: only the node being renamed re-renders when renaming starts or stops.
  const renaming = useEditor((s) => s.renamingId === id);
  const [pointerOver, setPointerOver] = useState(false);
  const showDots = pointerOver || selected;
  const updateNodeInternals = useUpdateNodeInternals();
  // New dots must be measured before a connection can start from them.
  useEffect(() => {
    if (showDots) updateNodeInternals(id);
  }, [showDots, id, updateNodeInternals]);
  const name = stakeholder.name || 'Unnamed stakeholder';
  // In a live session: who else has this stakeholder selected (a string, so only their nodes re-render).
  const selectedBy = useSelectedByKey(id);
  // "Mark bridges and bottlenecks": this stakeholder's place in the ranking's top, if it is there (a number, so
  // only the marked nodes re-render).
  const markBottlenecks = useUi((s) => s.markBottlenecks);
  const bottleneckRank = useEditor((s) => {
    const doc = markBottlenecks ? selectDocument(s) : null;
    return doc ? (bottleneckRanks(doc).get(id)?.rank ?? null) : null;
  });

  return (
    <div
      className={`stakeholder-node kind-${stakeholder.kind}${selected ? ' is-selected' : ''}${decoration.highlighted ? ' is-highlighted' : ''}${stakeholder.pinned ? ' is-pinned' : ''}${selectedBy ? ' is-selected-by-others' : ''}`}
      style={selectedBy ? ({ '--presence-color': selectedBy.split('\u0001')[1] } as CSSProperties) : undefined}
      onPointerEnter={() => setPointerOver(true)}
      onPointerLeave={() => setPointerOver(false)}
    >
      <Handle id="anchor" type="source" position={Position.Top} className="stakeholder-node__anchor" isConnectable={false} isConnectableStart={false} isConnectableEnd={false} />
      {/* Pinned (Tidy layout leaves it where it is): the inspector says so in words; styles/pinned.css. */}
      {stakeholder.pinned && <span className="stakeholder-node__pin" title="Pinned: Tidy layout leaves it where it is" aria-hidden="true" />}
      {showDots &&
        SIDE_HANDLES.map((side) => (
          // Loose connection mode: every dot can start or end a relationship. The dots are a pointer affordance (a
          // role-less div may not carry a label, axe aria-prohibited-attr), so assistive technology skips them.
          <Handle key={side} id={side} type="source" position={side} className="stakeholder-node__handle" title={`Drag to connect ${name}`} aria-hidden="true" />
        ))}
      {/* The kind's mark is a CSS background (styles/marks.css): no SVG tree per node. */}
      <span className="stakeholder-node__icon has-mark" aria-hidden="true" />
      <span className="stakeholder-node__text">
        {renaming ? <RenameField id={id} name={stakeholder.name} /> : <span className="stakeholder-node__name">{name}</span>}
        <span className="stakeholder-node__kind">{STAKEHOLDER_KIND_LABELS[stakeholder.kind]}</span>
      </span>
      {selectedBy && (
        <span className="stakeholder-node__presence" style={{ background: selectedBy.split('\u0001')[1] }}>
          {selectedBy.split('\u0001')[0]}
        </span>
      )}
      {bottleneckRank !== null && (
        <span className="stakeholder-node__bottleneck" title="Many routes between other stakeholders pass through it (Grid view: Bridges and bottlenecks)">
          Bottleneck {bottleneckRank}
        </span>
      )}
      {decoration.badge && <PainPointBadge badge={decoration.badge} attachment={{ type: 'stakeholder', id }} itemName={name} />}
    </div>
  );
}

/** Memoized: React Flow re-renders a node only when its node object changes (see flow-elements.ts). */
export const StakeholderNode = memo(StakeholderNodeView);
