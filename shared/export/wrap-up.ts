import type { SolutionStatus } from '../document/format';
import type { WorkspaceDocument } from '../document/schema';
import { SOLUTION_STATUS_LABELS } from '../document/vocabulary';
import { isLiveSolution } from '../domain/unaddressed';
import { rankPainPoints, type RankedPainPoint } from '../domain/votes';
import { formatReportDate, UNCATEGORISED_NAME } from './report';

/*
 * The wrap-up: the one page the room leaves with. The top three pain points by votes, overall and in each
 * category (ties shown, so a fourth with as many votes as the third is listed too), the candidate solutions for
 * each with owner, status and due date, which of them still have no live solution, and the date, the agenda and
 * how many took part. Pure, like the report: the PDF's first page and the Markdown both render this.
 */

/** How many places the wrap-up lists (more when there are ties for the last place). */
export const WRAP_UP_PLACES = 3;

export interface WrapUpSolution {
  readonly title: string;
  readonly owner: string;
  readonly status: SolutionStatus;
  readonly statusLabel: string;
  /** "YYYY-MM-DD", or null. */
  readonly dueDate: string | null;
}

export interface WrapUpPainPoint {
  readonly id: string;
  readonly rank: number;
  readonly tied: boolean;
  readonly title: string;
  readonly votes: number;
  readonly categoryName: string;
  /** No live (not dropped) solution addresses it. */
  readonly unaddressed: boolean;
  readonly solutions: readonly WrapUpSolution[];
}

export interface WrapUp {
  readonly title: string;
  readonly dateLabel: string;
  readonly participantCount: number;
  /** The agenda's stages with their timeboxes (empty when the workspace shows no agenda). */
  readonly agenda: ReadonlyArray<{ readonly title: string; readonly minutes: number }>;
  readonly top: readonly WrapUpPainPoint[];
  readonly byCategory: ReadonlyArray<{ readonly name: string; readonly color: string; readonly top: readonly WrapUpPainPoint[] }>;
  /** Top pain points (overall or in a category) without a live solution, each once. */
  readonly unaddressedTop: readonly WrapUpPainPoint[];
}

/** The places up to `places`, and every pain point tied with the last of them. Pain points without votes are left out. */
function topPlaces(ranked: readonly RankedPainPoint[], places: number): RankedPainPoint[] {
  const voted = ranked.filter((r) => r.votes > 0);
  const last = voted[places - 1];
  return last ? voted.filter((r) => r.rank <= last.rank) : voted;
}

/** The wrap-up of a workspace, dated `generatedAt`. */
export function buildWrapUp(doc: WorkspaceDocument, generatedAt: Date): WrapUp {
  const categories = new Map(doc.categories.map((c) => [c.id, c]));
  const solutionsOf = (painPointId: string) => doc.solutions.filter((s) => s.addresses.includes(painPointId));
  const item = (r: RankedPainPoint): WrapUpPainPoint => {
    const solutions = solutionsOf(r.painPoint.id);
    return {
      id: r.painPoint.id,
      rank: r.rank,
      tied: r.tied,
      title: r.painPoint.title || 'Untitled pain point',
      votes: r.votes,
      categoryName: categories.get(r.painPoint.categoryId)?.name ?? UNCATEGORISED_NAME,
      unaddressed: !solutions.some(isLiveSolution),
      solutions: solutions.map((s) => ({ title: s.title || 'Untitled solution', owner: s.owner, status: s.status, statusLabel: SOLUTION_STATUS_LABELS[s.status], dueDate: s.dueDate })),
    };
  };
  const ranked = rankPainPoints(doc);
  const top = topPlaces(ranked, WRAP_UP_PLACES).map(item);
  const byCategory = doc.categories
    .map((category) => {
      // Ranked again within the category: its own first place is 1 whatever the overall ranking says.
      const inCategory = rankPainPoints({ painPoints: doc.painPoints.filter((p) => p.categoryId === category.id), ballots: doc.ballots });
      return { name: category.name, color: category.color, top: topPlaces(inCategory, WRAP_UP_PLACES).map(item) };
    })
    .filter((c) => c.top.length > 0);
  const unaddressed = new Map<string, WrapUpPainPoint>();
  for (const p of [...top, ...byCategory.flatMap((c) => c.top)]) if (p.unaddressed && !unaddressed.has(p.id)) unaddressed.set(p.id, p);
  return {
    title: doc.title.trim() === '' ? 'Untitled workspace' : doc.title,
    dateLabel: formatReportDate(generatedAt),
    participantCount: doc.participants.length,
    agenda: doc.agenda.visible ? doc.agenda.stages.map((s) => ({ title: s.title, minutes: s.minutes })) : [],
    top,
    byCategory,
    unaddressedTop: [...unaddressed.values()],
  };
}
