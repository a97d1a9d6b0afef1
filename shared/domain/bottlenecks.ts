import { UndirectedGraph } from 'graphology';
// The `.js` is needed: graphology-metrics is CommonJS without an `exports` map, so Node's ESM resolver (tsx,
// scripts) finds the file only by its full name; Vite and TypeScript accept it too.
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import type { RelationshipStatus } from '../document/format';
import type { WorkspaceDocument } from '../document/schema';
import { stakeholderName } from './pain-point-index';

/*
 * "Who is the bottleneck": the stakeholders that the shortest routes between other stakeholders run through
 * (weighted betweenness centrality), for the "Bridges and bottlenecks" list. Relationships count in both
 * directions. A stakeholder many routes pass through is one the rest of the map depends on to reach each other:
 * a bridge when the relationships around it are healthy, a bottleneck when they are not.
 */

/**
 * How long a route through a relationship of each status is. Work between two stakeholders whose relationship is
 * strained or problematic tends to go round it, through someone both sides still talk to, so a route through
 * such a relationship counts as longer: a problematic relationship (3) loses to a detour through two healthy or
 * neutral ones (2), and ties with a detour through three. Healthy and neutral are the same length, since both
 * are relationships people use.
 */
export const RELATIONSHIP_DISTANCE: Readonly<Record<RelationshipStatus, number>> = {
  healthy: 1,
  neutral: 1,
  strained: 2,
  problematic: 3,
};

/** One stakeholder in the "Bridges and bottlenecks" list. */
export interface BottleneckEntry {
  readonly id: string;
  /** The stakeholder's name as in the document (the explanation shows `Unnamed stakeholder` for an empty one). */
  readonly name: string;
  /** How many other stakeholders it has a relationship with (parallel relationships count once). */
  readonly degree: number;
  /**
   * Weighted betweenness, not normalized: the number of routes between pairs of other stakeholders that pass
   * through it, a pair whose equally short routes split counting as a share.
   */
  readonly routesThrough: number;
  /** Pairs of other stakeholders that are connected at all. */
  readonly routesTotal: number;
  /** routesThrough / routesTotal, 0 when routesTotal is 0. */
  readonly share: number;
  /** One line in words, e.g. `12 of the 45 routes between other stakeholders pass through Brand; connected to 6.` */
  readonly explanation: string;
}

type Distance = { distance: number };

/**
 * The stakeholders ranked by how many routes between others pass through them, then by how many they are
 * connected to, then by name and id (so the order is the same on every run). Stakeholders with no relationship
 * at all are left out. Relationships with a missing end and self-loops are ignored; parallel relationships
 * between the same two stakeholders count once, at the shortest distance among them.
 */
export function bridgesAndBottlenecks(doc: Pick<WorkspaceDocument, 'stakeholders' | 'relationships'>): BottleneckEntry[] {
  const graph = new UndirectedGraph<Record<string, never>, Distance>();
  const names = new Map<string, string>();
  for (const s of doc.stakeholders) {
    // A file written by another tool may repeat an id; the first stakeholder with it is the one listed.
    if (names.has(s.id)) continue;
    names.set(s.id, s.name);
    graph.addNode(s.id);
  }
  for (const r of doc.relationships) {
    if (r.source === r.target || !graph.hasNode(r.source) || !graph.hasNode(r.target)) continue;
    const distance = RELATIONSHIP_DISTANCE[r.status];
    const existing = graph.edge(r.source, r.target);
    if (existing === undefined) graph.addEdge(r.source, r.target, { distance });
    else if (distance < graph.getEdgeAttribute(existing, 'distance')) graph.setEdgeAttribute(existing, 'distance', distance);
  }

  // Without a relationship nobody is listed; returning early also spares graphology's Brandes an empty map, which
  // it refuses (it sizes a stack by the number of stakeholders, and that must be positive).
  if (graph.size === 0) return [];

  // Not normalized, so an undirected graph's value is the count of unordered pairs (graphology halves the sum
  // over both directions). Distances are small integers, so equally short routes compare exactly equal.
  const betweenness = betweennessCentrality(graph, { getEdgeWeight: 'distance', normalized: false });
  const { componentSize, connectedPairs } = components(graph);

  const entries: BottleneckEntry[] = [];
  for (const [id, name] of names) {
    const degree = graph.degree(id);
    const routesThrough = settle(betweenness[id] ?? 0);
    if (degree === 0 && routesThrough === 0) continue;
    // Pairs that include this stakeholder itself are not routes "between others".
    const routesTotal = connectedPairs - ((componentSize.get(id) ?? 1) - 1);
    entries.push({
      id,
      name,
      degree,
      routesThrough,
      routesTotal,
      share: routesTotal === 0 ? 0 : routesThrough / routesTotal,
      explanation: explain(stakeholderName(name), routesThrough, routesTotal, degree),
    });
  }
  return entries.sort(
    (a, b) => b.routesThrough - a.routesThrough || b.degree - a.degree || compareNames(a.name, b.name) || compareCodeUnits(a.id, b.id),
  );
}

