import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LaunchFiles, workspaceFilesFromArgv } from '../../../../electron/services/launch-files';

describe('workspaceFilesFromArgv', () => {
  it('takes workspace files from a packaged app command line, resolved against its folder', () => {
    expect(
      workspaceFilesFromArgv(['/opt/Stakemap/stakemap', 'maps/Workshop.stakemap', '/abs/other.JSON'], { cwd: '/home/me', skip: 1 }),
    ).toEqual(['/home/me/maps/Workshop.stakemap', '/abs/other.JSON']);
  });

  it('ignores flags, the app path in development, and files of other types', () => {
    const argv = [
      '/x/electron',
      '--inspect=0',
      '.',
      '--remote-debugging-port=0',
      '-psn_0_12345',
      'notes.txt',
      '/x/dist/electron/main.cjs',
      'a.stakemap',
    ];
    expect(workspaceFilesFromArgv(argv, { cwd: '/w', skip: 2 })).toEqual([path.resolve('/w', 'a.stakemap')]);
  });

  it('takes PNG images too: one exported by Stakemap opens its workspace', () => {
    expect(workspaceFilesFromArgv(['/opt/Stakemap/stakemap', 'slides/map.png'], { cwd: '/home/me', skip: 1 })).toEqual(['/home/me/slides/map.png']);
  });

  it('returns nothing when no file is given', () => {
    expect(workspaceFilesFromArgv(['/x/electron', '.'], { cwd: '/w', skip: 2 })).toEqual([]);
  });
});

describe('LaunchFiles', () => {
  it('keeps the first file that arrives before the renderer is ready for its launch state', () => {
    const delivered: string[] = [];
    const files = new LaunchFiles((f) => delivered.push(f));
    files.add('/a.stakemap');
    files.add('/b.stakemap');
    expect(files.isRendererReady()).toBe(false);
    expect(files.takePending()).toBe('/a.stakemap');
    // The same renderer asking again (StrictMode, reload) gets the same file.
    expect(files.takePending()).toBe('/a.stakemap');
    expect(delivered).toEqual([]);
  });

  it('delivers files that arrive later straight away, until the window is gone', () => {
    const delivered: string[] = [];
    const files = new LaunchFiles((f) => delivered.push(f));
    expect(files.takePending()).toBeNull();
    files.add('/c.stakemap');
    expect(delivered).toEqual(['/c.stakemap']);
    files.rendererGone();
    files.add('/d.stakemap');
    expect(delivered).toEqual(['/c.stakemap']);
    expect(files.takePending()).toBe('/d.stakemap');
    files.rendererGone();
    expect(files.takePending()).toBeNull();
  });
});
