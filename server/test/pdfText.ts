import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

/** The text of every page of a PDF, read back with pdf.js, whitespace folded to single spaces. */
export async function pdfText(body: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(body), isEvalSupported: false, disableFontFace: true }).promise
  let text = ''
  for (let page = 1; page <= pdf.numPages; page += 1) {
    for (const item of (await (await pdf.getPage(page)).getTextContent()).items) if ('str' in item) text += `${item.str} `
  }
  await pdf.destroy()
  return text.replace(/\s+/g, ' ')
}
