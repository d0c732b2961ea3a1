import { renderSignoffCsv } from './signoffCsv.js'
import type { RenderedExport, SignoffDocument } from './signoffDocument.js'
import { renderSignoffDocx } from './signoffDocx.js'
import { renderSignoffHtml } from './signoffHtml.js'
import { renderSignoffJson } from './signoffJson.js'
import { renderSignoffPdf } from './signoffPdf.js'

export type { RenderedExport } from './signoffDocument.js'

export const SIGNOFF_EXPORT_FORMATS = ['csv', 'json', 'docx', 'pdf', 'html'] as const
export type SignoffExportFormat = (typeof SIGNOFF_EXPORT_FORMATS)[number]

const RENDERERS: Record<SignoffExportFormat, (document: SignoffDocument) => RenderedExport | Promise<RenderedExport>> = {
  csv: renderSignoffCsv,
  json: renderSignoffJson,
  docx: renderSignoffDocx,
  pdf: renderSignoffPdf,
  html: renderSignoffHtml,
}

/** One entry point for the route: the document in the requested format. */
export async function renderSignoff(format: SignoffExportFormat, document: SignoffDocument): Promise<RenderedExport> {
  return RENDERERS[format](document)
}
