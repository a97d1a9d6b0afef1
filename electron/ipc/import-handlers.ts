import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_IMPORT_BYTES, type InvokeHandlers } from '../../shared/host/channels';
import { describeFileError, errorCode } from '../services/file-errors';
import type { FileFilter, HandlerContext } from './handler-context';

/*
 * File > Import Stakeholders…: main only asks for the file and reads it (with a size limit); reading the rows,
 * mapping columns and planning the changes happen in the renderer (shared/import), which shows a preview before
 * anything changes. The spreadsheet itself is never written.
 */

export type ImportChannel = 'import:open-dialog';

export const IMPORT_DIALOG_FILTERS: readonly FileFilter[] = [
  { name: 'Spreadsheet (CSV or Excel)', extensions: ['csv', 'xlsx', 'txt'] },
  { name: 'CSV', extensions: ['csv', 'txt'] },
  { name: 'Excel workbook', extensions: ['xlsx'] },
];

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;

export function createImportHandlers(context: HandlerContext): InvokeHandlers<ImportChannel> {
  const { deps } = context;
  return {
    'import:open-dialog': async () => {
      const folder = context.lastFolder();
      const filePath = await deps.dialogs.showOpenDialog({
        title: 'Import Stakeholders',
        filters: IMPORT_DIALOG_FILTERS,
        ...(folder ? { defaultPath: folder } : {}),
      });
      if (filePath === null) return { kind: 'canceled' };
      try {
        const info = await stat(filePath);
        if (!info.isFile()) return { kind: 'readFailed', filePath, reason: 'It is not a file.', code: null };
        if (info.size > MAX_IMPORT_BYTES) {
          return {
            kind: 'readFailed',
            filePath,
            reason: `It is ${megabytes(info.size)}; Stakemap imports spreadsheets of up to ${megabytes(MAX_IMPORT_BYTES)}. Nothing was imported.`,
            code: null,
          };
        }
        const bytes = await readFile(filePath);
        return { kind: 'read', filePath, fileName: path.basename(filePath), data: bytes.toString('base64') };
      } catch (error) {
        return { kind: 'readFailed', filePath, reason: describeFileError(error, 'read'), code: errorCode(error) };
      }
    },
  };
}
