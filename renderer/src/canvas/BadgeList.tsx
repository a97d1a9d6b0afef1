import { Plus } from 'lucide-react';
import { useCallback, useMemo } from 'react';
import { describeAttachment } from '@shared/domain/pain-point-index';
import { unaddressedPainPointIds } from '@shared/domain/unaddressed';
import { voteTotals } from '@shared/domain/votes';
import { sameAttachment } from '@shared/operations/pain-points';
import { addPainPointTo } from '../commands/pain-point-commands';
import { openItem, showBadgeList, useEditor, selectDocument, useUi } from '../store/editor-store';
import { PainPointFacts } from '../panels/PainPointFacts';
import { FloatingLayer } from './FloatingLayer';

/** The pain points behind a badge on the map: each opens in the inspector. */
export function BadgeList() {
  const list = useUi((s) => s.badgeList);
  const doc = useEditor((s) => (list ? selectDocument(s) : null));
  const close = useCallback(() => showBadgeList(null), []);
  const rows = useMemo(() => {
    if (!list || !doc) return [];
    const unaddressed = unaddressedPainPointIds(doc);
    const totals = voteTotals(doc);
    const colors = new Map(doc.categories.map((c) => [c.id, c]));
    return doc.painPoints
      .filter((p) => p.attachedTo.some((a) => sameAttachment(a, list.attachment)))
      .map((p) => ({ painPoint: p, category: colors.get(p.categoryId), unaddressed: unaddressed.has(p.id), votes: totals.get(p.id) ?? 0 }));
  }, [list, doc]);
  if (!list || !doc) return null;
  const name = describeAttachment(doc, list.attachment);

  return (
    <FloatingLayer at={list.at} onClose={close} className="badge-list" role="dialog" aria-label={`Pain points on ${name}`}>
      <h2 className="badge-list__heading">{name}</h2>
      <ul className="badge-list__items">
        {rows.map(({ painPoint, category, unaddressed, votes }) => (
          <li key={painPoint.id}>
            <button
              type="button"
              className="badge-list__item"
              style={{ borderLeftColor: category?.color ?? 'var(--line)' }}
              onClick={() => {
                close();
                openItem({ type: 'painPoint', id: painPoint.id });
              }}
            >
              <span className="badge-list__title">{painPoint.title || 'Untitled pain point'}</span>
              <span className="badge-list__meta">
                <PainPointFacts painPoint={painPoint} category={category} unaddressed={unaddressed} votes={votes} />
              </span>
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button badge-list__add"
        onClick={() => {
          close();
          addPainPointTo([list.attachment]);
        }}
      >
        <Plus size={15} aria-hidden="true" /> Add pain point here
      </button>
    </FloatingLayer>
  );
}
