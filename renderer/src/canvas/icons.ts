import { Building2, CircleCheck, Globe, TriangleAlert, Users, Waves, type LucideIcon } from 'lucide-react';
import type { RelationshipStatus, StakeholderKind } from '@shared/document/format';

/*
 * The kind and status marks as lucide components, for the panels, the legend and exports. The map itself draws
 * the same marks as CSS background images (styles/marks.css, assets/marks/*.svg): a thousand nodes with an SVG element tree
 * each cost measurably more to mount and style (bench/README.md).
 */

/** Kind is shown by icon, border and shape, and in words, never by colour alone. */
export const KIND_ICONS: Record<StakeholderKind, LucideIcon> = {
  team: Users,
  department: Building2,
  external: Globe,
};

/** The mark drawn on the line for each status; neutral has none. */
export const STATUS_ICONS: Record<RelationshipStatus, LucideIcon | null> = {
  healthy: CircleCheck,
  neutral: null,
  strained: Waves,
  problematic: TriangleAlert,
};
