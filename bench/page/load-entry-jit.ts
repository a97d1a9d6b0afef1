// What-if: the same functions with zod allowed to compile its parsers with new Function() (not possible under the
// app's CSP). Informational only: it shows how much of parseWorkspace is zod's interpreted (jitless) mode.
import './load-core';
