import { EditorContent, useEditor, type JSONContent } from '@tiptap/react'
import { statementExtensions } from '../../../shared/schema/statementExtensions.js'
import '../../styles/editor.css'

/**
 * A saved version's text, shown read-only with the editor's own schema and
 * styles. Rendered from the version's ProseMirror JSON rather than from the
 * server's HTML: ProseMirror builds the DOM node by node from the schema, so the
 * page never parses HTML whose content other clients wrote, and content outside
 * the schema is dropped exactly as the editor would drop it.
 */
export function VersionDocument({ json, label }: { json: unknown; label: string }) {
  const editor = useEditor(
    {
      extensions: statementExtensions,
      content: json as JSONContent,
      editable: false,
      editorProps: { attributes: { class: 'statement-text statement-text--version', 'aria-label': label } },
    },
    [json],
  )
  return (
    <div className="version-document" data-testid="version-document">
      <EditorContent editor={editor} />
    </div>
  )
}
