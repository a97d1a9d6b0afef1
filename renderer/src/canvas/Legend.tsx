import { RELATIONSHIP_STATUSES, STAKEHOLDER_KINDS } from '@shared/document/format';
import { STAKEHOLDER_KIND_LABELS } from '@shared/document/vocabulary';
import { KIND_ICONS, STATUS_ICONS } from './icons';
import { RELATIONSHIP_STYLES, themedStrokeWidth } from './relationship-styles';

/** Explains every line style and node shape, so the map reads without colour and without a facilitator. */
export function Legend({
  headingId = 'legend-heading',
  labelledBy,
  compact = false,
  showSplit = false,
}: {
  headingId?: string;
  labelledBy?: string;
  compact?: boolean;
  /** Explain the split line too: the map has relationships whose two sides see them differently. */
  showSplit?: boolean;
}) {
  return (
    // In exports the legend has its own heading; on the map, the button that folds it names it (labelledBy).
    <section className="legend" aria-labelledby={labelledBy ?? headingId}>
      {!labelledBy && <h2 id={headingId}>Legend</h2>}
      <ul className="legend__list">
        {RELATIONSHIP_STATUSES.map((status) => {
          const style = RELATIONSHIP_STYLES[status];
          const Icon = STATUS_ICONS[status];
          return (
            <li key={status} className="legend__item">
              <svg className="legend__line" width="46" height="14" aria-hidden="true">
                <line x1="3" y1="7" x2="43" y2="7" stroke={style.color} strokeWidth={themedStrokeWidth(style)} strokeDasharray={style.dash} strokeLinecap={style.dash ? 'round' : 'butt'} />
              </svg>
              <span className="legend__mark" aria-hidden="true">
                {Icon && <Icon size={14} strokeWidth={2.5} color={style.color} />}
              </span>
              {/* On the map (compact) the line sample and its name explain it; the words stay for screen readers. */}
              <span>
                <strong>{style.label}</strong>
                <span className={compact ? 'visually-hidden' : undefined}>: {style.description}</span>
              </span>
            </li>
          );
        })}
        {showSplit && (
          <li className="legend__item">
            <svg className="legend__line" width="46" height="14" aria-hidden="true">
              <line x1="3" y1="7" x2="19" y2="7" stroke={RELATIONSHIP_STYLES.problematic.color} strokeWidth={themedStrokeWidth(RELATIONSHIP_STYLES.problematic)} strokeDasharray={RELATIONSHIP_STYLES.problematic.dash} strokeLinecap="round" />
              <line x1="27" y1="7" x2="43" y2="7" stroke={RELATIONSHIP_STYLES.healthy.color} strokeWidth={themedStrokeWidth(RELATIONSHIP_STYLES.healthy)} />
              <path d="M 20 1 L 20 13 M 26 1 L 26 13" className="relationship-edge__split" />
            </svg>
            <span className="legend__mark" aria-hidden="true">
              ≠
            </span>
            <span>
              <strong>Split line</strong>
              <span className={compact ? 'visually-hidden' : undefined}>: the two sides see it differently; the half nearer each side is its view</span>
            </span>
          </li>
        )}
      </ul>
      <ul className="legend__list">
        {STAKEHOLDER_KINDS.map((kind) => {
          const Icon = KIND_ICONS[kind];
          return (
            <li key={kind} className="legend__item">
              <span className={`legend__node kind-${kind}`} aria-hidden="true">
                <Icon size={13} strokeWidth={2.5} />
              </span>
              <span>{STAKEHOLDER_KIND_LABELS[kind]}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
