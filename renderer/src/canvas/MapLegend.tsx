import { ChevronDown, ChevronUp, Flame } from 'lucide-react';
import { memo } from 'react';
import type { PainHeatMode } from '@shared/domain/pain-heat';
import { toggleLegend } from '../commands/preference-commands';
import { usePreferences } from '../store/preferences-store';
import { setMarkBottlenecks, setPainHeat, useUi } from '../store/editor-store';
import { Legend } from './Legend';
import { PainHeatLegend } from './PainHeatLegend';
import { PerceptionGapsLegend, usePerceptionGaps } from './PerceptionGapsLegend';

/**
 * The legend as it floats on the map: a "Legend" button that folds it away to free the corner on a small
 * projector, and opens it again (its state is exposed as aria-expanded, remembered for next time, and View > Legend does the same).
 * Memoized (it has no props): the map canvas re-renders on every drag move and selection, and the legend's icons
 * and line samples must not be drawn again with it (bench: drag and click → inspector).
 */
export const MapLegend = memo(function MapLegend() {
  // A display preference, remembered between runs (preference-commands.ts), not part of the workspace.
  const expanded = usePreferences((s) => s.preferences.legendExpanded);
  const painHeat = useUi((s) => s.painHeat);
  const markBottlenecks = useUi((s) => s.markBottlenecks);
  const gaps = usePerceptionGaps();
  return (
    <div className={`map-legend${expanded ? ' is-expanded' : ''}`} data-map-overlay="legend">
      <button type="button" id="map-legend-toggle" className="map-legend__toggle" aria-expanded={expanded} aria-controls="map-legend-body" onClick={toggleLegend}>
        Legend
        {expanded ? <ChevronDown size={15} aria-hidden="true" /> : <ChevronUp size={15} aria-hidden="true" />}
      </button>
      <div id="map-legend-body" hidden={!expanded}>
        <Legend labelledBy="map-legend-toggle" compact showSplit={gaps.length > 0} />
        <label className="pain-heat-control" title="Draw relationship lines by the weight of their pain points">
          <Flame size={14} aria-hidden="true" /> Pain heat
          <select value={painHeat} onChange={(e) => setPainHeat(e.target.value as PainHeatMode)}>
            <option value="off">Off</option>
            <option value="painPoints">By pain points</option>
            <option value="votes">By votes</option>
          </select>
        </label>
        {painHeat !== 'off' && <PainHeatLegend by={painHeat} />}
        {gaps.length > 0 && <PerceptionGapsLegend gaps={gaps} />}
        <label className="pain-heat-control">
          <input type="checkbox" checked={markBottlenecks} onChange={(e) => setMarkBottlenecks(e.target.checked)} /> Mark bridges and bottlenecks
        </label>
      </div>
    </div>
  );
});
