import { Plus } from 'lucide-react';
import { useMemo } from 'react';
import type { Attachment, PainPoint } from '@shared/document/schema';
import { unaddressedPainPointIds } from '@shared/domain/unaddressed';
import { voteTotals } from '@shared/domain/votes';
import { sameAttachment } from '@shared/operations/pain-points';
import { addPainPointTo } from '../commands/pain-point-commands';
import { openItem, useDocument } from '../store/editor-store';
import { PainPointFacts } from './PainPointFacts';

/**
 * The pain points of one stakeholder or relationship (or, for `null`, the workspace-wide ones) with a button
 * to add one there. Each row opens its pain point.
 */
export function PainPointsSection({ attachment, heading }: { attachment: Attachment | null; heading: string }) {
  // One panel, not one per node: reading the whole document here costs little.
  const doc = useDocument();
  const rows = useMemo(() => {
    if (!doc) return [];
    const unaddressed = unaddressedPainPointIds(doc);
    const totals = voteTotals(doc);
    const byId = new Map(doc.categories.map((c) => [c.id, c]));
    const belongs = (p: PainPoint) => (attachment ? p.attachedTo.some((a) => sameAttachment(a, attachment)) : p.attachedTo.length === 0);
    return doc.painPoints.filter(belongs).map((p) => ({ painPoint: p, category: byId.get(p.categoryId), unaddressed: unaddressed.has(p.id), votes: totals.get(p.id) ?? 0 }));
  }, [doc, attachment]);

  return (
    <section className="field pain-points-section" aria-label={heading}>
      <h3 className="field__label">
        {heading} ({rows.length})
      </h3>
      {rows.length > 0 && (
        <ul className="pain-point-rows">
          {rows.map(({ painPoint, category, unaddressed, votes }) => (
            <li key={painPoint.id}>
              <button
                type="button"
                className="pain-point-row"
                style={{ borderLeftColor: category?.color ?? 'var(--line)' }}
                onClick={() => openItem({ type: 'painPoint', id: painPoint.id })}
              >
                <span className="pain-point-row__title">{painPoint.title || 'Untitled pain point'}</span>
                <span className="pain-point-row__meta">
                  <PainPointFacts painPoint={painPoint} category={category} unaddressed={unaddressed} votes={votes} />
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button button--small" onClick={() => addPainPointTo(attachment ? [attachment] : [])} title="Add pain point (P)">
        <Plus size={15} aria-hidden="true" /> Add pain point
      </button>
    </section>
  );
}
