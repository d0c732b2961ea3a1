import type { DiffOp, TextChange } from './wordDiff.js'

/**
 * Clean-up passes over a token diff, for people reading it. None changes what
 * the diff says: the equal and delete texts still concatenate to the old text,
 * the equal and insert texts to the new one. Each pass returns new arrays.
 */

/** Whitespace inside one line: may be folded into a replacement around it. */
const SPACE_WITHIN_LINE = /^[^\S\n]+$/

/**
 * Replacing several words usually keeps the spaces between them as equal
 * parts: "We [-call][+urge] [-on ]States". A run of changes separated only by
 * spaces within one line, that both deletes and inserts, reads better as one
 * replacement: "We [-call on ][+urge ]States". The spaces then appear in both the
 * delete and the insert, which keeps both texts rebuildable. A newline is never
 * folded, so a replacement never spans two blocks unless a whole block changed.
 */
export function foldSpacesIntoReplacements(changes: TextChange[]): TextChange[] {
  const out: TextChange[] = []
  let i = 0
  while (i < changes.length) {
    const change = changes[i] as TextChange
    if (change.op === 'equal') {
      out.push(change)
      i += 1
      continue
    }
    // The run: changes, possibly separated by foldable spaces, up to the next real equal part.
    let end = i + 1
    while (end < changes.length) {
      const next = changes[end] as TextChange
      if (next.op !== 'equal') end += 1
      else if (SPACE_WITHIN_LINE.test(next.text) && end + 1 < changes.length) end += 2
      else break
    }
    const run = changes.slice(i, end)
    const replaces = run.some((c) => c.op === 'delete') && run.some((c) => c.op === 'insert')
    if (replaces && run.some((c) => c.op === 'equal')) {
      let deleted = ''
      let inserted = ''
      for (const c of run) {
        if (c.op !== 'insert') deleted += c.text
        if (c.op !== 'delete') inserted += c.text
      }
      out.push({ op: 'delete', text: deleted }, { op: 'insert', text: inserted })
    } else {
      out.push(...run)
    }
    i = end
  }
  return out
}

/**
 * Deleting a nested item can come out split around text that also follows it:
 * "  - A1\n[-  ]- [-A2\n- ]B". When two edits of the same kind are separated by
 * an equal part E that also ends the second edit (or starts the first), the
 * pair is one edit shifted by E: "  - A1\n[-  - A2\n]- B". The same idea as
 * diff-match-patch's cleanupMerge, kept to pure insertions and deletions
 * within one line.
 */
export function joinSplitEdits(changes: TextChange[]): TextChange[] {
  let out = changes
  for (let joined = true; joined; ) {
    joined = false
    for (let i = 1; i + 1 < out.length; i += 1) {
      const [first, middle, second] = [out[i - 1], out[i], out[i + 1]] as [TextChange, TextChange, TextChange]
      if (middle.op !== 'equal' || first.op === 'equal' || first.op !== second.op) continue
      if (out[i - 2]?.op === oppositeOf(first.op) || out[i + 2]?.op === oppositeOf(first.op)) continue
      // Never join across a line break: an edit at the end of one paragraph and
      // the deletion of the next one stay two changes.
      const e = middle.text
      if (e.includes('\n')) continue
      let merged: TextChange[]
      if (second.text.endsWith(e)) {
        merged = [{ op: first.op, text: first.text + e + second.text.slice(0, -e.length) }, { op: 'equal', text: e }]
      } else if (first.text.startsWith(e)) {
        merged = [{ op: 'equal', text: e }, { op: first.op, text: first.text.slice(e.length) + e + second.text }]
      } else continue
      out = mergeAdjacent([...out.slice(0, i - 1), ...merged, ...out.slice(i + 2)])
      joined = true
      break
    }
  }
  return out
}

function oppositeOf(op: DiffOp): DiffOp {
  return op === 'insert' ? 'delete' : op === 'delete' ? 'insert' : 'equal'
}

/**
 * A deleted or inserted block can be placed in several equivalent ways, and the
 * diff often picks one that starts after the next item's marker: deleting the
 * middle item of "- A\n- B\n- C" comes out as "- A\n- [-B\n- ]C". When a pure
 * insertion or deletion can slide (its text rotating with the equal text
 * around it) to cover whole lines, "- A\n[-- B\n]- C", it is moved to the
 * nearest such place.
 */
export function alignWholeLines(changes: TextChange[]): TextChange[] {
  // Empty equal parts at both ends give every change an equal neighbour to slide into.
  const out: TextChange[] = [{ op: 'equal', text: '' }, ...changes.map((change) => ({ ...change })), { op: 'equal', text: '' }]
  for (let i = 1; i + 1 < out.length; i += 1) {
    const [prev, change, next] = [out[i - 1], out[i], out[i + 1]] as [TextChange, TextChange, TextChange]
    if (change.op === 'equal' || prev.op !== 'equal' || next.op !== 'equal') continue
    // An equal part may shrink to nothing only at the ends of the text, never
    // so far that this change would touch another one.
    const atStart = i === 1
    const atEnd = i + 2 === out.length
    const coversLines = ([before, text, after]: Slide): boolean =>
      (before.endsWith('\n') || (before === '' && atStart)) &&
      (text.endsWith('\n') ? after !== '' || atEnd : after === '' && atEnd)
    const here: Slide = [prev.text, change.text, next.text]
    if (coversLines(here)) continue
    const best = [...slides(here, 'left'), ...slides(here, 'right')]
      .filter(coversLines)
      .sort((x, y) => Math.abs(x[0].length - here[0].length) - Math.abs(y[0].length - here[0].length))[0]
    if (best) [prev.text, change.text, next.text] = best
  }
  return mergeAdjacent(out)
}

/** [equal text before, changed text, equal text after] */
type Slide = [string, string, string]

/** Every position the change can move to, one code unit at a time, nearest first. */
function slides([before, text, after]: Slide, direction: 'left' | 'right'): Slide[] {
  const found: Slide[] = []
  let [b, t, a] = [before, text, after]
  if (direction === 'left') {
    while (b !== '' && b.at(-1) === t.at(-1)) {
      ;[b, t, a] = [b.slice(0, -1), b.slice(-1) + t.slice(0, -1), t.slice(-1) + a]
      found.push([b, t, a])
    }
  } else {
    while (a !== '' && a[0] === t[0]) {
      ;[b, t, a] = [b + t.slice(0, 1), t.slice(1) + a.slice(0, 1), a.slice(1)]
      found.push([b, t, a])
    }
  }
  return found
}

/** One change per op in a row (a delete before its insert), no empty texts. */
export function mergeAdjacent(changes: TextChange[]): TextChange[] {
  const out: TextChange[] = []
  let deleted = ''
  let inserted = ''
  const flush = (): void => {
    if (deleted) out.push({ op: 'delete', text: deleted })
    if (inserted) out.push({ op: 'insert', text: inserted })
    deleted = ''
    inserted = ''
  }
  for (const change of changes) {
    if (change.text === '') continue
    if (change.op === 'delete') deleted += change.text
    else if (change.op === 'insert') inserted += change.text
    else {
      flush()
      const last = out[out.length - 1]
      if (last?.op === 'equal') last.text += change.text
      else out.push({ op: 'equal', text: change.text })
    }
  }
  flush()
  return out
}
