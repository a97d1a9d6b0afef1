import { memo, type DragEvent, type KeyboardEvent } from 'react';
import type { Stakeholder } from '@shared/document/schema';
import { gridScoresOf, QUADRANTS, quadrantOf } from '@shared/domain/power-interest-grid';
import { BadgeMarks, badgeWords } from '../canvas/PainPointBadge';
import { KIND_ICONS, STATUS_ICONS } from '../canvas/icons';
import type { BadgeSummary } from '../store/map-decorations';
import type { StatusCounts } from './stakeholder-facts';

export const GRID_DRAG_TYPE = 'application/x-stakemap-stakeholder';

const KIND_WORDS = { team: 'Our team', department: 'Internal department', external: 'Outside party' } as const;

/**
 * One stakeholder on the grid (or in the tray): its name and kind, how many of its relationships are
 * problematic or strained (mark and number, never colour alone), and its pain point badge. A button: click
 * selects it (the inspector shows its scores), arrow keys move it one cell, and it can be dragged to a cell.
 */
export const GridCard = memo(function GridCard({
  stakeholder,
  statusCounts,
  badge,
  selected,
  onSelect,
  onNudge,
}: {
  stakeholder: Stakeholder;
  statusCounts: StatusCounts;
  badge: BadgeSummary | null;
  selected: boolean;
  onSelect: (id: string) => void;
  onNudge: (id: string, direction: 'up' | 'down' | 'left' | 'right') => void;
}) {
  const scores = gridScoresOf(stakeholder);
  const name = stakeholder.name.trim() || 'Unnamed stakeholder';
  const Icon = KIND_ICONS[stakeholder.kind];
  const where = scores
    ? `influence ${scores.influence}, interest ${scores.interest}, ${QUADRANTS[quadrantOf(scores)].name}`
    : `not scored${stakeholder.influence !== undefined ? `, influence ${stakeholder.influence}` : ''}${stakeholder.interest !== undefined ? `, interest ${stakeholder.interest}` : ''}`;
  const lines = [
    statusCounts.problematic ? `${statusCounts.problematic} problematic relationship${statusCounts.problematic === 1 ? '' : 's'}` : '',
    statusCounts.strained ? `${statusCounts.strained} strained` : '',
    badge ? badgeWords(badge) : '',
  ].filter(Boolean);
  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData(GRID_DRAG_TYPE, stakeholder.id);
    event.dataTransfer.setData('text/plain', name);
    event.dataTransfer.effectAllowed = 'move';
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const direction = ({ ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' } as const)[event.key as 'ArrowUp'];
    if (!direction || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    onNudge(stakeholder.id, direction);
  };
  const Problem = STATUS_ICONS.problematic!;
  const Strain = STATUS_ICONS.strained!;
  return (
    <button
      type="button"
      className={`grid-card kind-${stakeholder.kind}${selected ? ' is-selected' : ''}`}
      draggable
      aria-pressed={selected}
      aria-label={`${name}: ${where}${lines.length ? `; ${lines.join(', ')}` : ''}`}
      title={`${name} (${KIND_WORDS[stakeholder.kind]}). Drag to a cell, or use the arrow keys, to change its scores.`}
      onClick={() => onSelect(stakeholder.id)}
      onKeyDown={onKeyDown}
      onDragStart={onDragStart}
      data-stakeholder-id={stakeholder.id}
    >
      <Icon size={14} aria-hidden="true" className="grid-card__icon" />
      <span className="grid-card__name">{name}</span>
      {(statusCounts.problematic > 0 || statusCounts.strained > 0 || badge) && (
        <span className="grid-card__facts" aria-hidden="true">
          {statusCounts.problematic > 0 && (
            <span className="grid-card__status status-problematic">
              <Problem size={12} strokeWidth={2.5} />
              {statusCounts.problematic}
            </span>
          )}
          {statusCounts.strained > 0 && (
            <span className="grid-card__status status-strained">
              <Strain size={12} strokeWidth={2.5} />
              {statusCounts.strained}
            </span>
          )}
          {badge && (
            <span className={`pain-badge${badge.unaddressed > 0 ? ' has-unaddressed' : ''}`}>
              <BadgeMarks badge={badge} />
            </span>
          )}
        </span>
      )}
    </button>
  );
});
