import { describe, expect, it } from 'vitest';
import { captureTimeoutMs } from '../../../../renderer/src/export/export-png';

describe('captureTimeoutMs', () => {
  it('gives a capture 15 s and a second more per 10 million pixels, so a hung one never leaves the window blank for long', () => {
    expect(captureTimeoutMs({ width: 1300, height: 900, scale: 2 })).toBe(16_000);
    // 1,000 stakeholders at 2x: 225 million pixels, about 12 s to take here.
    expect(captureTimeoutMs({ width: 9735, height: 5778, scale: 2 })).toBe(38_000);
  });
});
