import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import type { Editor } from '@tiptap/react'
import { useEditorState } from '@tiptap/react'
import { BulletListIcon, NumberedListIcon, QuoteIcon } from './ToolbarIcons.js'

interface ToolbarAction {
  id: string
  label: string
  /** What the button shows; the label is its accessible name. */
  icon: ReactNode
  /** StarterKit's own shortcut, in ProseMirror's notation. */
  shortcut: string
  isActive: (editor: Editor) => boolean
  run: (editor: Editor) => void
}

const ACTIONS: ToolbarAction[] = [
  { id: 'bold', label: 'Bold', icon: 'B', shortcut: 'Mod-B', isActive: (e) => e.isActive('bold'), run: (e) => e.chain().focus().toggleBold().run() },
  { id: 'italic', label: 'Italic', icon: 'I', shortcut: 'Mod-I', isActive: (e) => e.isActive('italic'), run: (e) => e.chain().focus().toggleItalic().run() },
  {
    id: 'h2',
    label: 'Heading 2',
    icon: 'H2',
    shortcut: 'Mod-Alt-2',
    isActive: (e) => e.isActive('heading', { level: 2 }),
    run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
  },
  {
    id: 'h3',
    label: 'Heading 3',
    icon: 'H3',
    shortcut: 'Mod-Alt-3',
    isActive: (e) => e.isActive('heading', { level: 3 }),
    run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(),
  },
  {
    id: 'bullet',
    label: 'Bulleted list',
    icon: <BulletListIcon />,
    shortcut: 'Mod-Shift-8',
    isActive: (e) => e.isActive('bulletList'),
    run: (e) => e.chain().focus().toggleBulletList().run(),
  },
  {
    id: 'ordered',
    label: 'Numbered list',
    icon: <NumberedListIcon />,
    shortcut: 'Mod-Shift-7',
    isActive: (e) => e.isActive('orderedList'),
    run: (e) => e.chain().focus().toggleOrderedList().run(),
  },
  {
    id: 'quote',
    label: 'Quote',
    icon: <QuoteIcon />,
    shortcut: 'Mod-Shift-B',
    isActive: (e) => e.isActive('blockquote'),
    run: (e) => e.chain().focus().toggleBlockquote().run(),
  },
]

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)

/** "Ctrl+Shift+8" or "⌘⇧8" for the tooltip, "Control+Shift+8" / "Meta+Shift+8" for aria-keyshortcuts. */
function shortcutText(shortcut: string): { shown: string; aria: string } {
  const parts = shortcut.split('-')
  const key = parts.pop() ?? ''
  const macSymbols: Record<string, string> = { Mod: '⌘', Alt: '⌥', Shift: '⇧' }
  const shown = isMac ? parts.map((part) => macSymbols[part] ?? part).join('') + key : [...parts.map((p) => (p === 'Mod' ? 'Ctrl' : p)), key].join('+')
  const aria = [...parts.map((p) => (p === 'Mod' ? (isMac ? 'Meta' : 'Control') : p)), key].join('+')
  return { shown, aria }
}

/**
 * A WAI-ARIA toolbar: one tab stop, arrow keys move between buttons, and
 * aria-pressed tells whether the format applies at the cursor.
 */
export function EditorToolbar({ editor }: { editor: Editor }) {
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => ACTIONS.map((action) => action.isActive(current)),
  })
  const [focusIndex, setFocusIndex] = useState(0)
  const buttons = useRef<(HTMLButtonElement | null)[]>([])

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const moves: Record<string, number> = { ArrowRight: focusIndex + 1, ArrowLeft: focusIndex - 1, Home: 0, End: ACTIONS.length - 1 }
    const target = moves[event.key]
    if (target === undefined) return
    event.preventDefault()
    const next = (target + ACTIONS.length) % ACTIONS.length
    setFocusIndex(next)
    buttons.current[next]?.focus()
  }

  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting" aria-controls="statement-text" onKeyDown={handleKeyDown}>
      {ACTIONS.map((action, index) => {
        const shortcut = shortcutText(action.shortcut)
        return (
          <button
            key={action.id}
            ref={(element) => {
              buttons.current[index] = element
            }}
            type="button"
            className={`toolbar__button toolbar__button--${action.id}`}
            aria-pressed={active[index] ?? false}
            aria-label={action.label}
            aria-keyshortcuts={shortcut.aria}
            title={`${action.label} (${shortcut.shown})`}
            tabIndex={index === focusIndex ? 0 : -1}
            onFocus={() => setFocusIndex(index)}
            onClick={() => action.run(editor)}
          >
            <span aria-hidden="true">{action.icon}</span>
          </button>
        )
      })}
    </div>
  )
}
