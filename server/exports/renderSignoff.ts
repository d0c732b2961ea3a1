import { renderSignoffCsv } from './signoffCsv.js'
import type { RenderedExport, SignoffDocument } from './signoffDocument.js'
import { renderSignoffHtml } from './signoffHtml.js'
import { renderSignoffJson } from './signoffJson.js'

export type { RenderedExport } from './signoffDocument.js'

export const SIGNOFF_EXPORT_FORMATS = ['csv', 'json', 'docx', 'pdf', 'html'] as const
export type SignoffExportFormat = (typeof SIGNOFF_EXPORT_FORMATS)[number]

/**
 * DOCX and PDF load their libraries (docx, pdfkit and its fonts: about 25 MB of
 * memory) at the first export in that format, not at every server start: most
 * processes serve editing far more often than exports.
 */
const RENDERERS: Record<SignoffExportFormat, (document: SignoffDocument) => RenderedExport | Promise<RenderedExport>> = {
  csv: renderSignoffCsv,
  json: renderSignoffJson,
  docx: async (document) => (await import('./signoffDocx.js')).renderSignoffDocx(document),
  pdf: async (document) => (await import('./signoffPdf.js')).renderSignoffPdf(document),
  html: renderSignoffHtml,
}

/** One entry point for the route: the document in the requested format. */
export async function renderSignoff(format: SignoffExportFormat, document: SignoffDocument): Promise<RenderedExport> {
  return RENDERERS[format](document)
}
