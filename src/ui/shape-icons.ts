import { svg, type SVGTemplateResult } from 'lit';

/** Outline drawings of each class, for the winning prediction and the header. Decorative. */
const SHAPES: Record<string, SVGTemplateResult> = {
  circle: svg`<circle cx="12" cy="12" r="8.5" />`,
  rectangle: svg`<rect x="3.5" y="6" width="17" height="12" rx="1" />`,
  triangle: svg`<path d="M12 3.8 21 19.5H3Z" />`,
};

export const shapeIcon = (name: string) =>
  SHAPES[name] ? svg`<svg class="shape-icon" viewBox="0 0 24 24" aria-hidden="true">${SHAPES[name]}</svg>` : '';
