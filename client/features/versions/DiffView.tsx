import type { DiffDto } from '../../http/versions.js'
import { diffParagraphs, diffStatsParts, type DiffParagraph, type DiffSegment } from './diffParagraphs.js'

/**
 * The changes inline, paragraph by paragraph: insertions underlined in green,
 * deletions struck through in red. Colour is never the only signal: <ins> and
 * <del> carry their meaning, and a visually hidden word says it to screen readers,
 * which mostly do not announce the elements themselves.
 */
export function DiffView({ diff }: { diff: DiffDto }) {
  const paragraphs = diffParagraphs(diff.changes)
  const stats = diffStatsParts(diff.stats)
  const unchanged = diff.changes.every((change) => change.op === 'equal')
  return (
    <div className="diff" data-testid="diff-view">
      <p className="diff__stats" data-testid="diff-stats">
        <span className="diff__added">{stats.added}</span>, <span className="diff__removed">{stats.removed}</span>
      </p>
      {unchanged ? <p className="diff__same">No differences: the two texts are the same.</p> : null}
      {/* Spans, not <ins>/<del>: the legend is not a change, and tests count the changes by element. */}
      {unchanged ? null : (
        <p className="diff__legend" aria-hidden="true">
          <span className="diff__sample diff__sample--insert">Inserted</span> <span className="diff__sample diff__sample--delete">Deleted</span>
        </p>
      )}
      <div className="diff__text">
        {paragraphs.length === 0 ? <p className="muted">Both texts are empty.</p> : null}
        {paragraphs.map((paragraph, index) => (
          <DiffLine key={index} paragraph={paragraph} />
        ))}
      </div>
    </div>
  )
}

function DiffLine({ paragraph }: { paragraph: DiffParagraph }) {
  return (
    <p className={`diff__line diff__line--${paragraph.kind}`}>
      {paragraph.segments.map((segment, index) => (
        <Segment key={index} segment={segment} />
      ))}
      {paragraph.breakAfter === 'insert' ? (
        <ins className="diff__break" title="Paragraph break added">
          <span className="visually-hidden">inserted: paragraph break</span>
          <span aria-hidden="true">¶</span>
        </ins>
      ) : null}
      {paragraph.breakAfter === 'delete' ? (
        <del className="diff__break" title="Paragraph break removed">
          <span className="visually-hidden">deleted: paragraph break</span>
          <span aria-hidden="true">¶</span>
        </del>
      ) : null}
    </p>
  )
}

function Segment({ segment }: { segment: DiffSegment }) {
  if (segment.op === 'insert') {
    return (
      <ins>
        <span className="visually-hidden">[inserted: </span>
        {segment.text}
        <span className="visually-hidden">]</span>
      </ins>
    )
  }
  if (segment.op === 'delete') {
    return (
      <del>
        <span className="visually-hidden">[deleted: </span>
        {segment.text}
        <span className="visually-hidden">]</span>
      </del>
    )
  }
  return <>{segment.text}</>
}
