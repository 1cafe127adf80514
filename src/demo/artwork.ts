import { createHash } from 'node:crypto';

/**
 * Draws a deterministic abstract artwork (SVG, 1200×675) for a demo piece, so the demo magazine
 * has images without shipping photographs. The same seed always gives the same picture.
 */
export function demoArtwork(seed: string, accent: string): string {
  const bytes = createHash('sha256').update(seed).digest();
  const at = (i: number) => bytes[i % bytes.length]!;
  const hues = [0, 1, 2].map((i) => (at(i) * 360) / 255);
  const shapes: string[] = [];
  for (let i = 0; i < 6; i += 1) {
    const x = (at(3 + i * 3) / 255) * 1200;
    const y = (at(4 + i * 3) / 255) * 675;
    const r = 60 + (at(5 + i * 3) / 255) * 260;
    const hue = hues[i % 3]!;
    shapes.push(
      i % 2 === 0
        ? `<circle cx="${x.toFixed(0)}" cy="${y.toFixed(0)}" r="${r.toFixed(0)}" fill="hsl(${hue.toFixed(0)} 55% 62%)" fill-opacity="0.72"/>`
        : `<rect x="${(x - r / 2).toFixed(0)}" y="${(y - r / 2).toFixed(0)}" width="${r.toFixed(0)}" height="${(r * 0.6).toFixed(0)}" transform="rotate(${at(20 + i) % 45} ${x.toFixed(0)} ${y.toFixed(0)})" fill="hsl(${hue.toFixed(0)} 40% 30%)" fill-opacity="0.65"/>`,
    );
  }
  return ['<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675">', `<rect width="1200" height="675" fill="${accent}"/>`, ...shapes, '</svg>'].join('');
}
