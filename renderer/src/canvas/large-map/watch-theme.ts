/*
 * The large map's canvases (the overview, the minimap) resolve the theme's colours once and draw with them; they
 * must resolve them again when the theme changes: View > Theme (an attribute on the root element) or the system
 * going dark or light while the theme follows it.
 */

/** Calls `changed` on every theme change; returns what stops watching. */
export function watchTheme(changed: () => void): () => void {
  const observer = new MutationObserver(changed);
  observer.observe(document.documentElement, { attributes: true });
  const dark = window.matchMedia('(prefers-color-scheme: dark)');
  dark.addEventListener('change', changed);
  return () => {
    observer.disconnect();
    dark.removeEventListener('change', changed);
  };
}
