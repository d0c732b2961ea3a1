import PDFDocument from 'pdfkit'
import { CHECK_AGAINST_DELIVERY, CONTACTS_HEADING, COSPONSORS_HEADING, RECORD_HEADING, signoffContent } from './signoffContent.js'
import { exportFilename, type RenderedExport, type SignoffDocument } from './signoffDocument.js'
import { statementBlocks } from './statementBlocks.js'
import { unicodeFonts } from './unicodeFonts.js'

const REGULAR = 'Body'
const BOLD = 'Body-Bold'
const MARGIN = 64
const BODY_SIZE = 11
const HEADING_SIZES = [16, 14, 12.5, 12, 11.5, 11]
// Points per list or quote level.
const INDENT_STEP = 24

/**
 * The statement as a PDF with the same content as the DOCX export. Names in
 * any script DejaVu Sans covers are embedded (subset) rather than dropped.
 * Limitation: pdfkit shapes Arabic letters within a word but has no
 * bidirectional layout, so the words of a multi-word Arabic-script name come
 * out left to right; Latin, Greek and Cyrillic are exact.
 *
 * The PDF's dates come from `generatedAt`, and pdfkit derives the file ID from
 * them, so the same document renders to the same bytes.
 */
export async function renderSignoffPdf(document: SignoffDocument): Promise<RenderedExport> {
  const fonts = await unicodeFonts()
  const content = signoffContent(document)
  const { statement } = document
  const generated = new Date(document.generatedAt)
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: 'en',
    displayTitle: true,
    info: {
      Title: statement.title,
      Subject: `${statement.forum}: sign-off list, version ${statement.versionNumber}`,
      Keywords: statement.fingerprint,
      Creator: 'Plenary',
      Producer: 'Plenary (PDFKit)',
      CreationDate: generated,
      ModDate: generated,
    },
  })
  const chunks: Buffer[] = []
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk))
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)))
    pdf.on('error', reject)
  })

  pdf.registerFont(REGULAR, fonts.regular)
  pdf.registerFont(BOLD, fonts.bold)
  const width = pdf.page.width - 2 * MARGIN
  const paragraph = (value: string, options: { bold?: boolean; size?: number; indent?: number; align?: 'left' | 'right' } = {}) => {
    const indent = options.indent ?? 0
    pdf
      .font(options.bold ? BOLD : REGULAR)
      .fontSize(options.size ?? BODY_SIZE)
      .text(value, MARGIN + indent, pdf.y, { width: width - indent, align: options.align ?? 'left', paragraphGap: 6 })
  }
  const heading = (value: string) => {
    pdf.moveDown(0.6)
    paragraph(value, { bold: true, size: 13 })
  }

  if (content.checkAgainstDelivery) paragraph(CHECK_AGAINST_DELIVERY, { bold: true, align: 'right' })
  paragraph(statement.title, { bold: true, size: 18 })
  paragraph(`${statement.forum} · ${statement.kind === 'oral' ? 'Oral statement' : 'Written statement'}`, { size: 10 })
  pdf.moveDown(0.5)

  for (const block of statementBlocks(statement.text)) {
    if (block.kind === 'heading') paragraph(block.text, { bold: true, size: HEADING_SIZES[block.level - 1] ?? BODY_SIZE })
    else if (block.kind === 'paragraph') paragraph(block.text, { indent: block.indent * INDENT_STEP })
    else {
      const y = pdf.y + 4
      pdf.moveTo(MARGIN, y).lineTo(MARGIN + width, y).lineWidth(0.5).stroke()
      pdf.y = y + 10
    }
  }

  heading(COSPONSORS_HEADING)
  for (const line of content.cosponsors.lines) paragraph(line)
  if (content.cosponsors.closingSentence) paragraph(content.cosponsors.closingSentence)
  if (content.cosponsors.lines.length === 0 && !content.cosponsors.closingSentence) paragraph('No organisation is listed yet.')

  heading(RECORD_HEADING)
  for (const [label, value] of content.record) {
    pdf.font(BOLD).fontSize(10).text(`${label}: `, MARGIN, pdf.y, { continued: true, width })
    pdf.font(REGULAR).text(value, { paragraphGap: 3, ...(label === 'Verify at' && /^https?:\/\//i.test(value) ? { link: value } : {}) })
  }
  for (const note of content.notes) paragraph(note, { size: 10 })

  if (content.contacts) {
    heading(CONTACTS_HEADING)
    pdf.font(REGULAR).fontSize(8)
    pdf.table({
      position: { x: MARGIN },
      maxWidth: width,
      // Widths as shares of the text width: e-mail addresses and organisation names need the most.
      columnStyles: [0.26, 0.2, 0.23, 0.17, 0.14].map((share) => share * width),
      data: [
        content.contacts.header.map((text) => ({ text, type: 'TH' as const, font: { src: BOLD, size: 8 } })),
        ...content.contacts.rows.map((row) => row.map((text) => ({ text, font: { src: REGULAR, size: 8 } }))),
      ],
    })
  }

  footers(pdf, `Version ${statement.versionNumber} · ${statement.fingerprint}`)
  pdf.end()
  return { contentType: 'application/pdf', filename: exportFilename(document, 'pdf'), body: await finished }
}

/** "Version 3 · sha256:… · page 1 of 2" at the foot of every page: a printed page says which text it is. */
function footers(pdf: PDFKit.PDFDocument, text: string): void {
  const range = pdf.bufferedPageRange()
  for (let index = range.start; index < range.start + range.count; index += 1) {
    pdf.switchToPage(index)
    // Writing inside the bottom margin would otherwise make pdfkit start a new page.
    const bottom = pdf.page.margins.bottom
    pdf.page.margins.bottom = 0
    pdf
      .font(REGULAR)
      .fontSize(7)
      .text(`${text} · page ${index + 1} of ${range.count}`, MARGIN, pdf.page.height - MARGIN / 2, { width: pdf.page.width - 2 * MARGIN, align: 'center', lineBreak: false })
    pdf.page.margins.bottom = bottom
  }
}
