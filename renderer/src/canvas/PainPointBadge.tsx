import type { MouseEvent } from 'react';
import type { Attachment } from '@shared/document/schema';
import { showBadgeList } from '../store/editor-store';
import type { BadgeSummary } from '../store/map-decorations';

/**
 * What a badge shows, on the map and in exports: one dot per category colour, the count, and a "!" when some
 * are unaddressed. Kept to a few elements because a large map draws one per stakeholder (see bench/README.md):
 * the count is a bare text node and the dots need no wrapper.
 */
export function BadgeMarks({ badge }: { badge: BadgeSummary }) {
  return (
    <>
      {badge.colors.map((color) => (
        <span key={color} className="pain-badge__color" style={{ background: color }} aria-hidden="true" />
      ))}
      {badge.count}
      {badge.unaddressed > 0 && (
        <span className="pain-badge__open" aria-hidden="true">
          !
        </span>
      )}
    </>
  );
}

export function badgeWords(badge: BadgeSummary): string {
  return `${badge.count} pain point${badge.count === 1 ? '' : 's'}`;
}

/**
 * The number of pain points on a stakeholder or relationship, with their category colours. Clicking it lists
 * them. "nodrag nopan" and stopping the click keep React Flow from treating it as a drag or a selection.
 */
export function PainPointBadge({ badge, attachment, itemName }: { badge: BadgeSummary; attachment: Attachment; itemName: string }) {
  const open = (event: MouseEvent<HTMLButtonElement>) => {
    event.stopPropagation();
    const rect = event.currentTarget.getBoundingClientRect();
    showBadgeList({ attachment, at: { x: rect.left, y: rect.bottom + 6 } });
  };
  const label = `${badgeWords(badge)} on ${itemName}` + (badge.unaddressed > 0 ? `, ${badge.unaddressed} unaddressed` : '');
  return (
    <button
      type="button"
      className={`pain-badge nodrag nopan${badge.unaddressed > 0 ? ' has-unaddressed' : ''}`}
      aria-label={label}
      title={label}
      onClick={open}
      onDoubleClick={(e) => e.stopPropagation()}
    >
      <BadgeMarks badge={badge} />
    </button>
  );
}
