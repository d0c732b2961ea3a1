import type { Editor } from '@tiptap/react'
import { useEditorState } from '@tiptap/react'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { countDocumentWords, type JsonNode } from '../../../shared/text/documentText.js'

// ProseMirror documents are immutable: a selection change keeps the same doc, so its count is reused.
const counts = new WeakMap<ProseMirrorNode, number>()

function wordsIn(doc: ProseMirrorNode): number {
  let words = counts.get(doc)
  if (words === undefined) {
    // The same count the server stores with versions, so the two agree.
    words = countDocumentWords(doc.toJSON() as JsonNode)
    counts.set(doc, words)
  }
  return words
}

export function useWordCount(editor: Editor): number {
  return useEditorState({ editor, selector: ({ editor: current }) => wordsIn(current.state.doc) })
}