/** The stakeholder most routes between others pass through, or null when no stakeholder has a relationship. */
export function topBottleneck(doc: Pick<WorkspaceDocument, 'stakeholders' | 'relationships'>): BottleneckEntry | null {
  return bridgesAndBottlenecks(doc)[0] ?? null;
}

/** The size of the connected component each stakeholder is in, and how many pairs of stakeholders are connected. */
function components(graph: UndirectedGraph<Record<string, never>, Distance>): { componentSize: Map<string, number>; connectedPairs: number } {
  const sizes = new Map<string, number>();
  let connectedPairs = 0;
  for (const start of graph.nodes()) {
    if (sizes.has(start)) continue;
    const members = [start];
    const seen = new Set(members);
    // A breadth-first walk: iterating an array also visits the items pushed onto it along the way.
    for (const member of members) {
      graph.forEachNeighbor(member, (neighbour) => {
        if (!seen.has(neighbour)) {
          seen.add(neighbour);
          members.push(neighbour);
        }
      });
    }
    for (const member of members) sizes.set(member, members.length);
    connectedPairs += (members.length * (members.length - 1)) / 2;
  }
  return { componentSize: sizes, connectedPairs };
}

/**
 * Betweenness adds up fractions of routes, so a value that is 2 on paper can come out as 1.9999999999999998 and
 * sort below another 2; rounding far below anything shown makes equal values equal, and the ranking stable.
 */
function settle(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/** `12 of the 45 routes between other stakeholders pass through Brand; connected to 6.` */
function explain(name: string, routesThrough: number, routesTotal: number, degree: number): string {
  const connected = `connected to ${count(degree)}.`;
  if (routesThrough === 0) return `No route between others passes through ${name}; ${connected}`;
  const through = routesShown(routesThrough);
  if (routesTotal === 1) {
    if (through === '1') return `The only route between other stakeholders passes through ${name}; ${connected}`;
    return `${through} of the only route between other stakeholders passes through ${name}; ${connected}`;
  }
  // The verb agrees with a whole count ("1 ... passes", "12 ... pass"), and a fraction of several routes with
  // the routes ("0.5 of the 3 routes pass").
  const verb = through === '1' ? 'passes' : 'pass';
  return `${through} of the ${count(routesTotal)} routes between other stakeholders ${verb} through ${name}; ${connected}`;
}

/**
 * A share of routes as read in a sentence: a whole number, or one decimal below 1, where rounding to a whole
 * number would turn a real share into "0" (which reads as "none") or overstate it as "1".
 */
function routesShown(routes: number): string {
  if (routes >= 1) return count(Math.round(routes));
  const tenths = Math.round(routes * 10) / 10;
  if (tenths === 0) return 'less than 0.1';
  if (tenths === 1) return '1';
  return tenths.toFixed(1);
}

/** A whole number with thousands separators, the same on every machine (a large map has 499,500 pairs). */
function count(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * Orders names the way a reader expects (case and accents ignored: "brand" next to "Brand", "Équipe" among the
 * Es) under one fixed locale, not the machine's, then by code units, so that names equal to a reader still sort
 * the same way on every run.
 */
const READER_ORDER = new Intl.Collator('en', { sensitivity: 'base' });

function compareNames(a: string, b: string): number {
  return READER_ORDER.compare(a, b) || compareCodeUnits(a, b);
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
