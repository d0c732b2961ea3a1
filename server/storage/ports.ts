/**
 * Storage ports: what services need from persistence, and nothing about how.
 * Adapters: `memory/` (unit tests), `lowdb/` plus `files/` (the embedded default),
 * and later PostgreSQL. One contract suite (`contract.test.ts`) runs against each.
 *
 * Rules every adapter keeps:
 * - Methods return copies; mutating a returned object never changes storage.
 * - A write has reached the adapter's durable medium (or failed) when its promise settles.
 * - Uniqueness that the domain relies on (user e-mail, organisation name) is enforced
 *   here, like a database index would, by throwing `StorageConflictError`.
 */
import type { AuditEntry } from '../../shared/domain/audit.js'
import type { Endorsement, SignonLink } from '../../shared/domain/endorsement.js'
import type { Forum } from '../../shared/domain/forum.js'
import type { AgendaItem, Meeting } from '../../shared/domain/meeting.js'
import type { Organization } from '../../shared/domain/organization.js'
import type { Statement } from '../../shared/domain/statement.js'
import type { User } from '../../shared/domain/user.js'
import type { Version, VersionContent } from '../../shared/domain/version.js'
import type { WorkingGroup } from '../../shared/domain/workingGroup.js'

export class StorageConflictError extends Error {
  constructor(readonly field: string, message: string) {
    super(message)
    this.name = 'StorageConflictError'
  }
}

/** A user as stored: the domain user plus the password hash that never leaves the server. */
export interface StoredUser extends User {
  passwordHash: string
}

export interface StoredSession {
  /** SHA-256 of the cookie token, hex: a leaked data file does not hand out live sessions. */
  id: string
  userId: string
  createdAt: string
  expiresAt: string
}

export interface StoredInvitation {
  id: string
  /** SHA-256 of the link token, hex. */
  tokenHash: string
  email: string
  organizationId: string
  role: User['role']
  canSign: boolean
  invitedBy: string
  createdAt: string
  expiresAt: string
  acceptedAt: string | null
  acceptedUserId: string | null
}

export interface OrganizationRepository {
  list(): Promise<Organization[]>
  get(id: string): Promise<Organization | null>
  /** Throws StorageConflictError('name') when another organisation has the same name (case-insensitive). */
  create(organization: Organization): Promise<Organization>
  update(id: string, patch: Partial<Omit<Organization, 'id'>>): Promise<Organization | null>
}

export interface UserRepository {
  list(): Promise<StoredUser[]>
  count(): Promise<number>
  get(id: string): Promise<StoredUser | null>
  /** `email` is compared lower-cased. */
  findByEmail(email: string): Promise<StoredUser | null>
  /** Throws StorageConflictError('email') when the e-mail is taken. */
  create(user: StoredUser): Promise<StoredUser>
  update(id: string, patch: Partial<Omit<StoredUser, 'id'>>): Promise<StoredUser | null>
}

export interface SessionRepository {
  get(id: string): Promise<StoredSession | null>
  create(session: StoredSession): Promise<StoredSession>
  delete(id: string): Promise<void>
  deleteForUser(userId: string): Promise<void>
  /** Removes sessions whose expiresAt is at or before `now`; returns how many. */
  deleteExpired(now: Date): Promise<number>
}

export interface InvitationRepository {
  list(): Promise<StoredInvitation[]>
  findByTokenHash(tokenHash: string): Promise<StoredInvitation | null>
  create(invitation: StoredInvitation): Promise<StoredInvitation>
  /**
   * Marks the invitation accepted if, and only if, it is not accepted yet.
   * Returns false when someone else accepted it first: this is what makes a link single-use.
   */
  markAccepted(id: string, userId: string, at: string): Promise<boolean>
}

export interface StatementRepository {
  list(): Promise<Statement[]>
  get(id: string): Promise<Statement | null>
  create(statement: Statement): Promise<Statement>
  update(id: string, patch: Partial<Omit<Statement, 'id'>>): Promise<Statement | null>
}

/**
 * Yjs document state per statement, as raw Yjs update bytes.
 * The collaboration relay appends every (debounced, merged) update and now and
 * then replaces the whole history by one compacted state, so that the cost of
 * persisting an edit does not grow with the document or the number of statements.
 */
