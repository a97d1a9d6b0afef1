import '../styles/voice-select.css';
import { useMemo, type SelectHTMLAttributes } from 'react';
import type { Stakeholder } from '@shared/document/schema';
import { stakeholderName } from '@shared/domain/pain-point-index';

/*
 * A choice of one stakeholder or none: a pain point's or a quote's voice (the department it came from, never a
 * person) and a participant's department. Departments come first, then the team and the outside parties, each
 * group in alphabetical order so a long map is still quick to pick from. "No department" is null.
 */

/** The option value that stands for null: stakeholder ids are never empty (schema.ts). */
const NONE = '';

interface StakeholderChoices {
  readonly departments: readonly { id: string; name: string }[];
  readonly others: readonly { id: string; name: string }[];
}

/** The stakeholders to choose from, departments first, each group sorted by name. */
export function stakeholderChoices(stakeholders: readonly Stakeholder[]): StakeholderChoices {
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  const named = stakeholders.map((s) => ({ id: s.id, name: stakeholderName(s.name), kind: s.kind }));
  return {
    departments: named.filter((s) => s.kind === 'department').sort(byName),
    others: named.filter((s) => s.kind !== 'department').sort(byName),
  };
}

export interface VoiceSelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'children'> {
  /** The chosen stakeholder's id, or null for none. */
  readonly value: string | null;
  readonly onChange: (value: string | null) => void;
  /** The workspace's stakeholders (the document's array, so the sorted list is kept between renders). */
  readonly stakeholders: readonly Stakeholder[];
}

/**
 * A native select of the workspace's stakeholders (departments first) with "No department" for null. A value
 * that names no stakeholder (a file edited elsewhere, a stakeholder deleted since) shows as such rather than as
 * "No department", so nothing is cleared by merely looking at it.
 */
export function VoiceSelect({ value, onChange, stakeholders, className, ...rest }: VoiceSelectProps) {
  const { departments, others } = useMemo(() => stakeholderChoices(stakeholders), [stakeholders]);
  const missing = value !== null && !stakeholders.some((s) => s.id === value);
  return (
    <select
      {...rest}
      className={`voice-select${value === null ? ' is-none' : ''}${className ? ` ${className}` : ''}`}
      value={value ?? NONE}
      onChange={(e) => onChange(e.target.value === NONE ? null : e.target.value)}
    >
      <option value={NONE}>No department</option>
      {missing && <option value={value}>Missing stakeholder</option>}
      {departments.length > 0 && (
        <optgroup label="Departments">
          {departments.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </optgroup>
      )}
      {others.length > 0 && (
        <optgroup label={departments.length > 0 ? 'Other stakeholders' : 'Stakeholders'}>
          {others.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </optgroup>
      )}
    </select>
  );
}
