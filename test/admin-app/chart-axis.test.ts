import { describe, expect, it } from 'vitest';
import { countAxis, axisLabelled } from '../../web/admin/src/components/chart-axis.js';

describe("the admin charts' axes", () => {
  it('draws count grid lines evenly spaced, in whole steps, up to a line at or above the highest value', () => {
    expect(countAxis(1)).toEqual({ top: 1, ticks: [0, 1] });
    expect(countAxis(3)).toEqual({ top: 3, ticks: [0, 1, 2, 3] });
    expect(countAxis(7)).toEqual({ top: 8, ticks: [0, 2, 4, 6, 8] });
    expect(countAxis(9)).toEqual({ top: 10, ticks: [0, 5, 10] });
    expect(countAxis(1234)).toEqual({ top: 1500, ticks: [0, 500, 1000, 1500] });
    for (let max = 1; max <= 5000; max += 1) {
      const { top, ticks } = countAxis(max);
      expect(top).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      expect(ticks.length).toBeLessThanOrEqual(6);
      expect(ticks.at(-1)).toBe(top);
      const step = ticks[1]! - ticks[0]!;
      expect(ticks.every((tick, i) => tick === i * step && Number.isInteger(tick))).toBe(true);
    }
  });

  it('labels days evenly counted back from the last, so the newest day is always named', () => {
    const labelled = (count: number) => Array.from({ length: count }, (_, i) => i).filter((i) => axisLabelled(i, count));
    expect(labelled(84)).toEqual([6, 17, 28, 39, 50, 61, 72, 83]);
    expect(labelled(5)).toEqual([0, 1, 2, 3, 4]);
    expect(labelled(1)).toEqual([0]);
  });
});
