import { join } from 'node:path'
import type { AuditEntry } from '../../../shared/domain/audit.js'
import type { Endorsement, SignonLink } from '../../../shared/domain/endorsement.js'
import type { Forum } from '../../../shared/domain/forum.js'
import type { AgendaItem, Meeting } from '../../../shared/domain/meeting.js'
import type { Organization } from '../../../shared/domain/organization.js'
import type { Statement } from '../../../shared/domain/statement.js'
import type { Version } from '../../../shared/domain/version.js'
import type { WorkingGroup } from '../../../shared/domain/workingGroup.js'
import type { StoredInvitation, StoredSession, StoredUser } from '../ports.js'
import { createMetadataRepositories, type MetadataCollections, type MetadataRepositories } from '../repositories/metadataRepositories.js'
import type { VersionContentStore } from '../repositories/versionContentStore.js'
import { readCollectionFile } from './collectionFile.js'
import { openLowdbCollection } from './lowdbCollection.js'

type CollectionName = keyof MetadataCollections

/**
 * Each collection's file under `meta/`. Typed over every collection, so a new one
 * cannot be forgotten here; file names are kebab-case, like URLs.
 */
const FILE_NAMES: Record<CollectionName, string> = {
  organizations: 'organizations.json',
  users: 'users.json',
  sessions: 'sessions.json',
  invitations: 'invitations.json',
  statements: 'statements.json',
  versions: 'versions.json',
  audit: 'audit.json',
  endorsements: 'endorsements.json',
  signonLinks: 'signon-links.json',
  forums: 'forums.json',
  meetings: 'meetings.json',
  agendaItems: 'agenda-items.json',
  workingGroups: 'working-groups.json',
}
const COLLECTION_NAMES = Object.keys(FILE_NAMES) as CollectionName[]

/**
 * Opens `<metaDir>/<file>` for every collection. All files are read and
 * checked before any missing one is created, so a corrupt file stops the start
 * before anything has been written. Version contents are not metadata and stay in
 * `versionContents`, which the returned repositories take over (and close).
 */
export async function openLowdbRepositories(metaDir: string, versionContents: VersionContentStore): Promise<MetadataRepositories> {
  const pathOf = (name: CollectionName): string => join(metaDir, FILE_NAMES[name])
  const contents = new Map(
    await Promise.all(COLLECTION_NAMES.map(async (name) => [name, await readCollectionFile(pathOf(name))] as const)),
  )
  // The files are ours and only shape-checked (records with string ids): their
  // field-level types are trusted the way a database adapter trusts its columns.
  const open = <T extends { id: string }>(name: CollectionName) =>
    openLowdbCollection<T>(pathOf(name), (contents.get(name) ?? null) as T[] | null)
  return createMetadataRepositories(
    {
      organizations: await open<Organization>('organizations'),
      users: await open<StoredUser>('users'),
      sessions: await open<StoredSession>('sessions'),
      invitations: await open<StoredInvitation>('invitations'),
      statements: await open<Statement>('statements'),
      versions: await open<Version>('versions'),
      audit: await open<AuditEntry>('audit'),
      endorsements: await open<Endorsement>('endorsements'),
      signonLinks: await open<SignonLink>('signonLinks'),
      forums: await open<Forum>('forums'),
      meetings: await open<Meeting>('meetings'),
      agendaItems: await open<AgendaItem>('agendaItems'),
      workingGroups: await open<WorkingGroup>('workingGroups'),
    },
    versionContents,
  )
}
