/*
 * The open-source work Stakemap is built on, credited in Help > About (the desktop app opens no web pages, so
 * the credit is text, not a link: React Flow's own attribution link on the map would lead nowhere). A unit test
 * holds each licence to the one in the installed package.
 */
export interface Credit {
  /** The npm package. */
  readonly packageName: string;
  /** As people know it. */
  readonly name: string;
  /** SPDX licence identifier. */
  readonly licence: string;
  readonly what: string;
}

export const CREDITS: readonly Credit[] = [
  { packageName: '@xyflow/react', name: 'React Flow (xyflow)', licence: 'MIT', what: 'the map canvas' },
  { packageName: 'react', name: 'React', licence: 'MIT', what: 'the interface' },
  { packageName: 'electron', name: 'Electron', licence: 'MIT', what: 'the desktop app' },
  { packageName: 'zustand', name: 'Zustand', licence: 'MIT', what: 'the editor state' },
  { packageName: 'zod', name: 'Zod', licence: 'MIT', what: 'checking workspace files' },
  { packageName: 'yjs', name: 'Yjs', licence: 'MIT', what: 'live sessions' },
  { packageName: '@hocuspocus/provider', name: 'Hocuspocus', licence: 'MIT', what: 'live sessions' },
  { packageName: 'd3-force', name: 'd3-force', licence: 'ISC', what: 'tidy layout' },
  { packageName: 'html-to-image', name: 'html-to-image', licence: 'MIT', what: 'PNG export fallback' },
  { packageName: '@cantoo/pdf-lib', name: 'pdf-lib', licence: 'MIT', what: 'PDF metadata' },
  { packageName: '@fontsource-variable/inter', name: 'Inter typeface', licence: 'OFL-1.1', what: 'the text' },
];

/** One line per credit, for the About view. */
export const creditLines = (): string[] => CREDITS.map((c) => `${c.name} (${c.licence} licence): ${c.what}.`);