export interface DocumentStateStore {
  /**
   * Every stored update for the statement, oldest first (a compacted state first,
   * if any). Empty when the statement has no stored state. Applying them all in
   * order to an empty Y.Doc reproduces the stored document. Rejects when the
   * stored state exists but cannot be read: callers must then not serve (or save
   * over) the document.
   */
  load(statementId: string): Promise<Uint8Array[]>
  /** Appends one update durably. */
  append(statementId: string, update: Uint8Array): Promise<void>
  /**
   * Replaces everything stored for the statement by `state` (a full-state update,
   * `Y.encodeStateAsUpdate`). Atomic: after a crash either the old history or the
   * new state is loaded, both of which give the same document.
   */
  compact(statementId: string, state: Uint8Array): Promise<void>
}

/**
 * Versions of statements. Summaries and contents are stored apart so that listing
 * a thousand versions never reads a thousand contents.
 */
export interface VersionRepository {
  /** The statement's versions, newest (highest number) first, without contents. */
  list(statementId: string): Promise<Version[]>
  get(statementId: string, versionId: string): Promise<Version | null>
  /** The highest-numbered version, or null. */
  latest(statementId: string): Promise<Version | null>
  /**
   * Stores the content durably first, then the summary with the next number for
   * the statement (assigned atomically: concurrent creates get distinct, gapless
   * numbers). A crash in between leaves an unlisted content, never a listed
   * version without content. Throws StorageConflictError('id') for a reused id.
   */
  create(version: Omit<Version, 'number'>, content: VersionContent): Promise<Version>
  content(statementId: string, versionId: string): Promise<VersionContent | null>
}

/** Each statement's audit trail: appended, never changed. */
export interface AuditRepository {
  append(entry: AuditEntry): Promise<AuditEntry>
  /** Oldest first. */
  list(statementId: string): Promise<AuditEntry[]>
}

/** Endorsements of statements. */
export interface EndorsementRepository {
  /** The statement's endorsements in every status, oldest first. */
  list(statementId: string): Promise<Endorsement[]>
  /** Null when the endorsement belongs to another statement. */
  get(statementId: string, endorsementId: string): Promise<Endorsement | null>
  /**
   * Throws StorageConflictError('organization') when the member organisation
   * (`organization.id`) already has an active (pending or approved) endorsement
   * of the statement: one endorsement per organisation, however many requests
   * race. Outside organisations (`organization.id` null) are not constrained here.
   */
  create(endorsement: Endorsement): Promise<Endorsement>
  /** The same conflict rule applies when a patch makes an endorsement active again. */
  update(statementId: string, endorsementId: string, patch: Partial<Omit<Endorsement, 'id' | 'statementId'>>): Promise<Endorsement | null>
}

export interface SignonLinkRepository {
  listForStatement(statementId: string): Promise<SignonLink[]>
  findByToken(token: string): Promise<SignonLink | null>
  create(link: SignonLink): Promise<SignonLink>
  update(id: string, patch: Partial<Omit<SignonLink, 'id' | 'statementId' | 'token'>>): Promise<SignonLink | null>
}

export interface ForumRepository {
  /** In the order they were created (the seeded forums first). */
  list(): Promise<Forum[]>
  get(id: string): Promise<Forum | null>
  create(forum: Forum): Promise<Forum>
  update(id: string, patch: Partial<Omit<Forum, 'id'>>): Promise<Forum | null>
}

export interface MeetingRepository {
  list(): Promise<Meeting[]>
  get(id: string): Promise<Meeting | null>
  create(meeting: Meeting): Promise<Meeting>
  update(id: string, patch: Partial<Omit<Meeting, 'id'>>): Promise<Meeting | null>
}

export interface AgendaItemRepository {
  /** The meeting's items in the order they were added. */
  list(meetingId: string): Promise<AgendaItem[]>
  /** Null when the item belongs to another meeting. */
  get(meetingId: string, id: string): Promise<AgendaItem | null>
  create(item: AgendaItem): Promise<AgendaItem>
}

export interface WorkingGroupRepository {
  list(): Promise<WorkingGroup[]>
  get(id: string): Promise<WorkingGroup | null>
  create(group: WorkingGroup): Promise<WorkingGroup>
  update(id: string, patch: Partial<Omit<WorkingGroup, 'id'>>): Promise<WorkingGroup | null>
}

export interface Storage {
  organizations: OrganizationRepository
  users: UserRepository
  sessions: SessionRepository
  invitations: InvitationRepository
  statements: StatementRepository
  versions: VersionRepository
  audit: AuditRepository
  endorsements: EndorsementRepository
  signonLinks: SignonLinkRepository
  forums: ForumRepository
  meetings: MeetingRepository
  agendaItems: AgendaItemRepository
  workingGroups: WorkingGroupRepository
  documents: DocumentStateStore
  /** Waits for pending writes, then releases files and locks. */
  close(): Promise<void>
}
