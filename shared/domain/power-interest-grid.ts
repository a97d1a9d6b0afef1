import type { Stakeholder } from '../document/schema';

/*
 * The power/interest grid (Mendelow's matrix, as Stakeholder Circle, Kumu and the Miro template draw it): each
 * stakeholder placed by influence (up) and interest (across), both 1..5, in one of 25 cells; the four quadrants
 * say how to engage. 3 is the middle of the scale and counts as high: a stakeholder of middling influence and
 * interest is one to manage closely rather than to leave to monitoring.
 */

export const GRID_MIN = 1;
export const GRID_MAX = 5;
export const GRID_SCORES = [1, 2, 3, 4, 5] as const;
/** Scores from this one up are "high" on their axis. */
export const HIGH_FROM = 3;

export type Quadrant = 'manageClosely' | 'keepSatisfied' | 'keepInformed' | 'monitor';

export const QUADRANTS: Readonly<Record<Quadrant, { readonly name: string; readonly advice: string }>> = {
  manageClosely: { name: 'Manage closely', advice: 'High influence, high interest: involve them in decisions.' },
  keepSatisfied: { name: 'Keep satisfied', advice: 'High influence, low interest: meet their needs without overloading them.' },
  keepInformed: { name: 'Keep informed', advice: 'Low influence, high interest: keep them up to date and listen.' },
  monitor: { name: 'Monitor', advice: 'Low influence, low interest: watch for changes, with little effort.' },
};

export interface GridScores {
  readonly influence: number;
  readonly interest: number;
}

export function quadrantOf({ influence, interest }: GridScores): Quadrant {
  const powerful = influence >= HIGH_FROM;
  const interested = interest >= HIGH_FROM;
  if (powerful) return interested ? 'manageClosely' : 'keepSatisfied';
  return interested ? 'keepInformed' : 'monitor';
}

/** A stakeholder's place on the grid, or null when it lacks either score (it waits in the tray). */
export function gridScoresOf(stakeholder: Pick<Stakeholder, 'influence' | 'interest'>): GridScores | null {
  const { influence, interest } = stakeholder;
  return influence === undefined || interest === undefined ? null : { influence, interest };
}

/** Any number to a whole score on the scale: how a drop between cells or off the grid is snapped. */
export function snapScore(value: number): number {
  if (!Number.isFinite(value)) return HIGH_FROM;
  return Math.min(GRID_MAX, Math.max(GRID_MIN, Math.round(value)));
}

/**
 * The scores under a point of the grid's drawing area: `x` from the left edge (interest 1 .. 5 left to right),
 * `y` from the top edge (influence 5 .. 1 top to bottom), each axis split into five equal bands.
 */
export function scoresAtPoint(x: number, y: number, width: number, height: number): GridScores {
  const band = (fraction: number) => snapScore(Math.floor(Math.min(0.9999, Math.max(0, fraction)) * 5) + 1);
  return { interest: band(x / width), influence: GRID_MAX + GRID_MIN - band(y / height) };
}

export interface GridPlacement {
  readonly scores: GridScores;
  /** 0-based place among the stakeholders sharing the cell, in name order: ties are spread, none hides. */
  readonly index: number;
  /** How many share the cell. */
  readonly of: number;
}

const byName = (a: Pick<Stakeholder, 'name' | 'id'>, b: Pick<Stakeholder, 'name' | 'id'>) =>
  a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Where each scored stakeholder goes, and the unscored ones (the tray), both in name order. */
export function layoutGrid<S extends Pick<Stakeholder, 'id' | 'name' | 'influence' | 'interest'>>(
  stakeholders: readonly S[],
): { placed: Map<string, GridPlacement>; cells: Map<string, S[]>; tray: S[] } {
  const cells = new Map<string, S[]>();
  const tray: S[] = [];
  for (const s of [...stakeholders].sort(byName)) {
    const scores = gridScoresOf(s);
    if (!scores) {
      tray.push(s);
      continue;
    }
    const key = cellKey(scores);
    const list = cells.get(key);
    if (list) list.push(s);
    else cells.set(key, [s]);
  }
  const placed = new Map<string, GridPlacement>();
  for (const list of cells.values()) {
    list.forEach((s, index) => placed.set(s.id, { scores: gridScoresOf(s)!, index, of: list.length }));
  }
  return { placed, cells, tray };
}

export const cellKey = ({ influence, interest }: GridScores) => `${influence}:${interest}`;

/** The scores one arrow key further (keyboard moves on the grid): up/down is influence, left/right interest. */
export function nudgeScores(scores: GridScores | null, direction: 'up' | 'down' | 'left' | 'right'): GridScores {
  const from = scores ?? { influence: HIGH_FROM, interest: HIGH_FROM };
  if (!scores) return from;
  switch (direction) {
    case 'up':
      return { ...from, influence: snapScore(from.influence + 1) };
    case 'down':
      return { ...from, influence: snapScore(from.influence - 1) };
    case 'left':
      return { ...from, interest: snapScore(from.interest - 1) };
    case 'right':
      return { ...from, interest: snapScore(from.interest + 1) };
  }
}
