import type { Storage } from '../ports.js'
import { createMetadataRepositories } from '../repositories/metadataRepositories.js'
import { createMemoryCollection } from './memoryCollection.js'
import { createMemoryDocumentStore } from './memoryDocumentStore.js'
import { createMemoryVersionContents } from './memoryVersionContents.js'

/** Storage that lives and dies with the process: for unit tests and throwaway demos. */
export function createMemoryStorage(): Storage {
  const repositories = createMetadataRepositories(
    {
      organizations: createMemoryCollection('organizations'),
      users: createMemoryCollection('users'),
      sessions: createMemoryCollection('sessions'),
      invitations: createMemoryCollection('invitations'),
      statements: createMemoryCollection('statements'),
      versions: createMemoryCollection('versions'),
      audit: createMemoryCollection('audit'),
      endorsements: createMemoryCollection('endorsements'),
      signonLinks: createMemoryCollection('signonLinks'),
      forums: createMemoryCollection('forums'),
      meetings: createMemoryCollection('meetings'),
      agendaItems: createMemoryCollection('agendaItems'),
      workingGroups: createMemoryCollection('workingGroups'),
    },
    createMemoryVersionContents(),
  )
  const documents = createMemoryDocumentStore()
  return {
    organizations: repositories.organizations,
    users: repositories.users,
    sessions: repositories.sessions,
    invitations: repositories.invitations,
    statements: repositories.statements,
    versions: repositories.versions,
    audit: repositories.audit,
    endorsements: repositories.endorsements,
    signonLinks: repositories.signonLinks,
    forums: repositories.forums,
    meetings: repositories.meetings,
    agendaItems: repositories.agendaItems,
    workingGroups: repositories.workingGroups,
    documents,
    close: async () => {
      await repositories.close()
      await documents.close()
    },
  }
}
