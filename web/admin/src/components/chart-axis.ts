/** Scales for the admin's small charts: where count grid lines go and which labels along time fit. */

/**
 * The top of a count axis and its grid lines: whole numbers in even steps of 1, 2 or 5 times a
 * power of ten, at most five steps, the last line at or just above `max` (at least 1).
 */
export function countAxis(max: number): { top: number; ticks: number[] } {
  const highest = Math.max(1, Math.ceil(max));
  let step = 1;
  for (let power = 1; ; power *= 10) {
    const fits = [1, 2, 5].map((f) => f * power).find((s) => Math.ceil(highest / s) <= 4);
    if (fits !== undefined) {
      step = fits;
      break;
    }
  }
  const top = Math.ceil(highest / step) * step;
  return { top, ticks: Array.from({ length: top / step + 1 }, (_, i) => i * step) };
}

/** Whether point `index` of `count` gets a label: about eight, evenly spaced back from the last. */
export function axisLabelled(index: number, count: number): boolean {
  const every = Math.max(1, Math.ceil(count / 8));
  return (count - 1 - index) % every === 0;
}
