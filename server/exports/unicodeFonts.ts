import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'

/**
 * DejaVu Sans, from the `dejavu-fonts-ttf` package: a free TrueType font that
 * covers Latin with every accent, Greek, Cyrillic, Armenian, Georgian, Hebrew
 * and basic Arabic. PDF's built-in Helvetica covers WinAnsi only, so a
 * signatory list from a UN meeting would lose every Cyrillic or Arabic name.
 * Loaded once, on the first PDF, and kept: about 1 MB for both faces.
 */
export interface UnicodeFonts {
  regular: Buffer
  bold: Buffer
}

const require = createRequire(import.meta.url)
let loading: Promise<UnicodeFonts> | null = null

export function unicodeFonts(): Promise<UnicodeFonts> {
  loading ??= Promise.all([
    readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  ]).then(([regular, bold]) => ({ regular, bold }))
  // A failed read is not cached: the next export tries again.
  loading.catch(() => {
    loading = null
  })
  return loading
}
