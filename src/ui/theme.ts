import type { Appearance } from './services.js';

/** Colours used by the screens; undefined means the terminal's own colour. */
export interface Palette {
  accent: string | undefined;
  warn: string | undefined;
  good: string | undefined;
  /** Whether colour is allowed at all (NO_COLOR turns it off; emphasis then uses bold and inverse). */
  color: boolean;
}

/** The palette for a terminal: accents that read well on its background, none with NO_COLOR. */
export function paletteFor(appearance: Appearance): Palette {
  if (!appearance.color) return { accent: undefined, warn: undefined, good: undefined, color: false };
  return appearance.background === 'light'
    ? { accent: 'blue', warn: 'red', good: 'green', color: true }
    : { accent: 'cyan', warn: 'yellow', good: 'green', color: true };
}
