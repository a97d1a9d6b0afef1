import type { RelationshipStatus } from '@shared/document/format';
import { RELATIONSHIP_STATUS_LABELS } from '@shared/document/vocabulary';

/**
 * How each relationship status is drawn. Status is never told by colour alone: the line pattern, the width,
 * a mark and (for strained and problematic) a word on the line all differ, and the legend explains them.
 */
export interface RelationshipStyle {
  readonly label: string;
  readonly description: string;
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
    color: '#2b8a3e',
    strokeWidth: 3,
    dash: undefined,
    showStatusWord: false,
  },
  neutral: {
    label: RELATIONSHIP_STATUS_LABELS.neutral,
    description: 'thin solid line',
    color: '#5c6773',
    strokeWidth: 1.75,
    dash: undefined,
    showStatusWord: false,
  },
  strained: {
    label: RELATIONSHIP_STATUS_LABELS.strained,
    description: 'dotted line, marked on the line',
    color: '#b35c00',
    strokeWidth: 2.75,
    dash: '1 7',
    showStatusWord: true,
  },
  problematic: {
    label: RELATIONSHIP_STATUS_LABELS.problematic,
    description: 'thick dashed line, warning sign, marked on the line',
    color: '#c92a2a',
    strokeWidth: 3.5,
    dash: '12 7',
    showStatusWord: true,
  },
};
