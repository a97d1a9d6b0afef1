import type { WorkspaceDocument } from '../document/schema';
import { TYPICAL_FUNCTIONS } from '../domain/typical-functions';
import { connectStakeholders } from '../operations/relationships';
import { addStakeholder } from '../operations/stakeholders';
import { createWorkspace } from '../operations/workspace';

/*
 * New from template. A facilitator starting a workshop should not begin from an empty page: "Organising for
 * Social" puts the team in the middle and the functions a social team typically liaises with around it, already
 * connected to it (the room then marks which relationships hurt and removes the ones that do not apply), with the
 * six categories and the seed workshop's agenda. "Blank" is an empty map without an agenda.
 */

export const TEMPLATE_IDS = ['organising-for-social', 'blank'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export interface WorkspaceTemplate {
  readonly id: TemplateId;
  /** The name on the start view's button and in File > New from Template. */
  readonly name: string;
  readonly description: string;
}

export const TEMPLATES: readonly WorkspaceTemplate[] = [
  {
    id: 'organising-for-social',
    name: 'Organising for Social',
    description: 'The team in the middle, the functions it usually works with around it, the six categories and a workshop agenda.',
  },
  { id: 'blank', name: 'Blank', description: 'An empty map with the six categories and no agenda.' },
];

/** Boxes are about this size before they are measured: the rings below leave room for them and their labels. */
const BOX = { width: 230, height: 70 };

/**
 * Points on an ellipse around the centre, starting at the top and going clockwise, for `count` boxes' centres.
 * Wider than tall, like the screens the map is shown on.
 */
function ring(count: number, rx: number, ry: number, startAngle = -Math.PI / 2): { x: number; y: number }[] {
  return Array.from({ length: count }, (_, i) => {
    const angle = startAngle + (i * 2 * Math.PI) / count;
    return { x: Math.round(rx * Math.cos(angle)), y: Math.round(ry * Math.sin(angle)) };
  });
}

/** The workspace a template starts from, titled and stamped `now`. */
export function workspaceFromTemplate(id: TemplateId, now: Date): WorkspaceDocument {
  switch (id) {
    case 'blank': {
      // A map that is not a workshop: the agenda (there to turn on later from View > Show Agenda) stays hidden.
      const doc = createWorkspace('Untitled workspace', now);
      return { ...doc, agenda: { ...doc.agenda, visible: false } };
    }
    case 'organising-for-social':
      return organisingForSocial(now);
    default: {
      const unreachable: never = id;
      return unreachable;
    }
  }
}

function organisingForSocial(now: Date): WorkspaceDocument {
  let doc: WorkspaceDocument = { ...createWorkspace('Organising for Social workshop', now) };
  const team = TYPICAL_FUNCTIONS.find((f) => f.kind === 'team');
  const departments = TYPICAL_FUNCTIONS.filter((f) => f.kind === 'department');
  const externals = TYPICAL_FUNCTIONS.filter((f) => f.kind === 'external');
  const topLeft = (centre: { x: number; y: number }) => ({ x: centre.x - BOX.width / 2, y: centre.y - BOX.height / 2 });
  doc = addStakeholder(doc, { id: 's-team', name: team?.name ?? 'Social media team', kind: 'team', position: topLeft({ x: 0, y: 0 }) });
  // Departments on the inner ring; outside parties on an outer ring of the same shape, each halfway between two
  // departments (so its line to the team passes between them), spread round like the corners of the screen.
  const step = (2 * Math.PI) / departments.length;
  const inner = ring(departments.length, 700, 380);
  const outer = externals.map((_, i) => {
    const between = Math.round(((i + 0.5) * departments.length) / externals.length);
    const angle = -Math.PI / 2 + (between - 0.5) * step;
    return { x: Math.round(1.55 * 700 * Math.cos(angle)), y: Math.round(1.55 * 380 * Math.sin(angle)) };
  });
  const placed = [
    ...departments.map((f, i) => ({ ...f, centre: inner[i] ?? { x: 0, y: 0 } })),
    ...externals.map((f, i) => ({ ...f, centre: outer[i] ?? { x: 0, y: 0 } })),
  ];
  placed.forEach((f, i) => {
    const id = `s-${slug(f.name) || i}`;
    doc = addStakeholder(doc, { id, name: f.name, kind: f.kind, position: topLeft(f.centre) });
    doc = connectStakeholders(doc, { id: `r-${slug(f.name) || i}`, source: 's-team', target: id });
  });
  return doc;
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
