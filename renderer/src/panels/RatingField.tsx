const RATING_WORDS = ['', 'very low', 'low', 'medium', 'high', 'very high'];

/** A 1..5 rating that may be left unset (influence, interest, impact, effort). */
export function RatingField({ label, value, onChange }: { label: string; value: number | undefined; onChange: (v: number | null) => void }) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}>
        <option value="">Not set</option>
        {[1, 2, 3, 4, 5].map((n) => (
          <option key={n} value={n}>
            {n} – {RATING_WORDS[n]}
          </option>
        ))}
      </select>
    </label>
  );
}
