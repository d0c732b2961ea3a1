import { isActive, type Endorsement } from '../../../shared/domain/endorsement.js'
import type { EndorsementRepository } from '../ports.js'
import type { Collection } from './collection.js'
import { Table, type UniqueIndex } from './table.js'

/**
 * "One active endorsement per member organisation per statement", as a database
 * would write it: a partial unique index on (statementId, organization.id) where
 * the organisation is a member and the endorsement is pending or approved.
 * Withdrawn and rejected endorsements stay as history and constrain nothing;
 * outside organisations (no id) are told apart by coordinators, not here.
 *
 * The key is a JSON array rather than joined text so that no pair of ids can
 * spell the same key as another pair.
 */
const oneActivePerOrganization: UniqueIndex<Endorsement> = {
  field: 'organization',
  key: (endorsement) =>
    endorsement.organization.id !== null && isActive(endorsement)
      ? JSON.stringify([endorsement.statementId, endorsement.organization.id])
      : null,
  message: (endorsement) => `${endorsement.organization.name} already has an active endorsement of statement ${endorsement.statementId}`,
}

/**
 * Endorsements of every statement in one collection, in the order they were
 * created (updates keep a record's place), so a statement's list is oldest first.
 * The index is checked inside the collection's serialised mutation, on create and
 * on every update, so concurrent requests cannot both pass it.
 */
export function createEndorsementRepository(collection: Collection<Endorsement>): EndorsementRepository {
  const table = new Table(collection, [oneActivePerOrganization], ['statementId'])
  return {
    list: (statementId) => table.filter((endorsement) => endorsement.statementId === statementId),
    get: (statementId, endorsementId) =>
      table.find((endorsement) => endorsement.id === endorsementId && endorsement.statementId === statementId),
    create: (endorsement) => table.create(endorsement),
    update: (statementId, endorsementId, patch) =>
      table.update(endorsementId, patch, (endorsement) => endorsement.statementId === statementId),
  }
}
