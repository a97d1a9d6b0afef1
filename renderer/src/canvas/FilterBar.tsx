import { CircleAlert, Filter, MessageSquareWarning, TriangleAlert, X, type LucideIcon } from 'lucide-react';
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { describeFilter, isFilterActive, type MapFilter } from '@shared/domain/map-filter';
import { CategoryFilter } from '../panels/CategoryFilter';
import { clearFilter, setFilter, useEditor, selectDocument } from '../store/editor-store';

type ToggleKey = 'problematicOnly' | 'withPainPoints' | 'unaddressedOnly';

const TOGGLES: ReadonlyArray<{ key: ToggleKey; label: string; Icon: LucideIcon; title: string }> = [
  { key: 'problematicOnly', label: 'Problematic only', Icon: TriangleAlert, title: 'Show only problematic relationships and the stakeholders they touch' },
  { key: 'withPainPoints', label: 'With pain points', Icon: MessageSquareWarning, title: 'Show only stakeholders and relationships with pain points' },
  { key: 'unaddressedOnly', label: 'Unaddressed', Icon: CircleAlert, title: 'Show only items with pain points no live solution addresses' },
];

/**
 * The map's filters. Filtered-out items are dimmed, never removed; whenever a filter is on, the bar says what
 * it shows and offers to clear it in one click. Memoized (it has no props): the map canvas re-renders on every
 * drag move and selection, and the bar must not re-render with it (bench: drag and click → inspector).
 */
export const FilterBar = memo(function FilterBar() {
  const filter = useEditor((s) => s.filter);
  const categories = useEditor(useShallow((s) => selectDocument(s)?.categories ?? []));
  const description = useEditor(
    useShallow((s) => {
      const doc = selectDocument(s);
      return doc ? describeFilter(s.filter, doc) : [];
    }),
  );
  const active = isFilterActive(filter);
  const update = (patch: Partial<MapFilter>) => setFilter({ ...filter, ...patch });

  return (
    <div className={`filter-bar${active ? ' is-active' : ''}`} role="group" aria-label="Map filters">
      <Filter size={16} aria-hidden="true" className="filter-bar__icon" />
      {TOGGLES.map(({ key, label, Icon, title }) => (
        <button key={key} type="button" className="filter-bar__toggle" aria-pressed={filter[key]} title={title} onClick={() => update({ [key]: !filter[key] })}>
          <Icon size={15} aria-hidden="true" /> {label}
        </button>
      ))}
      <CategoryFilter categories={categories} chosen={filter.categoryIds} onChange={(categoryIds) => update({ categoryIds })} />
      {active && (
        <>
          <span className="filter-bar__summary" role="status">
            Showing: {description.join(' · ')}
          </span>
          <button type="button" className="filter-bar__clear" onClick={clearFilter}>
            <X size={15} aria-hidden="true" /> Clear filter
          </button>
        </>
      )}
    </div>
  );
});
