import { useEffect, type ReactNode } from 'react'
import { EditorContent, useEditor } from '@tiptap/react'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { statementExtensions, STATEMENT_FRAGMENT } from '../../../shared/schema/statementExtensions.js'
import { renderCaret } from './caret.js'
import { EditorToolbar } from './EditorToolbar.js'
import type { AwarenessUser } from './presence.js'
import { useWordCount } from './useWordCount.js'

interface CollaborativeEditorProps {
  ydoc: Y.Doc
  provider: WebsocketProvider
  user: AwarenessUser
  editable: boolean
  /** Rendered under the toolbar with the live word count, so the page owns the layout. */
  renderStatus: (words: number) => ReactNode
}

/**
 * The Tiptap editor bound to a Y.Doc it receives from outside; it has no network code.
 * `editable` can change at any time (a lock, a permission change) without rebuilding the editor.
 */
export function CollaborativeEditor({ ydoc, provider, user, editable, renderStatus }: CollaborativeEditorProps) {
  const editor = useEditor(
    {
      extensions: [
        ...statementExtensions,
        Collaboration.configure({ document: ydoc, field: STATEMENT_FRAGMENT }),
        CollaborationCaret.configure({ provider, user, render: renderCaret }),
      ],
      editable,
      editorProps: {
        attributes: {
          id: 'statement-text',
          class: 'statement-text',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': 'Statement text',
        },
      },
    },
    // The user is read once, when the caret plugin starts; a new doc or provider needs a new editor.
    [ydoc, provider],
  )

  useEffect(() => {
    if (editor.isEditable !== editable) editor.setEditable(editable)
  }, [editor, editable])

  const words = useWordCount(editor)

  return (
    <div className="editor">
      <div className="editor__bar">
        {editable ? <EditorToolbar editor={editor} /> : null}
        {renderStatus(words)}
      </div>
      <div className="editor__page" data-testid="statement-editor">
        <EditorContent editor={editor} />
      </div>
    </div>
  )
}
