import { describe, expect, it } from 'vitest';
import { imageView, rememberResponsive } from '../../src/site/images.js';

const photo = { url: '/media/2026/11/photo.jpg', alt: 'A crowd at the premiere', caption: 'Opening night', credit: 'Photo: A. Lee' };

describe('feature images', () => {
  it('uses the media library variants for srcset, with the real size', async () => {
    const media = {
      responsive: async (url: string) => (url === photo.url ? { srcset: '/media/2026/11/photo-600.jpg 600w, /media/2026/11/photo-1200.jpg 1200w', width: 1600, height: 1067 } : null),
    };
    expect(await imageView(photo, media, '100vw')).toEqual({
      src: photo.url,
      alt: photo.alt,
      width: 1600,
      height: 1067,
      srcset: '/media/2026/11/photo-600.jpg 600w, /media/2026/11/photo-1200.jpg 1200w',
      sizes: '100vw',
      caption: 'Opening night',
      credit: 'Photo: A. Lee',
    });
  });

  it('shows vector artwork and unknown images as they are, still with a width and height', async () => {
    const media = { responsive: async () => ({ srcset: 'x 1w', width: 1, height: 1 }) };
    const svg = await imageView({ ...photo, url: '/media/demo/art.svg' }, media, '100vw');
    expect(svg).toMatchObject({ srcset: null, sizes: null, width: 1200, height: 675 });
    const outside = await imageView({ ...photo, url: 'https://elsewhere.example/a.jpg' }, { responsive: async () => null }, '100vw');
    expect(outside).toMatchObject({ srcset: null, width: 1200, height: 675 });
    expect(await imageView(null, media, '100vw')).toBeNull();
  });

  it('asks the media library once per image address', async () => {
    let asked = 0;
    const media = rememberResponsive({ responsive: async () => ((asked += 1), null) });
    await imageView(photo, media, '100vw');
    await imageView(photo, media, '100vw');
    expect(asked).toBe(1);
  });
});
