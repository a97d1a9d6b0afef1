/**
 * Fixed measurements of the exported picture (ExportFrame), so where the map lands in the PNG is known exactly:
 * the map's top-left corner is at (FRAME_PADDING_X, FRAME_PADDING_TOP + HEADER_HEIGHT + FRAME_GAP) times the
 * scale. Tests use these to find each stakeholder in an exported image.
 */
export const FRAME_PADDING_X = 48;
export const FRAME_PADDING_TOP = 40;
export const FRAME_PADDING_BOTTOM = 36;
export const HEADER_HEIGHT = 84;
export const FRAME_GAP = 18;

/** Where the map's own (0, 0) — see MAP_PADDING in map-layout.ts — sits inside the frame. */
export const MAP_OFFSET = { x: FRAME_PADDING_X, y: FRAME_PADDING_TOP + HEADER_HEIGHT + FRAME_GAP } as const;
