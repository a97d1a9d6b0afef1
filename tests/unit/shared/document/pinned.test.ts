import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fastValidate } from '../../../../shared/document/fast-validate';
import { parseWorkspace } from '../../../../shared/document/parse';
import { workspaceSchema } from '../../../../shared/document/schema';
import { KEY_ORDER, serializeWorkspace } from '../../../../shared/document/serialize';
import { updateStakeholder } from '../../../../shared/operations/stakeholders';
import { fullDocument } from '../../../fixtures/workspaces/build-fixtures';
import { readFixture } from '../test-helpers';

/*
 * "pinned" (Tidy layout leaves the stakeholder where it is) is optional and written only when true: files without
 * pinned stakeholders keep their exact bytes, and unpinning gives back the file there was before pinning. No
 * format version bump: older versions of the app keep it as an unknown property.
 */

const SAMPLE = readFileSync(new URL('../../../../shared/sample/organising-for-social.stakemap', import.meta.url), 'utf8');

const reopened = (text: string) => {
  const result = parseWorkspace(text);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.document;
};

describe('pinned stakeholders in the workspace file', () => {
  it.each([
    ['the bundled sample', SAMPLE],
    ['valid-full.stakemap', readFixture('valid-full.stakemap')],
    ['valid-minimal.stakemap', readFixture('valid-minimal.stakemap')],
  ])('%s, which pins nothing, is written again byte for byte', (_, text) => {
    expect(text).not.toContain('"pinned": true');
    expect(serializeWorkspace(reopened(text))).toBe(text);
  });

  it('writes "pinned": true right after the colour, and reads it back', () => {
    const doc = updateStakeholder(fullDocument(), 's-legal', { pinned: true });
    const text = serializeWorkspace(doc);
    expect(text).toContain('"color": null,\n      "pinned": true\n');
    expect(KEY_ORDER.stakeholder.at(-1)).toBe('pinned');
    const back = reopened(text);
    expect(back.stakeholders.find((s) => s.id === 's-legal')?.pinned).toBe(true);
    expect(serializeWorkspace(back)).toBe(text);
  });

  it('pinning then unpinning gives back the very same file', () => {
    const before = serializeWorkspace(fullDocument());
    const pinned = updateStakeholder(fullDocument(), 's-brand', { pinned: true });
    const unpinned = updateStakeholder(pinned, 's-brand', { pinned: false });
    expect(unpinned.stakeholders.find((s) => s.id === 's-brand')).not.toHaveProperty('pinned');
    expect(serializeWorkspace(unpinned)).toBe(before);
  });

  it('keeps a "pinned": false that another tool wrote (it means unpinned already)', () => {
    const text = serializeWorkspace(fullDocument()).replace('"color": null\n', '"color": null,\n      "pinned": false\n');
    expect(text).toContain('"pinned": false');
    const doc = reopened(text);
    expect(serializeWorkspace(doc)).toBe(text);
    // Unpinning what is not pinned changes nothing, so it makes no undo step.
    const id = doc.stakeholders.find((s) => s.pinned === false)!.id;
    expect(updateStakeholder(doc, id, { pinned: false })).toBe(doc);
  });

  it.each([['"yes"'], ['1'], ['null'], ['{}']])('refuses "pinned": %s on both validation paths, naming the field', (value) => {
    const raw = JSON.parse(serializeWorkspace(fullDocument())) as { stakeholders: Record<string, unknown>[] };
    raw.stakeholders[1]!.pinned = JSON.parse(value);
    expect(fastValidate(raw)).toBeNull();
    expect(workspaceSchema.safeParse(raw).success).toBe(false);
    const result = parseWorkspace(JSON.stringify(raw));
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).toContain('pinned');
  });

  it('the fast path builds what the schema builds for a pinned stakeholder', () => {
    const raw = JSON.parse(serializeWorkspace(updateStakeholder(fullDocument(), 's-legal', { pinned: true }))) as unknown;
    const checked = workspaceSchema.safeParse(raw);
    expect(checked.success).toBe(true);
    expect(fastValidate(raw)).toEqual(checked.data);
  });
});
