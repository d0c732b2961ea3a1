/**
 * Words as UN secretariats count them in a word processor: runs of non-space
 * characters that contain at least one letter or digit. "state-of-the-art" is
 * one word, "–" alone is none, "2030" is one.
 */
const TOKEN = /\S+/gu
const HAS_WORD_CHARACTER = /[\p{L}\p{N}]/u

export function countWords(text: string): number {
  let count = 0
  for (const match of text.matchAll(TOKEN)) {
    if (HAS_WORD_CHARACTER.test(match[0])) count += 1
  }
  return count
}
