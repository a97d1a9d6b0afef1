import { describeLoadError } from '@shared/document/describe-load';
import { parseWorkspace } from '@shared/document/parse';
import type { WorkspaceDocument } from '@shared/document/schema';
import { host } from '../host';
import { fileNameOf, showMessage } from '../store/editor-store';

/**
 * Reads another workspace to merge or compare with (the open one stays open): the Open dialog, then the file's
 * text parsed as Open would. A file that cannot be read or is not a workspace gets the message Open gives, naming
 * the file and the problem, and nothing changes. Null when canceled or refused.
 */
export async function chooseOtherWorkspace(purpose: 'merge' | 'compare'): Promise<{ fileName: string; doc: WorkspaceDocument } | null> {
  const result = await host().readOtherWorkspace(purpose);
  const what = purpose === 'merge' ? 'merged' : 'compared';
  switch (result.kind) {
    case 'canceled':
      return null;
    case 'readFailed':
      showMessage({
        tone: 'error',
        title: `“${fileNameOf(result.filePath)}” could not be ${what}`,
        summary: `“${fileNameOf(result.filePath)}” could not be read: ${result.reason}`,
        details: [result.filePath],
      });
      return null;
    case 'tooLarge':
      showMessage({
        tone: 'error',
        title: `“${fileNameOf(result.filePath)}” could not be ${what}`,
        summary: `“${fileNameOf(result.filePath)}” is larger than a workspace may be (${Math.round(result.limit / 1024 / 1024)} MB). It was not read.`,
        details: [result.filePath],
      });
      return null;
    case 'opened': {
      const fileName = fileNameOf(result.filePath);
      const parsed = parseWorkspace(result.content);
      if (!parsed.ok) {
        showMessage({ tone: 'error', ...describeLoadError(fileName, parsed.error) });
        return null;
      }
      return { fileName, doc: parsed.document };
    }
    default: {
      const unreachable: never = result;
      return unreachable;
    }
  }
}
