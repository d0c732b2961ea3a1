import { describe, expect, it } from 'vitest'
import { isSafeLinkHref } from './linkHref.js'

describe('isSafeLinkHref', () => {
  it('accepts absolute web and e-mail links', () => {
    for (const href of ['https://www.unodc.org/ccpcj', 'http://example.org', 'HTTPS://EXAMPLE.ORG/a?b=c#d', 'mailto:secretariat@example.org', ' https://example.org ']) {
      expect(isSafeLinkHref(href), href).toBe(true)
    }
  })

  it('refuses script, data and other schemes however they are spelled', () => {
    const refused = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' \t javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'javas\rcript:alert(1)',
      '\u0001javascript:alert(1)',
      '\u0000javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'ftp://example.org',
      'tel:+41227000000',
    ]
    for (const href of refused) expect(isSafeLinkHref(href), JSON.stringify(href)).toBe(false)
  })

  it('refuses relative targets, entity-spelled schemes and anything that is not a string', () => {
    for (const href of ['/api/users', '//evil.example', '#top', 'www.example.org', '&#106;avascript:alert(1)', 'javascript&colon;alert(1)', '', null, undefined, 42, { href: 'https://x' }]) {
      expect(isSafeLinkHref(href), JSON.stringify(href)).toBe(false)
    }
  })
})
