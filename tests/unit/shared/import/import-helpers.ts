import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Stakeholder, WorkspaceDocument } from '../../../../shared/document/schema';
import { chooseImportSheets } from '../../../../shared/import/column-mapping';
import { importInputFor, type ImportInput } from '../../../../shared/import/import-plan';
import { readSpreadsheet, type SheetRows } from '../../../../shared/import/read-spreadsheet';
import { createWorkspace } from '../../../../shared/operations/workspace';
import { relationship, stakeholder } from '../operations/test-docs';
import { deepFreeze } from '../test-helpers';

/** tests/fixtures/import, where the hand-made workbooks are (make-fixtures.py writes them). */
export const IMPORT_FIXTURES = fileURLToPath(new URL('../../../fixtures/import/', import.meta.url));

export const importFixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(IMPORT_FIXTURES, name)));

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Text as UTF-16 with a byte order mark, little or big endian. */
export function utf16(text: string, endian: 'LE' | 'BE'): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(endian === 'LE' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const [first, second] = endian === 'LE' ? [code & 0xff, code >> 8] : [code >> 8, code & 0xff];
    bytes[2 + 2 * i] = first;
    bytes[3 + 2 * i] = second;
  }
  return bytes;
}

/** Reads a file that must read; fails the test with the message otherwise. */
export async function readOk(fileName: string, bytes: Uint8Array): Promise<SheetRows[]> {
  const result = await readSpreadsheet(fileName, bytes);
  if (!result.ok) throw new Error(`${fileName} did not read: ${result.message}`);
  return result.sheets;
}

/** Reads a file that must be refused, and returns the message. */
export async function readMessage(fileName: string, bytes: Uint8Array): Promise<string> {
  const result = await readSpreadsheet(fileName, bytes);
  if (result.ok) throw new Error(`${fileName} read, but a message was expected`);
  return result.message;
}

/** Rows as CSV text (commas, CRLF; cells are written as they are: callers quote where they must). */
export const csvText = (rows: readonly (readonly string[])[]): string => rows.map((r) => r.join(',')).join('\r\n') + '\r\n';

/** The planImport input for sheets read from files, with the guessed columns. */
export function inputFor(sheets: readonly SheetRows[]): ImportInput {
  return importInputFor(chooseImportSheets(sheets));
}

/** A frozen workspace holding `stakeholders` and `relationships`. */
export function mapOf(stakeholders: Stakeholder[], relationships: WorkspaceDocument['relationships'] = []): WorkspaceDocument {
  return deepFreeze({ ...createWorkspace('Import test', new Date('2026-11-22T10:00:00.000Z')), stakeholders, relationships });
}

/** A small map: the team in the middle, Légal and Brand to the right, an agency to the left; team–Légal is problematic. */
export function workshopMap(): WorkspaceDocument {
  return mapOf(
    [
      stakeholder('s-team', { name: 'Social media team', kind: 'team', position: { x: 0, y: 0 }, influence: 3, interest: 5 }),
      stakeholder('s-legal', { name: 'Légal', position: { x: 400, y: 0 }, influence: 5, owner: 'Jo' }),
      stakeholder('s-brand', { name: 'Brand', position: { x: 400, y: -200 } }),
      stakeholder('s-agency', { name: 'Agency', kind: 'external', position: { x: -400, y: 0 } }),
    ],
    [
      relationship('r-legal', 's-team', 's-legal', { status: 'problematic', label: 'approvals' }),
      relationship('r-brand', 's-team', 's-brand', { status: 'strained' }),
    ],
  );
}
