import { diffArrays } from 'diff'
import { alignWholeLines, foldSpacesIntoReplacements, joinSplitEdits, mergeAdjacent } from './diffCleanup.js'
import { countWords } from './wordCount.js'

/**
 * Word-level diff of two canonical texts (see canonicalText), for "what changed
 * between these two versions". Concatenating the equal and delete texts gives
 * `from`; concatenating the equal and insert texts gives `to`.
 *
 * Why not jsdiff's diffWords / diffWordsWithSpace directly:
 * - diffWords compares words with their surrounding whitespace trimmed, so its
 *   equal parts carry the NEW text's whitespace: "a b\nc" and "a b c" come out as
 *   one equal change, and `from` cannot be rebuilt from the result.
 * - Both treat only Latin letters as word characters; every Cyrillic, Arabic or
 *   Greek letter is a word of its own, so "призываем" → "просим" comes out as
 *   "пр[+ос]и[-зывае]м" and the word counts are wrong. Russian and Arabic are UN
 *   working languages, so we tokenise ourselves and diff the token arrays.
 *
 * Tokens: a newline; a run of other whitespace; a Han, Hiragana or Katakana
 * character (those scripts do not separate words with spaces, and a dictionary
 * segmenter such as Intl.Segmenter differs between browsers, which would make
 * the server and the client disagree); a run of letters, marks, digits and "_";
 * any other single character (punctuation). Every character belongs to exactly
 * one token, so nothing is lost.
 */
export type DiffOp = 'equal' | 'insert' | 'delete'

export interface TextChange {
  op: DiffOp
  text: string
}

export interface TextDiff {
  changes: TextChange[]
  stats: { wordsAdded: number; wordsRemoved: number }
}

const NO_SPACE_SCRIPT = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}`
const TOKEN = new RegExp(
  String.raw`\n|[^\S\n]+|[${NO_SPACE_SCRIPT}]\p{M}*|(?:(?![${NO_SPACE_SCRIPT}])[\p{L}\p{M}\p{N}_])+|[^]\p{M}*`,
  'gu',
)

function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? []
}

export function diffTexts(from: string, to: string): TextDiff {
  const raw: TextChange[] = diffArrays(tokenize(from), tokenize(to)).map((change) => ({
    op: change.added ? 'insert' : change.removed ? 'delete' : 'equal',
    text: change.value.join(''),
  }))
  const changes = alignWholeLines(joinSplitEdits(mergeAdjacent(foldSpacesIntoReplacements(raw))))
  let wordsAdded = 0
  let wordsRemoved = 0
  for (const change of changes) {
    if (change.op === 'insert') wordsAdded += countWords(change.text)
    else if (change.op === 'delete') wordsRemoved += countWords(change.text)
  }
  return { changes, stats: { wordsAdded, wordsRemoved } }
}
