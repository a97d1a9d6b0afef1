import type { RelationshipStatus } from '@shared/document/format';
import { RELATIONSHIP_STATUS_LABELS } from '@shared/document/vocabulary';

/**
 * How each relationship status is drawn. Status is never told by colour alone: the line pattern, the width,
 * a mark and (for strained and problematic) a word on the line all differ, and the legend explains them.
 */
export interface RelationshipStyle {
  readonly label: string;
  readonly description: string;
  /**
   * The line's colour, as the theme's custom property (styles/themes.css): each theme has its own, and exports
   * always take the light one. Works in a style and in an SVG presentation attribute alike.
   */
  readonly color: string;
  readonly strokeWidth: number;
  /** SVG stroke-dasharray; undefined draws a solid line. */
  readonly dash: string | undefined;
  /** Whether the status word is printed on the line even when the relationship has its own label. */
  readonly showStatusWord: boolean;
}

export const RELATIONSHIP_STYLES: Record<RelationshipStatus, RelationshipStyle> = {
  healthy: {
    label: RELATIONSHIP_STATUS_LABELS.healthy,
    description: 'thick solid line, tick: works well',
    color: 'var(--status-healthy)',
    strokeWidth: 3,
    dash: undefined,
    showStatusWord: false,
  },
  neutral: {
    label: RELATIONSHIP_STATUS_LABELS.neutral,
    description: 'thin solid line',
    color: 'var(--status-neutral)',
    strokeWidth: 1.75,
    dash: undefined,
    showStatusWord: false,
  },
  strained: {
    label: RELATIONSHIP_STATUS_LABELS.strained,
    description: 'dotted line, marked on the line',
    color: 'var(--status-strained)',
    strokeWidth: 2.75,
    dash: '1 7',
    showStatusWord: true,
  },
  problematic: {
    label: RELATIONSHIP_STATUS_LABELS.problematic,
    description: 'thick dashed line, warning sign, marked on the line',
    color: 'var(--status-problematic)',
    strokeWidth: 3.5,
    dash: '12 7',
    showStatusWord: true,
  },
};

/**
 * The line width as drawn on screen: the style's width times the theme's line scale (thicker in the high-contrast
 * theme; exports keep 1, see styles/themes.css).
 */
export function themedStrokeWidth(style: RelationshipStyle): string {
  return `calc(${style.strokeWidth}px * var(--map-line-scale, 1))`;
}
