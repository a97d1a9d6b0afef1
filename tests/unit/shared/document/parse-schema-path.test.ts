import { describe, expect, it, vi } from 'vitest';
import { CURRENT_VERSION } from '../../../../shared/document/format';
import { parseWorkspace } from '../../../../shared/document/parse';
import { serializeWorkspace } from '../../../../shared/document/serialize';
import { fullDocument } from '../../../fixtures/workspaces/build-fixtures';

/*
 * Every file takes the schema's path here: the fast check (fast-validate.ts) is mocked to be never sure. zod leaves
 * own "__proto__" keys out of the objects it builds, and parseWorkspace puts them back (keepProtoKeys); this checks
 * it does so inside snapshots too, where the fast path keeps them anyway (parse.test.ts).
 */
vi.mock('../../../../shared/document/fast-validate', () => ({ fastValidate: () => null }));

const ownValue = (object: unknown, key: string): unknown => Object.getOwnPropertyDescriptor(object, key)?.value;

describe('parseWorkspace on the schema’s path', () => {
  it('opens the full fixture document as the fast path would, snapshot included', () => {
    const text = serializeWorkspace(fullDocument());
    const result = parseWorkspace(text);
    expect(result.ok && result.document).toEqual(fullDocument());
    expect(result.ok && serializeWorkspace(result.document)).toBe(text);
  });

  it('keeps "__proto__" keys in a snapshot, its state and the state’s records as plain data', () => {
    const state = '{"__proto__":{"b":2},"stakeholders":[{"id":"s-1","name":"S","kind":"team","position":{"x":0,"y":0,"__proto__":{"c":3}},"__proto__":{"d":4}}],"relationships":[{"id":"r-1","source":"s-1","target":"s-1","otherSide":{"status":"healthy","__proto__":{"e":5}},"__proto__":{"f":6}}],"painPoints":[{"id":"p-1","title":"T","attachedTo":[{"type":"stakeholder","id":"s-1","__proto__":{"g":7}}],"__proto__":{"h":8}}],"solutions":[{"id":"x-1","title":"T","__proto__":{"i":9}}],"categories":[{"id":"c-1","name":"C","color":"#000","__proto__":{"j":10}}]}';
    const text = `{"format":"stakemap","version":${CURRENT_VERSION},"snapshots":[{"id":"snap-1","name":"N","takenAt":"2026-11-22T11:00:00.000Z","__proto__":{"a":1},"state":${state}}]}`;
    const result = parseWorkspace(text);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const [snapshot] = result.document.snapshots;
    const s = snapshot!.state;
    expect(Object.getPrototypeOf(snapshot)).toBe(Object.prototype);
    expect(ownValue(snapshot, '__proto__')).toEqual({ a: 1 });
    expect(ownValue(s, '__proto__')).toEqual({ b: 2 });
    expect(ownValue(s.stakeholders[0]!.position, '__proto__')).toEqual({ c: 3 });
    expect(ownValue(s.stakeholders[0], '__proto__')).toEqual({ d: 4 });
    expect(ownValue(s.relationships[0]!.otherSide, '__proto__')).toEqual({ e: 5 });
    expect(ownValue(s.relationships[0], '__proto__')).toEqual({ f: 6 });
    expect(ownValue(s.painPoints[0]!.attachedTo[0], '__proto__')).toEqual({ g: 7 });
    expect(ownValue(s.painPoints[0], '__proto__')).toEqual({ h: 8 });
    expect(ownValue(s.solutions[0], '__proto__')).toEqual({ i: 9 });
    expect(ownValue(s.categories[0], '__proto__')).toEqual({ j: 10 });
    expect(({} as Record<string, unknown>).a).toBeUndefined();
    // Written and read again, the same bytes.
    const written = serializeWorkspace(result.document);
    const reopened = parseWorkspace(written);
    expect(reopened.ok && serializeWorkspace(reopened.document)).toBe(written);
    expect(written).toContain('"__proto__":{"b":2}}');
  });
});
