import type { DiffOp, TextChange, TextDiff } from '../../../shared/text/wordDiff.js'

export interface DiffSegment {
  op: DiffOp
  text: string
}

export interface DiffParagraph {
  segments: DiffSegment[]
  /** `insert` or `delete` when the whole line is new or gone; `mixed` when it changed within. */
  kind: DiffOp | 'mixed'
  /**
   * The line break after this line was added (a paragraph split in two) or removed (two joined
   * into one). Null when the break is unchanged, and when it only belongs to a whole line that
   * was added or removed: that line already shows the change.
   */
  breakAfter: 'insert' | 'delete' | null
}

interface Line {
  segments: DiffSegment[]
  /** The op of the newline that ends the line; null for the last line. */
  breakOp: DiffOp | null
}

/**
 * Turns the server's word diff of two canonical texts (one line per block,
 * joined by "\n") into paragraphs, so insertions and deletions show inside the
 * paragraph they belong to rather than as one run across blocks.
 */
export function diffParagraphs(changes: readonly TextChange[]): DiffParagraph[] {
  if (changes.length === 0) return []
  const lines: Line[] = [{ segments: [], breakOp: null }]
  for (const change of changes) {
    change.text.split('\n').forEach((piece, index) => {
      if (index > 0) {
        lines[lines.length - 1]!.breakOp = change.op
        lines.push({ segments: [], breakOp: null })
      }
      if (piece !== '') appendSegment(lines[lines.length - 1]!.segments, { op: change.op, text: piece })
    })
  }
  const paragraphs = lines.map((line) => ({ line, kind: kindOf(line.segments) }))
  return paragraphs.map(({ line, kind }, index) => {
    const next = paragraphs[index + 1]
    const breakOp = line.breakOp === 'insert' || line.breakOp === 'delete' ? line.breakOp : null
    const wholeLine = breakOp !== null && (kind === breakOp || next?.kind === breakOp)
    return { segments: line.segments, kind, breakAfter: wholeLine ? null : breakOp }
  })
}

function appendSegment(segments: DiffSegment[], segment: DiffSegment): void {
  const last = segments[segments.length - 1]
  if (last?.op === segment.op) last.text += segment.text
  else segments.push({ ...segment })
}

function kindOf(segments: DiffSegment[]): DiffParagraph['kind'] {
  const ops = new Set(segments.map((segment) => segment.op))
  if (ops.size === 1) return segments[0]!.op
  return ops.size === 0 ? 'equal' : 'mixed'
}

const numberFormat = new Intl.NumberFormat('en-GB')

/** "+12 words" and "−3 words" (a real minus sign), with singulars. */
export function diffStatsParts(stats: TextDiff['stats']): { added: string; removed: string } {
  const words = (count: number) => `${numberFormat.format(count)} ${count === 1 ? 'word' : 'words'}`
  return { added: `+${words(stats.wordsAdded)}`, removed: `\u2212${words(stats.wordsRemoved)}` }
}

/** "+12 words, −3 words". */
export function diffStatsText(stats: TextDiff['stats']): string {
  const { added, removed } = diffStatsParts(stats)
  return `${added}, ${removed}`
}
