import { z } from 'zod';

/*
 * zod compiles fast object parsers with new Function() and, to decide whether it may, probes eval when an
 * object schema is created. Our CSP forbids eval (script-src 'self'), and even the probe is reported as a CSP
 * violation. This module is imported first by main.tsx so it runs before any schema module is evaluated.
 */
z.config({ jitless: true });
