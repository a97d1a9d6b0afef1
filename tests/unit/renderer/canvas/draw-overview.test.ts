import { describe, expect, it } from 'vitest';
import { drawOverview, type OverviewColours, type OverviewStakeholder } from '../../../../renderer/src/canvas/large-map/draw-overview';
import { othersSelections } from '../../../../renderer/src/live/others-selections';
import type { LivePeerPresence } from '../../../../shared/live/live-protocol';

/*
 * The overview of a large map in a live session: what other people have selected is ringed in their colour and
 * tagged with their names, as the map's nodes show it; a pointer alone marks nothing. Drawn into a context that
 * records the calls a canvas would get.
 */

interface Call {
  readonly name: string;
  readonly args: readonly unknown[];
  readonly strokeStyle: unknown;
  readonly fillStyle: unknown;
}

/** A 2D context that records every method call, with the colours set at the time. */
function recordingContext(): { context: CanvasRenderingContext2D; calls: Call[] } {
  const calls: Call[] = [];
  const state: Record<string, unknown> = { strokeStyle: '', fillStyle: '', font: '10px sans-serif' };
  const context = new Proxy(state, {
    get(target, key: string) {
      if (key in target) return target[key];
      if (key === 'measureText') return (text: string) => ({ width: text.length * 6 });
      return (...args: unknown[]) => calls.push({ name: key, args, strokeStyle: target.strokeStyle, fillStyle: target.fillStyle });
    },
    set(target, key: string, value) {
      target[key] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
  return { context, calls };
}

const colours = Object.fromEntries(
  ['paper', 'ink', 'border', 'team', 'department', 'external', 'ring', 'healthy', 'neutral', 'strained', 'problematic'].map((k) => [k, `colour-${k}`]),
) as OverviewColours;

const box = (id: string, name: string, x: number): OverviewStakeholder => ({
  id,
  name,
  kind: 'department',
  box: { x, y: 0, width: 170, height: 60 },
  selected: false,
  dimmed: false,
  bottleneckRank: null,
});

const peer = (clientId: string, name: string, color: string, selection?: string[]): LivePeerPresence => ({
  clientId,
  name,
  color,
  pointer: { x: 10, y: 10 },
  ...(selection ? { selection } : {}),
});

function draw(peers: readonly LivePeerPresence[]) {
  const { context, calls } = recordingContext();
  const result = drawOverview(context, [box('s-legal', 'Legal', 0), box('s-brand', 'Brand', 400), box('s-hr', 'HR', 800)], [], colours, {
    transform: [0, 0, 0.25],
    width: 1280,
    height: 720,
    pixelRatio: 1,
    focusedId: null,
    othersSelections: othersSelections(peers),
  });
  return { result, calls };
}

describe('drawOverview: others’ selections in a live session', () => {
  it('rings each stakeholder someone else has selected in their colour, outside the box, and tags it with their names', () => {
    const { result, calls } = draw([peer('c-1', 'Priya', '#0b7285', ['s-legal', 's-hr']), peer('c-2', 'Sam', '#c2255c', ['s-hr'])]);
    expect(result.selectedByOthers).toBe(2);
    const rings = calls.filter((c) => c.name === 'strokeRect' && (c.strokeStyle === '#0b7285' || c.strokeStyle === '#c2255c'));
    // Legal is Priya's; HR is Priya's and Sam's, marked in the first one's colour; Brand is nobody's.
    expect(rings.map((c) => c.strokeStyle)).toEqual(['#0b7285', '#0b7285']);
    const [legalRing] = rings;
    const [x, y, width, height] = legalRing!.args as number[];
    // 6 screen pixels outside the box at zoom 0.25: 24 map units.
    expect([x, y, width, height]).toEqual([-24, -24, 170 + 48, 60 + 48]);
    const tags = calls.filter((c) => c.name === 'fillText' && c.fillStyle === '#fff').map((c) => c.args[0]);
    expect(tags).toEqual(['Priya', 'Priya, Sam']);
  });

  it('marks nothing for people who have nothing selected, or when no one else is there', () => {
    expect(draw([peer('c-1', 'Priya', '#0b7285'), peer('c-2', 'Sam', '#c2255c', [])]).result.selectedByOthers).toBe(0);
    const alone = draw([]);
    expect(alone.result.selectedByOthers).toBe(0);
    expect(alone.calls.some((c) => c.name === 'fillText' && c.fillStyle === '#fff')).toBe(false);
  });
});
