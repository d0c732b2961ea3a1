import { createHash } from 'node:crypto'
import { escapeHtml } from './escapeHtml.js'
import { CHECK_AGAINST_DELIVERY, CONTACTS_HEADING, COSPONSORS_HEADING, RECORD_HEADING, signoffContent } from './signoffContent.js'
import { exportFilename, type RenderedExport, type SignoffDocument } from './signoffDocument.js'
import { formatUtcTime } from './utcTime.js'

/** The whole stylesheet: printable on A4 and readable on a screen, no web fonts, no images. */
const STYLE = `
body{font-family:Georgia,"Times New Roman",serif;line-height:1.5;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#111}
h1{font-size:1.5rem;margin:0 0 .25rem}
.meta{color:#444;margin:0 0 1.5rem}
.check{text-align:right;font-weight:bold;text-transform:uppercase;letter-spacing:.05em}
.statement{border-top:1px solid #999;border-bottom:1px solid #999;padding:.5rem 0;margin-bottom:1.5rem}
h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;font-size:.9rem}
dt{font-weight:bold}dd{margin:0;overflow-wrap:anywhere}
code{font-size:.85em}
table{border-collapse:collapse;width:100%;font-size:.85rem}
th,td{border:1px solid #999;padding:.25rem .4rem;text-align:left;vertical-align:top;white-space:pre-line;overflow-wrap:anywhere}
.notes{font-size:.9rem;color:#444}
@media print{body{margin:0;max-width:none}a{color:inherit;text-decoration:none}}
`

const STYLE_SOURCE = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`

/**
 * The policy a saved copy of the page carries in a <meta> element, which is
 * all a file opened from disk has: its one inline stylesheet, pinned by hash,
 * and no scripts, requests or forms. (frame-ancestors has no effect in <meta>.)
 */
const DOCUMENT_CSP = `default-src 'none'; style-src ${STYLE_SOURCE}; base-uri 'none'; form-action 'none'`

/**
 * The Content-Security-Policy the server sends with these pages (the HTML
 * export, /verify and its "not verified" page): the one above, and no framing.
 * With the hash instead of `style-src 'unsafe-inline'`, a <style> or style=""
 * that slipped into the page anyway would not apply.
 */
export const SIGNOFF_HTML_CSP = `${DOCUMENT_CSP}; frame-ancestors 'none'`

/** Only http(s) URLs become links: a `javascript:` verify URL would run on click. */
function link(url: string): string {
  const text = escapeHtml(url)
  return /^https?:\/\//i.test(url) ? `<a href="${text}">${text}</a>` : text
}

/**
 * A complete printable page: the statement as locked, the co-sponsor block,
 * the record of what was signed and, for coordinators, the contact table.
 * Every value is escaped here except `statement.html`, which the document
 * renderer produced from the schema with its text already escaped.
 */
export function renderSignoffHtml(document: SignoffDocument): RenderedExport {
  const content = signoffContent(document)
  const { statement } = document
  const kind = statement.kind === 'oral' ? 'Oral statement' : 'Written statement'
  const parts: string[] = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<meta http-equiv="Content-Security-Policy" content="${DOCUMENT_CSP}">`,
    `<title>${escapeHtml(statement.title)}: sign-off, version ${statement.versionNumber}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    content.checkAgainstDelivery ? `<p class="check">${CHECK_AGAINST_DELIVERY}</p>` : '',
    `<h1>${escapeHtml(statement.title)}</h1>`,
    `<p class="meta">${escapeHtml(statement.forum)} · ${kind} · Version ${statement.versionNumber}, locked ${escapeHtml(formatUtcTime(statement.lockedAt))}</p>`,
    '</header>',
    `<main>`,
    `<article class="statement">${statement.html}</article>`,
    `<section><h2>${COSPONSORS_HEADING}</h2>`,
    ...content.cosponsors.lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    content.cosponsors.closingSentence ? `<p>${escapeHtml(content.cosponsors.closingSentence)}</p>` : '',
    content.cosponsors.lines.length === 0 && !content.cosponsors.closingSentence ? '<p>No organisation is listed yet.</p>' : '',
    '</section>',
    `<section><h2>${RECORD_HEADING}</h2><dl>`,
    ...content.record.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${label === 'Verify at' ? link(value) : label === 'Fingerprint' ? `<code>${escapeHtml(value)}</code>` : escapeHtml(value)}</dd>`),
    '</dl>',
    ...content.notes.map((note) => `<p class="notes">${escapeHtml(note)}</p>`),
    '</section>',
    content.contacts ? contactTable(content.contacts) : '',
    '</main>',
    '</body>',
    '</html>',
  ]
  return {
    contentType: 'text/html; charset=utf-8',
    filename: exportFilename(document, 'html'),
    body: `${parts.filter((part) => part !== '').join('\n')}\n`,
  }
}

function contactTable(contacts: { header: string[]; rows: string[][] }): string {
  const head = `<tr>${contacts.header.map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join('')}</tr>`
  // white-space:pre-line shows the cells' line breaks without putting markup in the data.
  const body = contacts.rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('\n')
  return `<section><h2>${escapeHtml(CONTACTS_HEADING)}</h2>\n<table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table></section>`
}

/** `/verify/<fingerprint>` when no locked statement has that fingerprint: the same stylesheet, so the same policy. */
export function renderNotVerifiedPage(): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${DOCUMENT_CSP}">`,
    '<title>Not verified</title>',
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<h1>Not verified</h1>',
    '<p>No statement is locked with this fingerprint. Check that you copied the whole fingerprint; the text may also have been unlocked and changed since.</p>',
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
