import { describe, expect, it } from 'vitest'
import { canonicalText } from './canonicalText.js'
import type { JsonNode } from './documentText.js'
import { fingerprintDocument, fingerprintText, isFingerprint } from './fingerprint.js'

const text = (value: string, marks?: unknown[]): JsonNode => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value })
const p = (...content: (string | JsonNode)[]): JsonNode => ({
  type: 'paragraph',
  content: content.map((part) => (typeof part === 'string' ? text(part) : part)),
})
const doc = (...content: JsonNode[]): JsonNode => ({ type: 'doc', content })
const item = (...content: JsonNode[]): JsonNode => ({ type: 'listItem', content })

/** The worked example in the README, section "Canonical text and fingerprint": keep both in step. */
const readmeExample: JsonNode = doc(
  { type: 'heading', attrs: { level: 2 }, content: [text('Joint statement on victims’ rights')] },
  p('Madam\u00a0Chair,  ', { type: 'hardBreak' }, 'we ', text('welcome', [{ type: 'bold' }]), ' the report.'),
  p(),
  {
    type: 'orderedList',
    attrs: { start: 1 },
    content: [
      item(p('Ratify the Convention;'), { type: 'bulletList', content: [item(p('without reservations.'))] }),
      item(p('Fund victim support.')),
    ],
  },
  { type: 'blockquote', content: [p('Nothing about us without us.')] },
)

describe('fingerprintText', () => {
  it('is the SHA-256 of the UTF-8 bytes, as "sha256:" and lowercase hex (FIPS 180-2 vectors)', () => {
    expect(fingerprintText('')).toBe('sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(fingerprintText('abc')).toBe('sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })

  it('hashes non-ASCII text as UTF-8 (checked with `printf é | sha256sum`)', () => {
    expect(fingerprintText('é')).toBe('sha256:4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c')
  })

  it('does not canonicalise: it hashes exactly the text it is given', () => {
    expect(fingerprintText('abc\n')).not.toBe(fingerprintText('abc'))
  })
})

describe('fingerprintDocument', () => {
  it('is the fingerprint of the canonical text', () => {
    expect(fingerprintDocument(readmeExample)).toBe(fingerprintText(canonicalText(readmeExample)))
  })

  it('gives the README example its documented text and fingerprint', () => {
    expect(canonicalText(readmeExample)).toBe(
      [
        '## Joint statement on victims’ rights',
        'Madam Chair, we welcome the report.',
        '1. Ratify the Convention;',
        '  - without reservations.',
        '2. Fund victim support.',
        '> Nothing about us without us.',
      ].join('\n'),
    )
    expect(fingerprintDocument(readmeExample)).toBe('sha256:1bd1a130c6b82bfa3047a1dd6e90ae3a747cbd49734303623473e532aec6e559')
  })

  it('is the same for bold and plain text', () => {
    const plain = doc(p('Madam Chair, we welcome the report.'))
    const bold = doc(p('Madam Chair, we ', text('welcome', [{ type: 'bold' }]), ' the report.'))
    expect(fingerprintDocument(bold)).toBe(fingerprintDocument(plain))
    expect(fingerprintDocument(plain)).toBe('sha256:38dec708539cec9cf1a3aa83f5ac2271541350fc80691aaef0432c334a2672e5')
  })

  it('is the same for spacing and Unicode variants of the same words', () => {
    const reference = fingerprintDocument(doc(p('Réseau des victimes')))
    expect(fingerprintDocument(doc(p('  Re\u0301seau\u00a0des   victimes '), p()))).toBe(reference)
  })

  it('changes when one word changes', () => {
    const before = fingerprintDocument(doc(p('Madam Chair, we welcome the report.')))
    expect(fingerprintDocument(doc(p('Madam Chair, we regret the report.')))).not.toBe(before)
  })

  it('changes when a paragraph is split in two, or a paragraph becomes a heading', () => {
    const one = fingerprintDocument(doc(p('Madam Chair, we welcome the report.')))
    expect(fingerprintDocument(doc(p('Madam Chair,'), p('we welcome the report.')))).not.toBe(one)
    expect(fingerprintDocument(doc({ type: 'heading', attrs: { level: 1 }, content: [text('Madam Chair, we welcome the report.')] }))).not.toBe(one)
  })
})

describe('isFingerprint', () => {
  it('accepts what fingerprintText produces', () => {
    expect(isFingerprint(fingerprintText('anything'))).toBe(true)
  })

  it.each([
    ['', 'empty'],
    ['e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'no prefix'],
    ['sha256:E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855', 'uppercase hex'],
    ['SHA256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'uppercase prefix'],
    ['sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85', '63 digits'],
    ['sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8555', '65 digits'],
    ['sha256:g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'not hex'],
    ['sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n', 'trailing newline'],
    ['sha1:da39a3ee5e6b4b0d3255bfef95601890afd80709', 'another algorithm'],
  ])('refuses %j (%s)', (value) => {
    expect(isFingerprint(value)).toBe(false)
  })
})
