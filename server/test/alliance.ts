import type { Organization } from '../../shared/domain/organization.js'
import type { Role } from '../../shared/domain/user.js'
import type { ApiClient } from './apiClient.js'
import type { TestServer } from './testServer.js'

export const PASSWORD = 'member-password-1'

export interface Alliance {
  admin: ApiClient
  coordinator: ApiClient
  /** Member of the drafting organisation. */
  drafter: ApiClient
  /** Member of an organisation that does not draft. */
  outsider: ApiClient
  anonymous: ApiClient
  drafting: Organization
  other: Organization
}

export async function createOrganization(admin: ApiClient, name: string, extra: Partial<Organization> = {}): Promise<Organization> {
  const res = await admin.post('/api/organizations', { name, country: 'Austria', ecosocStatus: 'special', ...extra })
  if (res.status !== 201) throw new Error(`create organisation failed: ${res.status} ${res.text}`)
  return res.body
}

/** Invites and signs in a person through the real invitation flow. */
export async function invitePerson(server: TestServer, inviter: ApiClient, email: string, organizationId: string, role: Role = 'member', canSign = false): Promise<ApiClient> {
  const invitation = await inviter.post('/api/invitations', { email, organizationId, role, canSign })
  if (invitation.status !== 201) throw new Error(`invite ${email} failed: ${invitation.status} ${invitation.text}`)
  const person = server.client()
  const accepted = await person.post(`/api/invitations/${invitation.body.token}/accept`, { name: email.split('@')[0], password: PASSWORD })
  if (accepted.status !== 201) throw new Error(`accept ${email} failed: ${accepted.status} ${accepted.text}`)
  return person
}

/** Two organisations, one coordinator and one member of each, plus the admin. */
export async function seedAlliance(server: TestServer): Promise<Alliance> {
  const admin = await server.admin()
  const drafting = await createOrganization(admin, 'Drafting Org', { shortName: 'DO' })
  const other = await createOrganization(admin, 'Other Org', { shortName: 'OO' })
  const me = await admin.get('/api/me')
  const [coordinator, drafter, outsider] = await Promise.all([
    invitePerson(server, admin, 'coordinator@alliance.test', me.body.organization.id, 'coordinator'),
    invitePerson(server, admin, 'drafter@drafting.test', drafting.id, 'member', true),
    invitePerson(server, admin, 'outsider@other.test', other.id),
  ])
  return { admin, coordinator, drafter, outsider, anonymous: server.client(), drafting, other }
}

export async function createStatement(coordinator: ApiClient, body: Record<string, unknown>): Promise<{ id: string } & Record<string, any>> {
  const res = await coordinator.post('/api/statements', { title: 'Statement', ...body })
  if (res.status !== 201) throw new Error(`create statement failed: ${res.status} ${res.text}`)
  return res.body
}
