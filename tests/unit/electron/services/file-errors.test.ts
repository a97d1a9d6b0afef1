import { describe, expect, it } from 'vitest';
import { DescribedFileError, describeFileError, errorCode } from '../../../../electron/services/file-errors';

const fsError = (code: string) => Object.assign(new Error(`${code}: something, open '/x'`), { code });

describe('describeFileError', () => {
  it.each([
    ['ENOENT', 'read', 'The file does not exist.'],
    ['EACCES', 'read', 'Permission denied.'],
    ['EISDIR', 'read', 'It is a folder, not a file.'],
    ['ENOENT', 'write', 'The folder does not exist (it may have been moved, renamed or removed).'],
    ['ENOSPC', 'write', 'The disk is full.'],
    ['EROFS', 'write', 'The disk is read-only.'],
    ['EBUSY', 'write', 'The file is in use by another program.'],
  ] as const)('%s on %s: %s', (code, operation, reason) => {
    expect(describeFileError(fsError(code), operation)).toBe(reason);
  });

  it('says "permission denied" for a write refused by the OS', () => {
    expect(describeFileError(fsError('EPERM'), 'write')).toMatch(/^Permission denied/);
  });

  it('gives the reason a DescribedFileError carries, and its code if any', () => {
    const mismatch = new DescribedFileError('The file on disk does not match what was written (it was cut short).');
    expect(describeFileError(mismatch, 'write')).toBe('The file on disk does not match what was written (it was cut short).');
    expect(errorCode(mismatch)).toBeNull();
    expect(errorCode(new DescribedFileError('Could not read it back.', 'EIO'))).toBe('EIO');
  });

  it('keeps what the system said for codes it does not know', () => {
    expect(describeFileError(fsError('EWEIRD'), 'read')).toBe("The system reported an error (EWEIRD): EWEIRD: something, open '/x'");
    expect(describeFileError(new Error('boom'))).toBe('The system reported an error: boom');
  });
});

describe('errorCode', () => {
  it('reads the code of fs errors only', () => {
    expect(errorCode(fsError('ENOENT'))).toBe('ENOENT');
    expect(errorCode(new Error('x'))).toBeNull();
    expect(errorCode('ENOENT')).toBeNull();
    expect(errorCode({ code: 42 })).toBeNull();
  });
});
