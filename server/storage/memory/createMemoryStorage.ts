import type { Storage } from '../ports.js'
import { createMetadataRepositories } from '../repositories/metadataRepositories.js'
import { createMemoryCollection } from './memoryCollection.js'
import { createMemoryDocumentStore } from './memoryDocumentStore.js'

/** Storage that lives and dies with the process: for unit tests and throwaway demos. */
export function createMemoryStorage(): Storage {
  const repositories = createMetadataRepositories({
    organizations: createMemoryCollection('organizations'),
    users: createMemoryCollection('users'),
    sessions: createMemoryCollection('sessions'),
    invitations: createMemoryCollection('invitations'),
    statements: createMemoryCollection('statements'),
  })
  const documents = createMemoryDocumentStore()
  return {
    organizations: repositories.organizations,
    users: repositories.users,
    sessions: repositories.sessions,
    invitations: repositories.invitations,
    statements: repositories.statements,
    documents,
    close: async () => {
      await repositories.close()
      await documents.close()
    },
  }
}
