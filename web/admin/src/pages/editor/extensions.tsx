import { mergeAttributes, Node } from '@tiptap/core';
import { NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from '@tiptap/react';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    figure: { insertFigure: (attrs: { src: string; alt: string; caption?: string; credit?: string }) => ReturnType };
    pullQuote: { togglePullQuote: () => ReturnType };
    videoEmbed: { insertVideo: (src: string) => ReturnType };
  }
}

/** An image with its alt text, caption and credit: `<figure class="image"><img><figcaption>… <cite>credit</cite>`. */
export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return {
      src: { default: '' },
      alt: { default: '' },
      caption: { default: '' },
      credit: { default: '' },
    };
  },
  parseHTML() {
    return [
      {
        tag: 'figure.image',
        getAttrs: (element) => {
          const img = element.querySelector('img');
          const figcaption = element.querySelector('figcaption');
          const cite = figcaption?.querySelector('cite');
          const credit = cite?.textContent ?? '';
          const caption = (figcaption?.textContent ?? '').replace(credit, '').trim();
          return { src: img?.getAttribute('src') ?? '', alt: img?.getAttribute('alt') ?? '', caption, credit };
        },
      },
    ];
  },
  renderHTML({ node }) {
    const { src, alt, caption, credit } = node.attrs as Record<string, string>;
    const captionParts: unknown[] = [];
    if (caption) captionParts.push(caption);
    if (caption && credit) captionParts.push(' ');
    if (credit) captionParts.push(['cite', {}, credit]);
    const img = ['img', { src, alt }];
    return captionParts.length ? ['figure', { class: 'image' }, img, ['figcaption', {}, ...captionParts]] : ['figure', { class: 'image' }, img];
  },
  addNodeView() {
    return ReactNodeViewRenderer(FigureView);
  },
  addCommands() {
    return {
      insertFigure:
        (attrs) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs }),
    };
  },
});

function FigureView({ node, updateAttributes, selected }: ReactNodeViewProps) {
  const attrs = node.attrs as Record<string, string>;
  return (
    <NodeViewWrapper className={`figure-view${selected ? ' is-selected' : ''}`} data-drag-handle="">
      <img src={attrs.src} alt={attrs.alt} />
      <div className="figure-fields" contentEditable={false}>
        <label>
          Alt text
          <input value={attrs.alt} onChange={(e) => updateAttributes({ alt: e.target.value })} />
        </label>
        <label>
          Caption
          <input value={attrs.caption} onChange={(e) => updateAttributes({ caption: e.target.value })} />
        </label>
        <label>
          Credit
          <input value={attrs.credit} onChange={(e) => updateAttributes({ credit: e.target.value })} />
        </label>
      </div>
    </NodeViewWrapper>
  );
}

/** A quotation pulled out of the text for display: `<aside class="pull-quote">`. */
export const PullQuote = Node.create({
  name: 'pullQuote',
  group: 'block',
  content: 'paragraph+',
  defining: true,
  parseHTML() {
    return [{ tag: 'aside.pull-quote' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['aside', mergeAttributes(HTMLAttributes, { class: 'pull-quote' }), 0];
  },
  addCommands() {
    return {
      togglePullQuote:
        () =>
        ({ commands }) =>
          commands.toggleWrap(this.name),
    };
  },
  addKeyboardShortcuts() {
    return { 'Mod-Shift-u': () => this.editor.commands.togglePullQuote() };
  },
});

/**
 * Turns a YouTube or Vimeo page address into the player address the body sanitizer allows,
 * or null for anything else.
 */
export function embedUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  const host = url.hostname.replace(/^www\.|^m\./, '');
  const id = (value: string | null | undefined) => (value && /^[\w-]{6,20}$/.test(value) ? value : null);
  if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    const video = id(url.searchParams.get('v')) ?? id(url.pathname.match(/^\/(?:embed|shorts|live)\/([\w-]+)/)?.[1]);
    return video ? `https://www.youtube-nocookie.com/embed/${video}` : null;
  }
  if (host === 'youtu.be') {
    const video = id(url.pathname.slice(1));
    return video ? `https://www.youtube-nocookie.com/embed/${video}` : null;
  }
  if (host === 'vimeo.com' || host === 'player.vimeo.com') {
    const video = url.pathname.match(/(\d{5,12})/)?.[1];
    return video ? `https://player.vimeo.com/video/${video}` : null;
  }
  return null;
}

/** A video player from YouTube or Vimeo: `<figure class="embed"><iframe>`. */
export const VideoEmbed = Node.create({
  name: 'videoEmbed',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return { src: { default: '' } };
  },
  parseHTML() {
    return [{ tag: 'figure.embed', getAttrs: (element) => ({ src: element.querySelector('iframe')?.getAttribute('src') ?? '' }) }];
  },
  renderHTML({ node }) {
    const src = String(node.attrs.src);
    return ['figure', { class: 'embed' }, ['iframe', { src, title: 'Embedded video', width: '560', height: '315', allowfullscreen: 'true' }]];
  },
  addNodeView() {
    return ReactNodeViewRenderer(({ node, selected }: ReactNodeViewProps) => (
      <NodeViewWrapper className={`embed-view${selected ? ' is-selected' : ''}`} data-drag-handle="">
        <span aria-hidden="true">▶</span> Video: {String(node.attrs.src)}
      </NodeViewWrapper>
    ));
  },
  addCommands() {
    return {
      insertVideo:
        (src) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { src } }),
    };
  },
});
