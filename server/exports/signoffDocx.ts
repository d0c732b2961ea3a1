import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import { CHECK_AGAINST_DELIVERY, CONTACTS_HEADING, COSPONSORS_HEADING, RECORD_HEADING, signoffContent, type SignoffContent } from './signoffContent.js'
import { exportFilename, type RenderedExport, type SignoffDocument } from './signoffDocument.js'
import { statementBlocks, type StatementBlock } from './statementBlocks.js'
import { xmlText } from './xmlText.js'

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6]

// Twips (1/20 pt): half an inch per list or quote level.
const INDENT_STEP = 720

function text(value: string, options: { bold?: boolean; size?: number } = {}): TextRun {
  return new TextRun({ text: xmlText(value), ...options })
}

function statementParagraph(block: StatementBlock): Paragraph {
  switch (block.kind) {
    case 'heading':
      return new Paragraph({ heading: HEADINGS[block.level - 1] ?? HeadingLevel.HEADING_1, children: [text(block.text)] })
    case 'rule':
      return new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'auto', space: 1 } }, children: [] })
    case 'paragraph':
      // The list marker stays in the text: the document shows the wording as signed, numbers included.
      return new Paragraph({ indent: block.indent > 0 ? { left: block.indent * INDENT_STEP } : undefined, children: [text(block.text)] })
  }
}

function heading(value: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_2, children: [text(value)] })
}

function contactTable(contacts: NonNullable<SignoffContent['contacts']>): Table {
  const cell = (value: string, bold = false) =>
    new TableCell({ children: (value === '' ? [''] : value.split('\n')).map((line) => new Paragraph({ children: [text(line, { bold, size: 18 })] })) })
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: contacts.header.map((value) => cell(value, true)) }),
      ...contacts.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((value) => cell(value)) })),
    ],
  })
}

/**
 * The statement as a Word document, to paste into or send with a UN
 * submission: "Check against delivery" on oral statements, the locked text one
 * paragraph per canonical line, the co-sponsor block, the record of what was
 * signed and, for coordinators, the contact table. The footer repeats the
 * version and fingerprint on every page, so a printed page says which text it is.
 */
export async function renderSignoffDocx(document: SignoffDocument): Promise<RenderedExport> {
  const content = signoffContent(document)
  const { statement } = document
  const body: (Paragraph | Table)[] = []

  if (content.checkAgainstDelivery) body.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [text(CHECK_AGAINST_DELIVERY, { bold: true })] }))
  body.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [text(statement.title)] }))
  body.push(new Paragraph({ children: [text(`${statement.forum} · ${statement.kind === 'oral' ? 'Oral statement' : 'Written statement'}`)] }))
  body.push(...statementBlocks(statement.text).map(statementParagraph))

  body.push(heading(COSPONSORS_HEADING))
  for (const line of content.cosponsors.lines) body.push(new Paragraph({ children: [text(line)] }))
  if (content.cosponsors.closingSentence) body.push(new Paragraph({ children: [text(content.cosponsors.closingSentence)] }))
  if (content.cosponsors.lines.length === 0 && !content.cosponsors.closingSentence) body.push(new Paragraph({ children: [text('No organisation is listed yet.')] }))

  body.push(heading(RECORD_HEADING))
  for (const [label, value] of content.record) body.push(new Paragraph({ children: [text(`${label}: `, { bold: true }), text(value)] }))
  for (const note of content.notes) body.push(new Paragraph({ children: [text(note)] }))

  if (content.contacts) {
    body.push(heading(CONTACTS_HEADING))
    body.push(contactTable(content.contacts))
  }

  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ text: xmlText(`Version ${statement.versionNumber} · ${statement.fingerprint} · page `), size: 16 }),
          new TextRun({ children: [PageNumber.CURRENT], size: 16 }),
        ],
      }),
    ],
  })

  const docx = new Document({
    title: xmlText(statement.title),
    subject: xmlText(statement.forum),
    description: `Sign-off list, version ${statement.versionNumber}, ${statement.fingerprint}`,
    creator: 'Plenary',
    sections: [{ footers: { default: footer }, children: body }],
  })
  return {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    filename: exportFilename(document, 'docx'),
    body: await Packer.toBuffer(docx),
  }
}
