import type { core, ZodType } from 'zod';

/*
 * The problems of an invalid file, found with work bounded by the file's size. Handing a whole hostile document
 * to zod costs without limit: it collects every issue before any is shown (1,000,000 `{}` stakeholders made
 * 4,000,000 issue objects, 32 s and 3 GB), and it spreads each list's issues into `push`, which overflows the
 * call stack at ~125,000 bad items (RangeError). This walks the schema's own structure instead (objects by
 * their shape, lists item by item, optional/default/nullable wrappers) and asks zod only about single leaf
 * values, so every issue keeps zod's own wording, and it stops once it has counted `countLimit` problems.
 */

/** One zod issue with its full path from the document's root. */
export type RootedIssue = core.$ZodIssue;

export interface ProblemSearch {
  /** The first `listLimit` issues, in document order. */
  readonly issues: readonly RootedIssue[];
  /** How many problems were counted (at most `countLimit`). */
  readonly total: number;
  /** True when the count stopped at `countLimit`: there are at least `total` problems. */
  readonly stoppedCounting: boolean;
}

export interface ProblemSearchLimits {
  readonly listLimit: number;
  readonly countLimit: number;
}

/** What zod's internal definition says about a schema, as far as the walk needs it. */
interface SchemaDef {
  readonly type: string;
  readonly innerType?: ZodType;
  readonly element?: ZodType;
  readonly shape?: Record<string, ZodType>;
}

const defOf = (schema: ZodType): SchemaDef => (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;

class Enough extends Error {}

/**
 * The problems zod would report for `value` against `schema` (each with its full path), the first `listLimit`
 * of them kept and at most `countLimit` counted. Linear in the size of `value`; never recurses deeper than the
 * schema nests, whatever the data holds.
 */
export function findProblems(schema: ZodType, value: unknown, limits: ProblemSearchLimits): ProblemSearch {
  const issues: RootedIssue[] = [];
  let total = 0;
  let stoppedCounting = false;

  /** Counts one problem, and ends the walk at the counting limit. */
  const countOne = () => {
    total += 1;
    if (total >= limits.countLimit) {
      stoppedCounting = true;
      throw new Enough();
    }
  };

  const record = (found: readonly core.$ZodIssue[], path: readonly PropertyKey[]) => {
    for (const issue of found) {
      if (issues.length < limits.listLimit) issues.push({ ...issue, path: [...path, ...issue.path] });
      countOne();
    }
  };

  /**
   * Asks zod about a value the walk does not take apart (a leaf, or a value of the wrong type). Once enough
   * issues are listed, an absent required value is counted without asking: zod's answer is always one issue.
   */
  const askZod = (node: ZodType, v: unknown, path: readonly PropertyKey[]) => {
    if (v === undefined && issues.length >= limits.listLimit) return countOne();
    const checked = node.safeParse(v);
    if (!checked.success) record(checked.error.issues, path);
  };

  const visit = (node: ZodType, v: unknown, path: PropertyKey[]): void => {
    const def = defOf(node);
    switch (def.type) {
      case 'optional':
      case 'default':
        // Both accept an absent value (default fills it in); a present one must match the inner schema.
        if (v === undefined) return;
        return visit(def.innerType!, v, path);
      case 'nullable':
        if (v === null) return;
        return visit(def.innerType!, v, path);
      case 'object': {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return askZod(node, v, path);
        const item = v as Record<string, unknown>;
        for (const key of Object.keys(def.shape!)) {
          // Object.hasOwn: a key such as "constructor" must not find Object.prototype's function.
          visit(def.shape![key]!, Object.hasOwn(item, key) ? item[key] : undefined, [...path, key]);
        }
        return;
      }
      case 'array': {
        if (!Array.isArray(v)) return askZod(node, v, path);
        for (let i = 0; i < v.length; i += 1) visit(def.element!, v[i], [...path, i]);
        return;
      }
      default:
        return askZod(node, v, path);
    }
  };

  try {
    visit(schema, value, []);
  } catch (error) {
    if (!(error instanceof Enough)) throw error;
  }
  return { issues, total, stoppedCounting };
}
