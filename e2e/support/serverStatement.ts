import { expect, type Page } from '@playwright/test'

/**
 * What the server holds for a statement, read over its REST API with the session of
 * the page's browser context. The server's copy is the one that versions, diffs and
 * fingerprints are made from, so a test waits for it before acting on them.
 */

/** The statement's canonical text as the server renders it now (`GET …/content?format=text`). For `expect.poll`. */
export async function serverText(page: Page, statementId: string): Promise<string> {
  const response = await page.request.get(`/api/statements/${encodeURIComponent(statementId)}/content?format=text`)
  expect(response.status()).toBe(200)
  return response.text()
}

export interface FingerprintAnswer {
  fingerprint: string
  wordCount: number
  status: 'drafting' | 'locked' | 'closed'
  lockedFingerprint: string | null
}

/** `GET /api/statements/:id/fingerprint`: the current text's fingerprint and, while locked, the locked one. */
export async function serverFingerprint(page: Page, statementId: string): Promise<FingerprintAnswer> {
  const response = await page.request.get(`/api/statements/${encodeURIComponent(statementId)}/fingerprint`)
  expect(response.status()).toBe(200)
  return (await response.json()) as FingerprintAnswer
}

export interface VersionSummary {
  number: number
  kind: 'automatic' | 'named' | 'restore' | 'final'
  label: string | null
  fingerprint: string
}

/** `GET /api/statements/:id/versions`, newest first. */
export async function serverVersions(page: Page, statementId: string): Promise<VersionSummary[]> {
  const response = await page.request.get(`/api/statements/${encodeURIComponent(statementId)}/versions`)
  expect(response.status()).toBe(200)
  return ((await response.json()) as { versions: VersionSummary[] }).versions
}
