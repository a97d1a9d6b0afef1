import { describe, expect, it, vi } from 'vitest';
import { describeLoadError } from '../../../../shared/document/describe-load';
import { parseWorkspace } from '../../../../shared/document/parse';

// One of the checks parseWorkspace runs on every file fails the way a bug or exhausted memory would.
vi.mock('../../../../shared/document/references', () => ({
  findDanglingReferences: () => {
    throw new RangeError('Maximum call stack size exceeded\u0007');
  },
}));

describe('parseWorkspace never throws', () => {
  it('turns an exception inside its checks into a typed "unexpected" result with a message', () => {
    const result = parseWorkspace('{"format":"stakemap","version":1}');
    expect(result).toEqual({ ok: false, error: { kind: 'unexpected', detail: 'RangeError: Maximum call stack size exceeded\\u0007' } });
    if (result.ok) return;
    const message = describeLoadError('a.stakemap', result.error);
    expect(message.summary).toBe('Stakemap could not check “a.stakemap” because of an unexpected error, so it did not open it.');
    expect(message.details[1]).toMatch(/has not been changed/);
  });
});
