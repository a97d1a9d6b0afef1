import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContentSecurityPolicy, scriptPolicyProblems } from '../../../electron/content-security-policy';

/*
 * The Content Security Policy the BUILT renderer carries (dist/renderer/index.html, as packaged), read from its
 * <meta http-equiv> tag: scripts only from the app, never inline or eval. Vite rewrites index.html on build, so
 * the source file proves nothing about what ships. Skipped, saying so, until `npm run build` has run (npm test
 * always builds first).
 */

const BUILT_INDEX = path.resolve(__dirname, '../../../dist/renderer/index.html');
const built = existsSync(BUILT_INDEX);
const NOT_BUILT = 'skipped: dist/renderer/index.html is not built — run `npm run build` first';

if (!built) console.warn(`[built-renderer-csp] ${NOT_BUILT}`);

/** The content of every <meta http-equiv="Content-Security-Policy"> tag, whatever the attribute order or quotes. */
function cspMetaPolicies(html: string): string[] {
  const policies: string[] = [];
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    const attributes = new Map<string, string>();
    for (const m of tag.matchAll(/([a-z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) attributes.set(m[1]!.toLowerCase(), m[2] ?? m[3] ?? '');
    if (attributes.get('http-equiv')?.toLowerCase() === 'content-security-policy') policies.push(attributes.get('content') ?? '');
  }
  return policies;
}

describe.skipIf(!built)(`built renderer CSP${built ? '' : ` (${NOT_BUILT})`}`, () => {
  const html = built ? readFileSync(BUILT_INDEX, 'utf8') : '';

  it('has exactly one CSP meta tag, before any script', () => {
    const policies = cspMetaPolicies(html);
    expect(policies).toHaveLength(1);
    const metaAt = html.search(/<meta\b[^>]*Content-Security-Policy/i);
    const firstScript = html.search(/<script\b/i);
    expect(metaAt).toBeGreaterThanOrEqual(0);
    if (firstScript >= 0) expect(metaAt).toBeLessThan(firstScript);
  });

  it("allows no 'unsafe-inline' or 'unsafe-eval' (nor any other unsafe source) in script-src", () => {
    const [policy] = cspMetaPolicies(html);
    const directives = parseContentSecurityPolicy(policy!);
    const scriptSources = (directives.get('script-src') ?? directives.get('default-src') ?? []).map((s) => s.toLowerCase());
    expect(scriptSources.length).toBeGreaterThan(0);
    expect(scriptSources).not.toContain("'unsafe-inline'");
    expect(scriptSources).not.toContain("'unsafe-eval'");
    expect(scriptPolicyProblems(policy!)).toEqual([]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
  });

  it('needs no inline script: every script has a src inside the app, and no element has an on… handler', () => {
    for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
      expect(tag, tag).toMatch(/\bsrc\s*=\s*["']\.?\/?assets\//);
    }
    expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
  });
});

describe('cspMetaPolicies', () => {
  it('reads the policy whatever the attribute order and quotes', () => {
    expect(cspMetaPolicies(`<meta content="script-src 'self'" http-equiv="Content-Security-Policy">`)).toEqual(["script-src 'self'"]);
    expect(cspMetaPolicies(`<META HTTP-EQUIV='content-security-policy' CONTENT="default-src 'none'" />`)).toEqual(["default-src 'none'"]);
    expect(cspMetaPolicies('<meta charset="utf-8"><meta name="viewport" content="width=device-width">')).toEqual([]);
  });
});
