import { describe, expect, it } from 'vitest';
import { PathQueue } from '../../../../electron/services/path-queue';

/** A promise with its resolve function, to decide in the test when a task ends. */
function gate() {
  let open: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('PathQueue', () => {
  it('runs tasks on one file one after another, in the order they were queued', async () => {
    const queue = new PathQueue('linux');
    const events: string[] = [];
    const first = gate();
    const a = queue.run(['/w/a.stakemap'], async () => {
      events.push('first starts');
      await first.promise;
      events.push('first ends');
      return 1;
    });
    const b = queue.run(['/w/./a.stakemap'], async () => {
      events.push('second runs');
      return 2;
    });
    await tick();
    expect(events).toEqual(['first starts']);
    first.open();
    expect(await Promise.all([a, b])).toEqual([1, 2]);
    expect(events).toEqual(['first starts', 'first ends', 'second runs']);
    expect(queue.isBusy('/w/a.stakemap')).toBe(false);
  });

  it('runs tasks on different files side by side', async () => {
    const queue = new PathQueue('linux');
    const blocked = gate();
    const events: string[] = [];
    const a = queue.run(['/w/a.stakemap'], async () => {
      await blocked.promise;
      events.push('a');
    });
    await queue.run(['/w/b.stakemap'], async () => void events.push('b'));
    expect(events).toEqual(['b']);
    blocked.open();
    await a;
    expect(events).toEqual(['b', 'a']);
  });

  it('treats two spellings of one path as one file where the file system ignores case', async () => {
    const queue = new PathQueue('win32');
    const blocked = gate();
    const events: string[] = [];
    const a = queue.run(['C:\\Maps\\A.stakemap'], async () => {
      await blocked.promise;
      events.push('upper');
    });
    const b = queue.run(['c:\\maps\\a.stakemap'], async () => void events.push('lower'));
    await tick();
    expect(events).toEqual([]);
    blocked.open();
    await Promise.all([a, b]);
    expect(events).toEqual(['upper', 'lower']);
  });

  it('goes on after a failed task, which still rejects to its caller', async () => {
    const queue = new PathQueue('linux');
    const failed = queue.run(['/w/a'], async () => {
      throw new Error('disk full');
    });
    const next = queue.run(['/w/a'], async () => 'saved');
    await expect(failed).rejects.toThrow('disk full');
    await expect(next).resolves.toBe('saved');
  });

  it('waits for every file of a task on several files (a CSV pair)', async () => {
    const queue = new PathQueue('linux');
    const events: string[] = [];
    const blocked = gate();
    const single = queue.run(['/w/solutions.csv'], async () => {
      await blocked.promise;
      events.push('solutions alone');
    });
    const pair = queue.run(['/w/pain points.csv', '/w/solutions.csv'], async () => void events.push('pair'));
    const after = queue.run(['/w/pain points.csv'], async () => void events.push('pain points after'));
    await tick();
    expect(events).toEqual([]);
    blocked.open();
    await Promise.all([single, pair, after]);
    expect(events).toEqual(['solutions alone', 'pair', 'pain points after']);
  });
});
