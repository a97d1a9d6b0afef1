import { CircleCheckBig, CircleDashed, CircleX, Handshake, Lightbulb, type LucideIcon } from 'lucide-react';
import type { SolutionStatus } from '@shared/document/format';

/** How each solution status is named and marked (a word and an icon, never colour alone). */
export const SOLUTION_STATUS_INFO: Record<SolutionStatus, { label: string; Icon: LucideIcon }> = {
  idea: { label: 'Idea', Icon: Lightbulb },
  agreed: { label: 'Agreed', Icon: Handshake },
  'in-progress': { label: 'In progress', Icon: CircleDashed },
  done: { label: 'Done', Icon: CircleCheckBig },
  dropped: { label: 'Dropped', Icon: CircleX },
};
