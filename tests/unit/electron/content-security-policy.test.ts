import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  parseContentSecurityPolicy,
  scriptPolicyProblems,
} from '../../../electron/content-security-policy';

describe('CONTENT_SECURITY_POLICY', () => {
  it('allows scripts and styles from the app only, and closes everything else', () => {
    const directives = parseContentSecurityPolicy(CONTENT_SECURITY_POLICY);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(eval|inline)/);
    expect(scriptPolicyProblems(CONTENT_SECURITY_POLICY)).toEqual([]);
  });
});

describe('scriptPolicyProblems', () => {
  it('finds unsafe script sources, falling back to default-src', () => {
    expect(scriptPolicyProblems("script-src 'self' 'unsafe-eval'")).toEqual(["script-src allows 'unsafe-eval'"]);
    expect(scriptPolicyProblems("default-src 'self' 'unsafe-inline'")).toEqual(["script-src allows 'unsafe-inline'"]);
    expect(scriptPolicyProblems("script-src 'self' https://cdn.example")).toEqual(['script-src allows https://cdn.example']);
    expect(scriptPolicyProblems("style-src 'self'")).toEqual(['no script-src or default-src directive']);
    expect(scriptPolicyProblems("default-src 'none'; script-src 'self'; style-src 'unsafe-inline'")).toEqual([]);
  });
});
