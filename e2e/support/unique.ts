import { randomBytes } from 'node:crypto'

/**
 * All tests share one server and one data directory, and organisation names and
 * e-mail addresses must be unique there: each test names its own things with this suffix.
 */
export function uniqueSuffix(): string {
  return randomBytes(3).toString('hex')
}
