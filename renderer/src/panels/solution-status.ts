import { CircleCheckBig, CircleDashed, CircleX, Handshake, Lightbulb, type LucideIcon } from 'lucide-react';
import type { SolutionStatus } from '@shared/document/format';
import { SOLUTION_STATUS_LABELS } from '@shared/document/vocabulary';

/**
 * How each solution status is named and marked (a word and an icon, never colour alone). The words are the ones
 * the exports use (shared/document/vocabulary.ts).
 */
export const SOLUTION_STATUS_INFO: Record<SolutionStatus, { label: string; Icon: LucideIcon }> = {
  idea: { label: SOLUTION_STATUS_LABELS.idea, Icon: Lightbulb },
  agreed: { label: SOLUTION_STATUS_LABELS.agreed, Icon: Handshake },
  'in-progress': { label: SOLUTION_STATUS_LABELS['in-progress'], Icon: CircleDashed },
  done: { label: SOLUTION_STATUS_LABELS.done, Icon: CircleCheckBig },
  dropped: { label: SOLUTION_STATUS_LABELS.dropped, Icon: CircleX },
};
