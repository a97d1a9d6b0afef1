import { describe, expect, it, vi } from 'vitest';
import { SETTINGS_KEYS } from '../../../../electron/services/key-value-store';
import { MAX_RECENT_WORKSPACES, RecentWorkspaces } from '../../../../electron/services/recent-workspaces';
import { MemoryStore } from '../helpers';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 10, minute));

describe('RecentWorkspaces', () => {
  it('lists the most recent first, with file name and time', () => {
    const recent = new RecentWorkspaces(new MemoryStore(), 'linux');
    recent.add('/work/a.stakemap', at(1));
    recent.add('/work/b.stakemap', at(2));
    expect(recent.list()).toEqual([
      { filePath: '/work/b.stakemap', fileName: 'b.stakemap', openedAt: '2026-11-22T10:02:00.000Z' },
      { filePath: '/work/a.stakemap', fileName: 'a.stakemap', openedAt: '2026-11-22T10:01:00.000Z' },
    ]);
  });

  it('moves a file opened again to the top instead of listing it twice', () => {
    const recent = new RecentWorkspaces(new MemoryStore(), 'linux');
    recent.add('/work/a.stakemap', at(1));
    recent.add('/work/b.stakemap', at(2));
    recent.add('/work/./a.stakemap', at(3));
    expect(recent.list().map((e) => [e.filePath, e.openedAt])).toEqual([
      ['/work/./a.stakemap', '2026-11-22T10:03:00.000Z'],
      ['/work/b.stakemap', '2026-11-22T10:02:00.000Z'],
    ]);
  });

  it('treats paths differing only in case as one file on Windows and macOS, not on Linux', () => {
    const mac = new RecentWorkspaces(new MemoryStore(), 'darwin');
    mac.add('/Users/me/Map.stakemap', at(1));
    mac.add('/Users/me/map.stakemap', at(2));
    expect(mac.list()).toHaveLength(1);
    const linux = new RecentWorkspaces(new MemoryStore(), 'linux');
    linux.add('/home/me/Map.stakemap', at(1));
    linux.add('/home/me/map.stakemap', at(2));
    expect(linux.list()).toHaveLength(2);
  });

  it(`keeps at most ${MAX_RECENT_WORKSPACES}, dropping the oldest`, () => {
    const recent = new RecentWorkspaces(new MemoryStore(), 'linux');
    for (let i = 0; i < 12; i++) recent.add(`/w/${i}.stakemap`, at(i));
    const names = recent.list().map((e) => e.fileName);
    expect(names).toHaveLength(MAX_RECENT_WORKSPACES);
    expect(names[0]).toBe('11.stakemap');
    expect(names.at(-1)).toBe('2.stakemap');
  });

  it('removes and clears, and tells listeners each time', () => {
    const recent = new RecentWorkspaces(new MemoryStore(), 'linux');
    const listener = vi.fn();
    recent.onChange(listener);
    recent.add('/w/a.stakemap', at(1));
    recent.add('/w/b.stakemap', at(2));
    expect(recent.remove('/w/a.stakemap').map((e) => e.fileName)).toEqual(['b.stakemap']);
    expect(recent.has('/w/a.stakemap')).toBe(false);
    expect(recent.has('/w/b.stakemap')).toBe(true);
    recent.clear();
    expect(recent.list()).toEqual([]);
    expect(listener).toHaveBeenCalledTimes(4);
    expect(listener).toHaveBeenLastCalledWith([]);
  });

  it('persists in the store, so a new instance (a relaunch) sees the same list', () => {
    const store = new MemoryStore();
    new RecentWorkspaces(store, 'linux').add('/w/a.stakemap', at(1));
    expect(new RecentWorkspaces(store, 'linux').list().map((e) => e.filePath)).toEqual(['/w/a.stakemap']);
  });

  it('skips damaged entries of a hand-edited settings file instead of failing', () => {
    const store = new MemoryStore();
    store.set(SETTINGS_KEYS.recentWorkspaces, [
      { filePath: '/w/ok.stakemap', fileName: 'ok.stakemap', openedAt: '2026-11-22T10:00:00.000Z' },
      { filePath: 42 },
      'nonsense',
      { filePath: '', fileName: 'empty', openedAt: 'x' },
    ]);
    expect(new RecentWorkspaces(store, 'linux').list().map((e) => e.fileName)).toEqual(['ok.stakemap']);
    store.set(SETTINGS_KEYS.recentWorkspaces, 'not a list');
    expect(new RecentWorkspaces(store, 'linux').list()).toEqual([]);
  });
});
