import { describe, expect, it } from 'vitest';
import { FileAccessList } from '../../../../electron/services/file-access';

describe('FileAccessList', () => {
  it('grants nothing by default', () => {
    const access = new FileAccessList('linux');
    expect(access.canRead('/etc/passwd')).toBe(false);
    expect(access.canWrite('/etc/passwd')).toBe(false);
  });

  it('separates read grants from write grants', () => {
    const access = new FileAccessList('linux');
    access.grantRead('/w/from-os.stakemap');
    access.grantWrite('/w/saved.stakemap');
    expect(access.canRead('/w/from-os.stakemap')).toBe(true);
    expect(access.canWrite('/w/from-os.stakemap')).toBe(false);
    expect(access.canRead('/w/saved.stakemap')).toBe(true);
    expect(access.canWrite('/w/saved.stakemap')).toBe(true);
  });

  it('matches other spellings of the same path, but not other files', () => {
    const access = new FileAccessList('linux');
    access.grantWrite('/w/a.stakemap');
    expect(access.canWrite('/w/sub/../a.stakemap')).toBe(true);
    expect(access.canWrite('/w/A.stakemap')).toBe(false);
    expect(access.canRead('/w/a.stakemap/../../etc/passwd')).toBe(false);
    const windows = new FileAccessList('win32');
    windows.grantRead('C:\\Maps\\A.stakemap');
    expect(windows.canRead('c:\\maps\\a.STAKEMAP')).toBe(true);
  });
});
