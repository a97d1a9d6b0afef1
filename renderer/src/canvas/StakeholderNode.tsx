import { Handle, Position, type NodeProps } from '@xyflow/react';
import { Building2, Globe, Users, type LucideIcon } from 'lucide-react';
import { memo } from 'react';
import type { StakeholderKind } from '@shared/document/format';
import { KIND_LABELS } from '@shared/domain/typical-functions';
import { useEditor } from '../store/editor-store';
import type { StakeholderFlowNode } from '../store/flow-elements';
import { PainPointBadge } from './PainPointBadge';
import { RenameField } from './RenameField';

/** Kind is shown by icon, border and shape, and in words, never by colour alone. */
export const KIND_ICONS: Record<StakeholderKind, LucideIcon> = {
  team: Users,
  department: Building2,
  external: Globe,
};

const HANDLE_SIDES = [Position.Top, Position.Right, Position.Bottom, Position.Left] as const;

function StakeholderNodeView({ id, data, selected }: NodeProps<StakeholderFlowNode>) {
  const { stakeholder, decoration } = data;
  // A boolean selector: only the node being renamed re-renders when renaming starts or stops.
  const renaming = useEditor((s) => s.renamingId === id);
  const Icon = KIND_ICONS[stakeholder.kind];
  return (
    <div className={`stakeholder-node kind-${stakeholder.kind}${selected ? ' is-selected' : ''}${decoration.highlighted ? ' is-highlighted' : ''}`}>
      {HANDLE_SIDES.map((side) => (
        // Loose connection mode: every handle can start or end a relationship.
        <Handle key={side} id={side} type="source" position={side} className="stakeholder-node__handle" aria-label={`Connect ${stakeholder.name}`} />
      ))}
      <span className="stakeholder-node__icon" aria-hidden="true">
        <Icon size={20} strokeWidth={2.25} />
      </span>
      <span className="stakeholder-node__text">
        {renaming ? (
          <RenameField id={id} name={stakeholder.name} />
        ) : (
          <span className="stakeholder-node__name">{stakeholder.name || 'Unnamed stakeholder'}</span>
        )}
        <span className="stakeholder-node__kind">{KIND_LABELS[stakeholder.kind]}</span>
      </span>
      {decoration.badge && (
        <PainPointBadge badge={decoration.badge} attachment={{ type: 'stakeholder', id }} itemName={stakeholder.name || 'Unnamed stakeholder'} />
      )}
    </div>
  );
}

/** Memoized: React Flow re-renders a node only when its node object changes (see flow-elements.ts). */
export const StakeholderNode = memo(StakeholderNodeView);
