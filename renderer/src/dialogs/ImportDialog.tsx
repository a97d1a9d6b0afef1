import '../styles/import-dialog.css';
import { FileSpreadsheet } from 'lucide-react';
import { useMemo, useState } from 'react';
import { columnLetter } from '@shared/import/cell-text';
import {
  RELATIONSHIP_FIELD_LABELS,
  RELATIONSHIP_FIELDS,
  STAKEHOLDER_FIELD_LABELS,
  STAKEHOLDER_FIELDS,
  type ColumnMapping,
  type ImportSheets,
  type SheetChoice,
} from '@shared/import/column-mapping';
import { importInputFor, planImport } from '@shared/import/import-plan';
import { cancelImport, finishImport } from '../commands/import-commands';
import { selectDocument, useEditor, useUi } from '../store/editor-store';
import { useModal } from './use-modal';
import { whenClosed } from './when-closed';

/** How many planned changes and problem rows the preview lists before it says "and N more". */
const PREVIEW_LIMIT = 60;

/**
 * File > Import Stakeholders…, after the file is read: which column is which (guessed from the header row, each
 * one changeable), what importing would do (new stakeholders, updates with before and after, relationships) and
 * every row that will be skipped, with its row number and reason. Nothing changes until "Import".
 */
export function ImportDialog() {
  const session = useUi((s) => s.importSession);
  const dialog = useModal(session !== null);
  return (
    <dialog ref={dialog} className="export-dialog import-dialog" aria-labelledby="import-title" onClose={whenClosed(cancelImport)}>
      {session && <ImportPreview key={session.fileName} fileName={session.fileName} initial={session.sheets} />}
    </dialog>
  );
}

function ImportPreview({ fileName, initial }: { fileName: string; initial: ImportSheets }) {
  const doc = useEditor(selectDocument);
  const [sheets, setSheets] = useState(initial);
  const plan = useMemo(() => (doc ? planImport(doc, importInputFor(sheets)) : null), [doc, sheets]);
  if (!doc || !plan) return null;
  const c = plan.counts;
  const changes = [
    ...plan.additions.map((a) => `New stakeholder: ${a.name} (row ${a.row})`),
    ...plan.updates.map((u) => `${u.name} (row ${u.row}): ${u.changed.map((f) => `${STAKEHOLDER_FIELD_LABELS[f]} ${show(u.before[f])} → ${show(u.after[f])}`).join(', ')}`),
    ...plan.relationshipAdditions.map(
      (r) => `New relationship: ${r.from.name} – ${r.to.name}${r.label ? ` (${r.label})` : ''}, ${r.status}${r.otherSide ? `; ${r.to.name} sees it as ${r.otherSide.status}` : ''} (row ${r.row})`,
    ),
    ...plan.relationshipUpdates.map((r) => `${r.sourceName} – ${r.targetName} (row ${r.row}): ${r.changed.map((f) => `${RELATIONSHIP_FIELD_LABELS[f]} ${show(r.before[f])} → ${show(r.after[f])}`).join(', ')}`),
  ];
  return (
    <>
      <h2 id="import-title" className="export-dialog__title">
        <FileSpreadsheet size={20} aria-hidden="true" /> Import stakeholders from {fileName}
      </h2>
      {sheets.stakeholders && (
        <Mapping
          title={`Stakeholders: sheet “${sheets.stakeholders.sheetName}”`}
          choice={sheets.stakeholders}
          fields={STAKEHOLDER_FIELDS}
          labels={STAKEHOLDER_FIELD_LABELS}
          onChange={(mapping) => setSheets((s) => ({ ...s, stakeholders: { ...s.stakeholders!, mapping } }))}
        />
      )}
      {sheets.relationships && (
        <Mapping
          title={`Relationships: sheet “${sheets.relationships.sheetName}”`}
          choice={sheets.relationships}
          fields={RELATIONSHIP_FIELDS}
          labels={RELATIONSHIP_FIELD_LABELS}
          onChange={(mapping) => setSheets((s) => ({ ...s, relationships: { ...s.relationships!, mapping } }))}
        />
      )}
      <p className="import-dialog__summary" role="status">
        {c.stakeholdersAdded} new and {c.stakeholdersUpdated} updated stakeholder{c.stakeholdersUpdated === 1 ? '' : 's'}, {c.relationshipsAdded} new and{' '}
        {c.relationshipsUpdated} updated relationship{c.relationshipsUpdated === 1 ? '' : 's'}
        {c.stakeholdersUnchanged + c.relationshipsUnchanged > 0 ? `, ${c.stakeholdersUnchanged + c.relationshipsUnchanged} rows already as the map has them` : ''}
        {c.rowsWithErrors > 0 ? `; ${c.rowsWithErrors} row${c.rowsWithErrors === 1 ? '' : 's'} with problems will be skipped` : ''}.
      </p>
      {plan.errors.length > 0 && (
        <section className="import-dialog__section" aria-labelledby="import-problems">
          <h3 id="import-problems" className="field__label">
            Rows with problems ({plan.errors.length})
          </h3>
          <ul className="import-dialog__list import-dialog__list--problems">
            {plan.errors.slice(0, PREVIEW_LIMIT).map((e) => (
              <li key={`${e.sheet}:${e.row}`}>{e.message}</li>
            ))}
            {plan.errors.length > PREVIEW_LIMIT && <li>… and {plan.errors.length - PREVIEW_LIMIT} more.</li>}
          </ul>
        </section>
      )}
      {changes.length > 0 && (
        <section className="import-dialog__section" aria-labelledby="import-changes">
          <h3 id="import-changes" className="field__label">
            What will change ({changes.length})
          </h3>
          <ul className="import-dialog__list">
            {changes.slice(0, PREVIEW_LIMIT).map((line, i) => (
              <li key={i}>{line}</li>
            ))}
            {changes.length > PREVIEW_LIMIT && <li>… and {changes.length - PREVIEW_LIMIT} more.</li>}
          </ul>
        </section>
      )}
      <div className="message-dialog__actions">
        <button type="button" className="button" onClick={cancelImport}>
          Cancel
        </button>
        <button type="button" className="button button--primary" disabled={c.changes === 0} onClick={() => finishImport(fileName, plan)}>
          Import
        </button>
      </div>
    </>
  );
}

const show = (value: string | number | null | undefined) => (value === undefined || value === null || value === '' ? '(none)' : String(value));

function Mapping<Field extends string>({
  title,
  choice,
  fields,
  labels,
  onChange,
}: {
  title: string;
  choice: SheetChoice<ColumnMapping<Field>>;
  fields: readonly Field[];
  labels: Readonly<Record<Field, string>>;
  onChange: (mapping: ColumnMapping<Field>) => void;
}) {
  const header = choice.rows[0] ?? [];
  return (
    <fieldset className="field import-dialog__mapping">
      <legend className="field__label">
        {title}, {Math.max(0, choice.rows.length - 1)} row{choice.rows.length === 2 ? '' : 's'}
      </legend>
      <div className="import-dialog__columns">
        {fields.map((field) => (
          <label key={field} className="import-dialog__column">
            <span>{labels[field]}</span>
            <select
              value={choice.mapping[field] ?? ''}
              onChange={(e) => onChange({ ...choice.mapping, [field]: e.target.value === '' ? null : Number(e.target.value) })}
            >
              <option value="">Not imported</option>
              {header.map((name, index) => (
                <option key={index} value={index}>
                  Column {columnLetter(index)}: {name || '(no heading)'}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
