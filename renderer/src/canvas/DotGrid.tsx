import { useStore, type ReactFlowState } from '@xyflow/react';
import { memo, type CSSProperties } from 'react';

/** Map units between two dots, and a dot's diameter, as React Flow's `<Background gap={24} size={1.5} />` drew them. */
const GAP = 24;
const DOT = 1.5;
/**
 * The smallest radius, in screen pixels, a dot is drawn with. A gradient this small falls between pixel centres
 * and vanishes (at the sample's fit zoom the grid was gone), where an SVG circle is antialiased by its area. So a
 * dot smaller than this is drawn this size and fainter, with the same ink: opacity in proportion to its area.
 */
const MIN_RADIUS = 0.6;

const selectTransform = (s: ReactFlowState) => s.transform;

/**
 * The map's dot grid: one element whose CSS background is a tiled radial gradient, moved and scaled with the
 * view. React Flow's `<Background>` draws the same dots as an SVG pattern, which Chromium's software rasterizer
 * draws again, dot by dot, on every frame of a pan or zoom: about a fifth of the raster work of a 100-stakeholder
 * map (bench: "Pan and zoom"; `npm run bench:profile -- --phase=panZoom --trace`). A gradient tile is drawn once
 * per frame as a shader. The dots sit
 * where React Flow put them, in the theme's `--map-grid` colour. It keeps React Flow's class, so it lies under the map like the original.
 */
function DotGridView() {
  const [x, y, zoom] = useStore(selectTransform);
  const gap = GAP * zoom;
  const radius = (DOT / 2) * zoom;
  const drawnRadius = Math.max(radius, MIN_RADIUS);
  const opacity = Math.min(1, (radius / drawnRadius) ** 2);
  // Where <Background> put its dots: half a gap before each multiple of GAP on the map, plus a radius (its pattern
  // tile starts half a gap before the view's origin and draws its circle in the tile's corner). A gradient tile
  // here is centred on its dot, so tiles start half a gap before the dot.
  const style = {
    '--dot-grid-radius': `${drawnRadius}px`,
    '--dot-grid-opacity': `${(opacity * 100).toFixed(1)}%`,
    backgroundSize: `${gap}px ${gap}px`,
    backgroundPosition: `${x + radius}px ${y + radius}px`,
  } as CSSProperties;
  return <div className="react-flow__background map-dot-grid" style={style} data-testid="rf__background" aria-hidden="true" />;
}

export const DotGrid = memo(DotGridView);
