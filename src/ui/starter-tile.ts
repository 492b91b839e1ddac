import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { type SampleSplit, STARTER_ROOT, type StarterIndex } from '../shared/api';

/** The starter set's index, known once the worker has opened the app (mistake lists need it anywhere). */
let opened: StarterIndex | undefined;
export const rememberStarterIndex = (index: StarterIndex): void => {
  opened = index;
};
export const starterIndex = (): StarterIndex | undefined => opened;

/**
 * One drawing of the starter set: a tile of its split's atlas (one request for the whole split),
 * shown as a CSS sprite scaled to `size` pixels, with `alt` for screen readers ('' if decorative).
 */
export function starterTile(index: StarterIndex, split: SampleSplit, tile: number, alt: string, size = 44) {
  const { atlas, columns } = index.splits[split];
  const scale = size / index.tile;
  const style = {
    width: `${size}px`,
    height: `${size}px`,
    backgroundImage: `url(${import.meta.env.BASE_URL}${STARTER_ROOT}${atlas})`,
    backgroundPosition: `${-(tile % columns) * size}px ${-Math.floor(tile / columns) * size}px`,
    backgroundSize: `${columns * index.tile * scale}px auto`,
  };
  // Without a text alternative it is decorative, as an <img alt=""> would be.
  return alt
    ? html`<span class="tile" role="img" aria-label=${alt} style=${styleMap(style)}></span>`
    : html`<span class="tile" aria-hidden="true" style=${styleMap(style)}></span>`;
}
