const BARS = '▁▂▃▄▅▆▇█';

/**
 * Draw mood scores in [-1, 1] as a sparkline on a fixed scale (so two periods compare), one character a
 * day; a day without a mood is drawn as `gap`.
 */
export function sparkline(values: readonly (number | null)[], gap = ' '): string {
  return values
    .map((v) => {
      if (v === null) return gap;
      const clamped = Math.max(-1, Math.min(1, v));
      return BARS[Math.min(BARS.length - 1, Math.floor(((clamped + 1) / 2) * BARS.length))] ?? gap;
    })
    .join('');
}
