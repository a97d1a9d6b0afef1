import { describe, expect, it } from 'vitest';
import { ALLOWED_EXTERNAL_HOSTS, isAllowedExternalUrl } from '../../../../electron/services/external-links';

const HOSTS = ['docs.example.org', 'Example.COM'];

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://docs.example.org/',
    'https://docs.example.org/guide/workshops?lang=en#votes',
    'https://DOCS.EXAMPLE.ORG/upper',
    'https://example.com',
    'https://docs.example.org:443/default-port-is-dropped',
  ])('allows the https link %s on the allowlist', (url) => {
    expect(isAllowedExternalUrl(url, HOSTS)).toBe(true);
  });

  it.each([
    ['plain http', 'http://docs.example.org/'],
    ['a host not on the list', 'https://evil.example/'],
    ['a subdomain of a listed host', 'https://sub.docs.example.org/'],
    ['a listed host as a subdomain of another', 'https://docs.example.org.evil.example/'],
    ['a look-alike host', 'https://docs-example.org/'],
    ['credentials (user@ tricks)', 'https://docs.example.org@evil.example/'],
    ['a user name on a listed host', 'https://user@docs.example.org/'],
    ['another port', 'https://docs.example.org:8443/'],
    ['file:', 'file:///etc/passwd'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['a Windows protocol handler', 'ms-msdt:/id PCWDiagnostic'],
    ['smb:', 'smb://docs.example.org/share'],
    ['our own scheme', 'app://stakemap/index.html'],
    ['a relative URL', '/guide'],
    ['a protocol-relative URL', '//docs.example.org/'],
    ['leading whitespace', ' https://docs.example.org/'],
    ['a tab inside (the URL parser would strip it)', 'https://docs.exa\tmple.org/'],
    ['a newline inside', 'https://docs.example.org/\njavascript:alert(1)'],
    ['an empty string', ''],
    ['an enormous URL', `https://docs.example.org/${'a'.repeat(5000)}`],
    ['not a URL', 'docs.example.org'],
  ])('refuses %s', (_, url) => {
    expect(isAllowedExternalUrl(url, HOSTS)).toBe(false);
  });

  it('refuses a punycode host unless that very host is listed', () => {
    // "еxample.com" with a Cyrillic е becomes xn--xample-2of.com: not example.com.
    expect(isAllowedExternalUrl('https://\u0435xample.com/', HOSTS)).toBe(false);
  });

  it('opens nothing with the app’s own allowlist while it has no external links', () => {
    expect(ALLOWED_EXTERNAL_HOSTS).toEqual([]);
    expect(isAllowedExternalUrl('https://example.com/')).toBe(false);
  });
});
