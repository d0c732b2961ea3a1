import { textBlocks } from './textBlocks.js'

/**
 * The locked text, from its canonical text, as plain React text nodes: nothing from
 * the server is parsed as HTML on a page anyone with a link can open.
 */
export function StatementText({ text, testId = 'signon-text' }: { text: string; testId?: string }) {
  const blocks = textBlocks(text)
  if (blocks.length === 0) return <p className="muted">The text is empty.</p>
  return (
    <div className="statement-text" data-testid={testId}>
      {blocks.map((block, index) => {
        if (block.kind === 'rule') return <hr key={index} className="statement-text__rule" />
        if (block.kind === 'heading') {
          return (
            <p key={index} className={`statement-text__heading statement-text__heading--${block.level}`}>
              {block.text}
            </p>
          )
        }
        return (
          <p key={index} className="statement-text__line" style={block.indent > 0 ? { paddingLeft: `${block.indent * 1.5}rem` } : undefined}>
            {block.text}
          </p>
        )
      })}
    </div>
  )
}
