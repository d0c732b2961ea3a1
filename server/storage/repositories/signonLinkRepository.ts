import { timingSafeEqual } from 'node:crypto'
import type { SignonLink } from '../../../shared/domain/endorsement.js'
import type { SignonLinkRepository } from '../ports.js'
import type { Collection } from './collection.js'
import { Table } from './table.js'

/**
 * Sign-on links of every statement in one collection, oldest first.
 *
 * The token is the capability itself (it is shown to coordinators again, so it is
 * kept as it is, not hashed like invitation tokens): unique, because
 * `findByToken` promises one answer, and matched whole and exactly. A token that
 * is a prefix, has a character more or differs in letter case finds nothing.
 */
export function createSignonLinkRepository(collection: Collection<SignonLink>): SignonLinkRepository {
  const table = new Table(
    collection,
    [{ field: 'token', key: (link) => link.token, message: () => 'A sign-on link with this token already exists' }],
    ['statementId', 'token'],
  )
  return {
    listForStatement: (statementId) => table.filter((link) => link.statementId === statementId),
    findByToken: (token) => table.find((link) => sameToken(link.token, token)),
    create: (link) => table.create(link),
    update: (id, patch) => table.update(id, patch),
  }
}

/**
 * Compares in time that depends on the lengths only, which are public (43
 * characters): the token arrives from anyone holding a URL, and `===` stops at
 * the first differing character.
 */
function sameToken(stored: string, given: string): boolean {
  if (stored.length !== given.length) return false
  const left = Buffer.from(stored)
  const right = Buffer.from(given)
  return left.length === right.length && timingSafeEqual(left, right)
}
