import type { Organization } from '../../../shared/domain/organization.js'
import type { Statement } from '../../../shared/domain/statement.js'
import type { Storage, StoredInvitation, StoredSession, StoredUser } from '../ports.js'
import type { Collection } from './collection.js'
import { createInvitationRepository } from './invitationRepository.js'
import { createOrganizationRepository } from './organizationRepository.js'
import { createSessionRepository } from './sessionRepository.js'
import { createStatementRepository } from './statementRepository.js'
import { createUserRepository } from './userRepository.js'

export interface MetadataCollections {
  organizations: Collection<Organization>
  users: Collection<StoredUser>
  sessions: Collection<StoredSession>
  invitations: Collection<StoredInvitation>
  statements: Collection<Statement>
}

export type MetadataRepositories = Pick<Storage, keyof MetadataCollections> & {
  /** Refuses further writes and waits for the queued ones. */
  close(): Promise<void>
}

export function createMetadataRepositories(collections: MetadataCollections): MetadataRepositories {
  return {
    organizations: createOrganizationRepository(collections.organizations),
    users: createUserRepository(collections.users),
    sessions: createSessionRepository(collections.sessions),
    invitations: createInvitationRepository(collections.invitations),
    statements: createStatementRepository(collections.statements),
    close: async () => {
      await Promise.all(Object.values(collections).map((collection: Collection<{ id: string }>) => collection.close()))
    },
  }
}
