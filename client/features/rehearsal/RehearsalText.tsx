import { useEffect, useMemo } from 'react'
import { canonicalText } from '../../../shared/text/canonicalText.js'
import { countDocumentWords, type JsonNode } from '../../../shared/text/documentText.js'
import { StatementText } from '../signon/StatementText.js'

interface RehearsalTextProps {
  content: JsonNode
  /** The page's estimate (and its countdown, when there is no speaking limit) follows the text's word count. */
  onWords: (words: number) => void
}

/**
 * The text in large type, from its canonical text: a line per block, as it will be read aloud.
 * Plain React text nodes, never HTML from the document.
 */
export function RehearsalText({ content, onWords }: RehearsalTextProps) {
  const text = useMemo(() => canonicalText(content), [content])
  const words = useMemo(() => countDocumentWords(content), [content])
  useEffect(() => onWords(words), [onWords, words])
  return <StatementText text={text} testId="rehearsal-text" />
}
