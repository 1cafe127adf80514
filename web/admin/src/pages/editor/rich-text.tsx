import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Extension } from '@tiptap/core';
import { useRef, useState } from 'react';
import type { MediaItem } from '../../api/types';
import { announce } from '../../components/announcer';
import { MediaPicker } from '../../components/media-picker';
import { embedUrl, Figure, PullQuote, VideoEmbed } from './extensions';
import { LinkDialog, type LinkValue } from './link-dialog';

const WORDS_PER_MINUTE = 230;

const wordSegments = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Counts words the way the server does for reading time: Unicode word boundaries, so Japanese and Chinese count too. */
export function countWords(text: string): number {
  let count = 0;
  for (const segment of wordSegments.segment(text)) if (segment.isWordLike) count += 1;
  return count;
}

/** Ctrl+S saves now; Ctrl+K opens the link dialog (add, change or remove a link). */
const Shortcuts = Extension.create<{ save: () => void; openLink: () => void }>({
  name: 'adminShortcuts',
  addOptions() {
    return { save: () => undefined, openLink: () => undefined };
  },
  addKeyboardShortcuts() {
    return {
      'Mod-s': () => {
        this.options.save();
        return true;
      },
      'Mod-k': () => {
        this.options.openLink();
        return true;
      },
    };
  },
});

export function RichText({ html, onChange, onSaveShortcut }: { html: string; onChange: (html: string) => void; onSaveShortcut: () => void }) {
  const [picking, setPicking] = useState(false);
  const [linking, setLinking] = useState<{ current: LinkValue | null } | null>(null);
  const save = useRef(onSaveShortcut);
  save.current = onSaveShortcut;
  const link = useRef<() => void>(() => undefined);
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        code: false,
        codeBlock: false,
        link: { openOnClick: false, autolink: true, defaultProtocol: 'https', HTMLAttributes: { target: null, rel: null } },
      }),
      Figure,
      PullQuote,
      VideoEmbed,
      // Options are deep-copied when configured, so the shortcuts read the refs when a key is pressed.
      Shortcuts.configure({ save: () => save.current(), openLink: () => link.current() }),
    ],
    content: html,
    editorProps: {
      attributes: { class: 'prose', role: 'textbox', 'aria-multiline': 'true', 'aria-label': 'Body' },
    },
    onUpdate: ({ editor: e }) => onChange(e.getHTML()),
  });
  const words =
    useEditorState({
      editor,
      selector: ({ editor: e }) => {
        const doc = e?.state.doc;
        return doc ? countWords(doc.textBetween(0, doc.content.size, ' ', ' ')) : 0;
      },
    }) ?? 0;

  if (!editor) return null;
  link.current = () => setLinking({ current: currentLink(editor) });
  const choose = (item: MediaItem) => {
    setPicking(false);
    editor
      .chain()
      .focus()
      .insertFigure({ src: item.url, alt: item.alt, caption: item.caption ?? '', credit: item.credit ?? '' })
      .run();
  };
  return (
    <div className="rich-text">
      <Toolbar editor={editor} onImage={() => setPicking(true)} onLink={() => link.current()} />
      <EditorContent editor={editor} />
      <p className="word-count" aria-live="off">
        {words} {words === 1 ? 'word' : 'words'} · {Math.max(1, Math.round(words / WORDS_PER_MINUTE))} min read
      </p>
      {picking && <MediaPicker onChoose={choose} onClose={() => setPicking(false)} />}
      {linking && (
        <LinkDialog
          initial={linking.current}
          onApply={(value) => {
            setLinking(null);
            applyLink(editor, value);
          }}
          onRemove={() => {
            setLinking(null);
            editor.chain().focus().extendMarkRange('link').unsetLink().run();
            announce('Link removed.');
          }}
          onClose={() => {
            setLinking(null);
            editor.commands.focus();
          }}
        />
      )}
    </div>
  );
}

function currentLink(editor: Editor): LinkValue | null {
  if (!editor.isActive('link')) return null;
  const attributes = editor.getAttributes('link');
  return { href: String(attributes.href ?? ''), newTab: attributes.target === '_blank' };
}

