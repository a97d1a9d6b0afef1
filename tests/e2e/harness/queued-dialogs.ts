import type { UnsavedChoice } from '../../../shared/host/channels';
import type { HostDialogs, OpenDialogRequest, SaveDialogRequest } from '../../../electron/ipc/host-handlers';
import type { AppDialogs } from './types';

type DialogKind = 'open' | 'save' | 'export' | 'unsaved-changes' | 'replace';

const DIALOG_NAMES: Record<DialogKind, string> = {
  open: 'Open dialog (answer it with app.dialogs.answerOpen)',
  save: 'Save As dialog (answer it with app.dialogs.answerSave)',
  export: 'export save dialog (answer it with app.dialogs.answerExport)',
  'unsaved-changes': '"unsaved changes" question (answer it with app.dialogs.answerUnsaved)',
  replace: '"already exists. Replace it?" question (answer it with app.dialogs.answerReplace)',
};

/**
 * The native dialogs of the browser harness: the test queues answers (AppDialogs), the host handlers consume
 * them (HostDialogs). A dialog without an answer is recorded as a problem and canceled, so the test fails at
 * its end with the dialog's name even if the app coped with the cancel.
 */
export class QueuedDialogs implements HostDialogs, AppDialogs {
  private readonly queues: {
    open: (string | null)[];
    save: (string | null)[];
    export: (string | null)[];
    'unsaved-changes': UnsavedChoice[];
    replace: boolean[];
  } = {
    open: [],
    save: [],
    export: [],
    'unsaved-changes': [],
    replace: [],
  };
  private readonly unexpected: string[] = [];
  /** Dialogs shown so far, in order, with what they asked: for requestClose and for debugging failures. */
  readonly shown: { kind: DialogKind; detail: string; at: number }[] = [];

  answerOpen(filePath: string | null): void {
    this.queues.open.push(filePath);
  }
  answerSave(filePath: string | null): void {
    this.queues.save.push(filePath);
  }
  answerExport(filePath: string | null): void {
    this.queues.export.push(filePath);
  }
  answerUnsaved(choice: UnsavedChoice): void {
    this.queues['unsaved-changes'].push(choice);
  }
  answerReplace(replace: boolean): void {
    this.queues.replace.push(replace);
  }

  async showOpenDialog(request: OpenDialogRequest): Promise<string | null> {
    return this.take('open', request.title, null);
  }
  async showSaveDialog(request: SaveDialogRequest): Promise<string | null> {
    return this.take(request.purpose === 'export' ? 'export' : 'save', `${request.title} (${request.defaultPath})`, null);
  }
  async askUnsavedChanges(displayName: string): Promise<UnsavedChoice> {
    return this.take('unsaved-changes', displayName, 'cancel');
  }
  async confirmReplace(fileNames: readonly string[]): Promise<boolean> {
    // Unanswered: Cancel, which replaces nothing (and the test fails naming the question).
    return this.take('replace', fileNames.join(', '), false);
  }

  /** Unanswered dialogs and unused answers, as sentences. */
  problems(): string[] {
    const unused = (Object.keys(this.queues) as DialogKind[])
      .filter((kind) => this.queues[kind].length > 0)
      .map((kind) => `${this.queues[kind].length} answer(s) for the ${DIALOG_NAMES[kind]} were never used: ${JSON.stringify(this.queues[kind])}`);
    return [...this.unexpected, ...unused];
  }

  private take<T>(kind: DialogKind, detail: string, whenUnanswered: T): T {
    this.shown.push({ kind, detail, at: Date.now() });
    const queue = this.queues[kind] as T[];
    if (queue.length === 0) {
      this.unexpected.push(`The app showed the ${DIALOG_NAMES[kind]} — "${detail}" — but the test queued no answer; it was canceled.`);
      return whenUnanswered;
    }
    return queue.shift() as T;
  }
}
