import { tidyLayout, type TidyInput, type TidyResult } from '@shared/layout/tidy-layout';

/*
 * Tidy layout off the main thread: a map of 1,000 stakeholders takes about a second to lay out (measured in
 * Chromium on this project's 2-core machine), which would freeze the window, its animations and its input.
 * The page sends the layout input and gets the result back; nothing else crosses.
 */

export interface TidyRequest {
  readonly id: number;
  readonly input: TidyInput;
}

export type TidyReply = { readonly id: number; readonly result: TidyResult } | { readonly id: number; readonly error: string };

// The DOM typings describe `self` as a Window; in a dedicated worker it has the Worker-side postMessage.
const scope = self as unknown as { postMessage(message: TidyReply): void; addEventListener(type: 'message', listener: (event: MessageEvent<TidyRequest>) => void): void };

scope.addEventListener('message', (event) => {
  const { id, input } = event.data;
  try {
    scope.postMessage({ id, result: tidyLayout(input) });
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