/** Links the selection, or the link under the cursor; with nothing selected, inserts the address as linked text. */
function applyLink(editor: Editor, { href, newTab }: LinkValue) {
  const attributes = { href, target: newTab ? '_blank' : null, rel: newTab ? 'noopener noreferrer' : null };
  const chain = editor.chain().focus();
  if (editor.state.selection.empty && !editor.isActive('link')) {
    chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: attributes }] }).run();
  } else {
    chain.extendMarkRange('link').setLink(attributes).run();
  }
}

function promptVideo(editor: Editor) {
  const url = window.prompt('YouTube or Vimeo address');
  if (!url) return;
  const src = embedUrl(url);
  if (!src) {
    announce('That is not a YouTube or Vimeo video address.', { tone: 'error' });
    return;
  }
  editor.chain().focus().insertVideo(src).run();
}

interface Tool {
  label: string;
  shortcut?: string;
  active?: (e: Editor) => boolean;
  run: (e: Editor) => void;
}

function tools(onImage: () => void, onLink: () => void): Tool[][] {
  return [
    [
      { label: 'Bold', shortcut: 'Ctrl+B', active: (e) => e.isActive('bold'), run: (e) => e.chain().focus().toggleBold().run() },
      { label: 'Italic', shortcut: 'Ctrl+I', active: (e) => e.isActive('italic'), run: (e) => e.chain().focus().toggleItalic().run() },
      { label: 'Link', shortcut: 'Ctrl+K', active: (e) => e.isActive('link'), run: () => onLink() },
    ],
    [
      { label: 'Heading', shortcut: 'Ctrl+Alt+2', active: (e) => e.isActive('heading', { level: 2 }), run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run() },
      { label: 'Subheading', shortcut: 'Ctrl+Alt+3', active: (e) => e.isActive('heading', { level: 3 }), run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run() },
      { label: 'Bulleted list', shortcut: 'Ctrl+Shift+8', active: (e) => e.isActive('bulletList'), run: (e) => e.chain().focus().toggleBulletList().run() },
      { label: 'Numbered list', shortcut: 'Ctrl+Shift+7', active: (e) => e.isActive('orderedList'), run: (e) => e.chain().focus().toggleOrderedList().run() },
      { label: 'Quote', shortcut: 'Ctrl+Shift+B', active: (e) => e.isActive('blockquote'), run: (e) => e.chain().focus().toggleBlockquote().run() },
      { label: 'Pull quote', shortcut: 'Ctrl+Shift+U', active: (e) => e.isActive('pullQuote'), run: (e) => e.chain().focus().togglePullQuote().run() },
    ],
    [
      { label: 'Image', run: () => onImage() },
      { label: 'Video', run: promptVideo },
      { label: 'Divider', run: (e) => e.chain().focus().setHorizontalRule().run() },
    ],
    [
      { label: 'Undo', shortcut: 'Ctrl+Z', run: (e) => e.chain().focus().undo().run() },
      { label: 'Redo', shortcut: 'Ctrl+Shift+Z', run: (e) => e.chain().focus().redo().run() },
    ],
  ];
}

function Toolbar({ editor, onImage, onLink }: { editor: Editor; onImage: () => void; onLink: () => void }) {
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      tools(onImage, onLink)
        .flat()
        .map((t) => (t.active ? t.active(e) : false)),
  });
  let index = 0;
  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      {tools(onImage, onLink).map((group, g) => (
        <span className="tool-group" key={g}>
          {group.map((tool) => {
            const pressed = tool.active ? Boolean(active[index]) : undefined;
            index += 1;
            return (
              <button
                key={tool.label}
                type="button"
                aria-pressed={pressed}
                title={tool.shortcut ? `${tool.label} (${tool.shortcut})` : tool.label}
                aria-keyshortcuts={tool.shortcut?.replace('Ctrl', 'Control')}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => tool.run(editor)}
              >
                {tool.label}
              </button>
            );
          })}
        </span>
      ))}
    </div>
  );
}
