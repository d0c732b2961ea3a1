import { describe, expect, it } from 'vitest'
import { neutraliseCsvCell } from './csvSafety.js'

describe('neutraliseCsvCell', () => {
  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+1+cmd|/C calc!A0', `'+1+cmd|/C calc!A0`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A2)', `'@SUM(A1:A2)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
  ])('prefixes a quote to %j', (input, expected) => {
    expect(neutraliseCsvCell(input)).toBe(expected)
  })

  it.each(['', 'Amnesty International', ' =not first', "'already quoted", '1', 'a=b', '\n=1', 'Ärzte'])('leaves %j unchanged', (input) => {
    expect(neutraliseCsvCell(input)).toBe(input)
  })
})
