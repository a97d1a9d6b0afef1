import { applyImport } from '@shared/import/apply-import';
import { chooseImportSheets } from '@shared/import/column-mapping';
import type { ImportPlan } from '@shared/import/import-plan';
import { readSpreadsheet } from '@shared/import/read-spreadsheet';
import { host } from '../host';
import { announce, documentNow, setImportSession, showMessage } from '../store/editor-store';
import { edit } from './edits';

/*
 * File > Import Stakeholders…: choose a spreadsheet (CSV or XLSX), see what it would change (the import dialog:
 * column mapping, additions, updates and every row with a problem), then import it as one undo step. Reading and
 * planning are shared/import's; nothing is written to the spreadsheet or to disk.
 */

const fromBase64 = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

export async function startImport(): Promise<void> {
  if (!documentNow()) return;
  const file = await host().openImportFile();
  if (file.kind === 'canceled') return;
  if (file.kind === 'readFailed') {
    showMessage({ tone: 'error', title: 'Could not import the spreadsheet', summary: `${file.filePath}: ${file.reason}`, details: ['Your map is unchanged.'] });
    return;
  }
  const read = await readSpreadsheet(file.fileName, fromBase64(file.data));
  if (!read.ok) {
    showMessage({ tone: 'error', title: `Could not import ${file.fileName}`, summary: read.message, details: ['Nothing was imported. Your map is unchanged.'] });
    return;
  }
  const sheets = chooseImportSheets(read.sheets);
  if (!sheets.stakeholders && !sheets.relationships) {
    showMessage({
      tone: 'error',
      title: `Nothing to import in ${file.fileName}`,
      summary: 'No sheet names its columns as stakeholders (Name, Kind, Influence, Interest, Owner, Notes) or relationships (From, To, Status, Label) in its first row.',
      details: ['Nothing was imported. Your map is unchanged.'],
    });
    return;
  }
  setImportSession({ fileName: file.fileName, sheets });
}

/** Imports what the dialog planned, as one undo step, and says what changed. */
export function finishImport(fileName: string, plan: ImportPlan): void {
  const doc = documentNow();
  if (!doc) return;
  const next = applyImport(doc, plan);
  setImportSession(null);
  if (next === doc) {
    announce(`Nothing to import from ${fileName}: the map already says all of it.`);
    return;
  }
  edit('workspace.replace', { document: next });
  const c = plan.counts;
  const parts = [
    `${c.stakeholdersAdded} stakeholder${c.stakeholdersAdded === 1 ? '' : 's'} added`,
    `${c.stakeholdersUpdated} updated`,
    `${c.relationshipsAdded} relationship${c.relationshipsAdded === 1 ? '' : 's'} added`,
    `${c.relationshipsUpdated} updated`,
  ];
  announce(`Imported from ${fileName}: ${parts.join(', ')}${c.rowsWithErrors ? `; ${c.rowsWithErrors} row${c.rowsWithErrors === 1 ? '' : 's'} skipped` : ''}. Undo takes it all back.`);
}

export function cancelImport(): void {
  setImportSession(null);
}
