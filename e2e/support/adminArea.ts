import { expect, type Page } from '@playwright/test'

export interface OrganizationInput {
  name: string
  shortName: string
  country?: string
}

/** How the organisation pickers (invitation, drafting organisations) label an organisation. */
export function organizationOption(organization: OrganizationInput): string {
  return `${organization.name} (${organization.shortName})`
}

function addOrganizationForm(page: Page) {
  return page.getByRole('form', { name: 'Add an organisation' })
}

function invitationForm(page: Page) {
  return page.getByRole('form', { name: 'Invite someone' })
}

/** Adds an organisation in Administration → Organisations and waits until the table lists it. */
export async function addOrganization(page: Page, organization: OrganizationInput): Promise<void> {
  await page.goto('/admin')
  const form = addOrganizationForm(page)
  await form.getByLabel('Name', { exact: true }).fill(organization.name)
  await form.getByLabel('Short name').fill(organization.shortName)
  await form.getByLabel('Country').fill(organization.country ?? 'Austria')
  await form.getByRole('button', { name: 'Add organisation' }).click()
  // The table, not the "… was added." confirmation: the organisation must be listed (and offered by
  // the pickers) before the next step; administration.spec.ts covers the confirmation.
  await expect(page.getByRole('table', { name: 'Member organisations' }).getByRole('rowheader', { name: organizationOption(organization) })).toBeVisible()
}

export interface InvitationInput {
  email: string
  organization: OrganizationInput
  /** Checks "May sign on behalf of the organisation": the member may endorse locked statements for it. */
  canSign?: boolean
  /** The Role select's option; Member unless given. */
  role?: 'Member' | 'Coordinator'
}

/**
 * Creates a member invitation in Administration → Invitations and returns the link
 * the page shows for copying (there is no e-mail sending).
 */
export async function createInvitation(page: Page, invitation: InvitationInput): Promise<string> {
  await page.goto('/admin?tab=invitations')
  const form = invitationForm(page)
  await form.getByLabel('E-mail', { exact: true }).fill(invitation.email)
  await form.getByLabel('Organisation', { exact: true }).selectOption({ label: organizationOption(invitation.organization) })
  await form.getByLabel('Role', { exact: true }).selectOption({ label: invitation.role ?? 'Member' })
  if (invitation.canSign) await form.getByLabel('May sign on behalf of the organisation').check()
  await form.getByRole('button', { name: 'Create invitation' }).click()
  const link = page.getByTestId('invitation-url')
  await expect(link).toHaveValue(/\/invite\/[^/]+$/)
  await expect(page.getByRole('table', { name: 'Invitations' })).toContainText(invitation.email)
  return link.inputValue()
}
