import { describe, expect, it } from 'vitest'
import { isChunkLoadError } from './chunkLoadError.js'

describe('isChunkLoadError', () => {
  it.each([
    'Failed to fetch dynamically imported module: https://plenary.example.org/assets/StatementEditor-1a2b3c.js',
    'error loading dynamically imported module: https://plenary.example.org/assets/StatementEditor-1a2b3c.js',
    'Importing a module script failed.',
    'Unable to preload CSS for /assets/StatementEditor-1a2b3c.css',
  ])('recognises “%s”', (message) => {
    expect(isChunkLoadError(new TypeError(message))).toBe(true)
  })

  it('leaves other errors alone', () => {
    expect(isChunkLoadError(new Error('Cannot read properties of undefined (reading "doc")'))).toBe(false)
    expect(isChunkLoadError('Failed to fetch dynamically imported module')).toBe(false)
    expect(isChunkLoadError(null)).toBe(false)
  })
})
