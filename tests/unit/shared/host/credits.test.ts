import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CREDITS, creditLines } from '../../../../shared/host/credits';

describe('CREDITS', () => {
  it('names each library with the licence its installed package declares, and every one is a dependency', () => {
    const manifest = JSON.parse(readFileSync(path.resolve('package.json'), 'utf8')) as { dependencies?: object; devDependencies?: object };
    const declared = { ...manifest.dependencies, ...manifest.devDependencies };
    for (const credit of CREDITS) {
      expect(Object.keys(declared), credit.packageName).toContain(credit.packageName);
      // node_modules/<name>/package.json directly: some packages' exports do not expose it.
      const installed = JSON.parse(readFileSync(path.resolve('node_modules', credit.packageName, 'package.json'), 'utf8')) as { license?: string };
      expect(installed.license, credit.packageName).toBe(credit.licence);
    }
  });

  it('credits React Flow, as its licence and its authors ask, in words rather than a link', () => {
    expect(creditLines()).toContain('React Flow (xyflow) (MIT licence): the map canvas.');
    expect(creditLines().join(' ')).not.toMatch(/https?:/);
  });
});
