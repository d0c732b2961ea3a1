import type { AuditEntry } from '../../../shared/domain/audit.js'
import type { Endorsement, SignonLink } from '../../../shared/domain/endorsement.js'
import type { Forum } from '../../../shared/domain/forum.js'
import type { AgendaItem, Meeting } from '../../../shared/domain/meeting.js'
import type { Organization } from '../../../shared/domain/organization.js'
import type { Statement } from '../../../shared/domain/statement.js'
import type { Version } from '../../../shared/domain/version.js'
import type { WorkingGroup } from '../../../shared/domain/workingGroup.js'
import type { Storage, StoredInvitation, StoredSession, StoredUser } from '../ports.js'
import { createAgendaItemRepository } from './agendaItemRepository.js'
import { createAuditRepository } from './auditRepository.js'
import type { Collection } from './collection.js'
import { createEndorsementRepository } from './endorsementRepository.js'
import { createForumRepository } from './forumRepository.js'
import { createInvitationRepository } from './invitationRepository.js'
import { createMeetingRepository } from './meetingRepository.js'
import { createOrganizationRepository } from './organizationRepository.js'
import { createSessionRepository } from './sessionRepository.js'
import { createSignonLinkRepository } from './signonLinkRepository.js'
import { createStatementRepository } from './statementRepository.js'
import { createUserRepository } from './userRepository.js'
import type { VersionContentStore } from './versionContentStore.js'
import { createVersionRepository } from './versionRepository.js'
import { createWorkingGroupRepository } from './workingGroupRepository.js'

export interface MetadataCollections {
  organizations: Collection<Organization>
  users: Collection<StoredUser>
  sessions: Collection<StoredSession>
  invitations: Collection<StoredInvitation>
  statements: Collection<Statement>
  /** Version summaries; their contents live in the VersionContentStore. */
  versions: Collection<Version>
  audit: Collection<AuditEntry>
  endorsements: Collection<Endorsement>
  signonLinks: Collection<SignonLink>
  forums: Collection<Forum>
  meetings: Collection<Meeting>
  agendaItems: Collection<AgendaItem>
  workingGroups: Collection<WorkingGroup>
}

export type MetadataRepositories = Pick<Storage, keyof MetadataCollections> & {
  /** Refuses further writes and waits for the queued ones. */
  close(): Promise<void>
}

/** Takes over `versionContents`: closing the repositories closes it too. */
export function createMetadataRepositories(collections: MetadataCollections, versionContents: VersionContentStore): MetadataRepositories {
  const versions = createVersionRepository(collections.versions, versionContents)
  return {
    organizations: createOrganizationRepository(collections.organizations),
    users: createUserRepository(collections.users),
    sessions: createSessionRepository(collections.sessions),
    invitations: createInvitationRepository(collections.invitations),
    statements: createStatementRepository(collections.statements),
    versions,
    audit: createAuditRepository(collections.audit),
    endorsements: createEndorsementRepository(collections.endorsements),
    signonLinks: createSignonLinkRepository(collections.signonLinks),
    forums: createForumRepository(collections.forums),
    meetings: createMeetingRepository(collections.meetings),
    agendaItems: createAgendaItemRepository(collections.agendaItems),
    workingGroups: createWorkingGroupRepository(collections.workingGroups),
    close: async () => {
      // Versions first: a create under way has written its content but may not have
      // asked the versions collection for its summary yet, which a closed collection would refuse.
      await versions.close()
      await Promise.all(Object.values(collections).map((collection: Collection<{ id: string }>) => collection.close()))
    },
  }
}
