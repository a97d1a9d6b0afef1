import type { StakeholderKind } from '../document/format';

export interface TypicalFunction {
  readonly name: string;
  readonly kind: StakeholderKind;
}

/**
 * The functions and outside parties a social team typically liaises with (the product brief's list),
 * offered in the palette so a facilitator can add them with one click while the room talks.
 */
export const TYPICAL_FUNCTIONS: readonly TypicalFunction[] = [
  // The team doing the mapping comes first: a new map starts from it, and new stakeholders are placed around it.
  { name: 'Social media team', kind: 'team' },
  { name: 'Brand', kind: 'department' },
  { name: 'Legal', kind: 'department' },
  { name: 'Compliance', kind: 'department' },
  { name: 'PR / Press office', kind: 'department' },
  { name: 'Corporate communications', kind: 'department' },
  { name: 'Traditional marketing', kind: 'department' },
  { name: 'Web management', kind: 'department' },
  { name: 'Mobile', kind: 'department' },
  { name: 'IT', kind: 'department' },
  { name: 'HR', kind: 'department' },
  { name: 'Product', kind: 'department' },
  { name: 'Customer service', kind: 'department' },
  { name: 'Senior leadership', kind: 'department' },
  { name: 'Sales', kind: 'department' },
  { name: 'Agencies', kind: 'external' },
  { name: 'Partners', kind: 'external' },
  { name: 'Customers', kind: 'external' },
  { name: 'Regulators', kind: 'external' },
];
