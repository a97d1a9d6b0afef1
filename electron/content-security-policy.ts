/**
 * The Content Security Policy of the app's page, sent as a response header by the app:// protocol (and by the
 * end-to-end harness, so CSP violations fail tests). The renderer's index.html carries the same policy in a
 * <meta> tag; when both exist the browser enforces both.
 *
 * - script-src 'self': only the bundled scripts; no inline script, no eval (Electron security checklist, item 7).
 * - style-src 'self': stylesheets from the bundle only. React and React Flow set styles through the CSSOM
 *   (element.style.x = ...), which CSP does not restrict, so 'unsafe-inline' is not needed.
 * - img-src/font-src allow data: and blob: for exported images and embedded fonts made in the page itself.
 * - frame-ancestors, base-uri, form-action, object-src closed: nothing embeds, redirects or posts anywhere.
 */
export const CONTENT_SECURITY_POLICY_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'", 'data:', 'blob:'],
  'worker-src': ["'self'", 'blob:'],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-src': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/** The policy as one header value. */
export const CONTENT_SECURITY_POLICY = Object.entries(CONTENT_SECURITY_POLICY_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');

/** Parses a policy string into directive → sources (lower-cased directive names), for checks and tests. */
export function parseContentSecurityPolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/**
 * The problems of a policy's script-src (falling back to default-src as browsers do): missing, or allowing
 * 'unsafe-eval', 'unsafe-inline' or any origin. Empty when scripts are restricted to the app itself.
 */
export function scriptPolicyProblems(policy: string): string[] {
  const directives = parseContentSecurityPolicy(policy);
  const scriptSources = directives.get('script-src') ?? directives.get('default-src');
  if (!scriptSources) return ['no script-src or default-src directive'];
  const problems: string[] = [];
  for (const source of scriptSources) {
    const lower = source.toLowerCase();
    if (lower === "'unsafe-eval'" || lower === "'unsafe-inline'" || lower === "'wasm-unsafe-eval'" || lower === '*') {
      problems.push(`script-src allows ${source}`);
    } else if (/^(https?|data|blob):/.test(lower)) {
      problems.push(`script-src allows ${source}`);
    }
  }
  return problems;
}
