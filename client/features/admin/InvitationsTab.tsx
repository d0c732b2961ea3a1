import type { OrganizationDto } from '../../../shared/api/dto.js'
import { invitationsApi } from '../../http/invitations.js'
import { useResource } from '../../http/useResource.js'
import { Badge, type BadgeTone } from '../../ui/Badge.js'
import { formatDateTime } from '../../ui/dates.js'
import { LoadError, Loading } from '../../ui/Feedback.js'
import { roleLabel } from '../../ui/labels.js'
import { InvitationForm } from './InvitationForm.js'
import { invitationStatus, type InvitationStatus } from './invitationStatus.js'
import { organizationNames } from './organizationNames.js'

const STATUS: Record<InvitationStatus, { label: string; tone: BadgeTone }> = {
  pending: { label: 'Waiting', tone: 'info' },
  accepted: { label: 'Accepted', tone: 'success' },
  expired: { label: 'Expired', tone: 'neutral' },
}

export function InvitationsTab({ organizations }: { organizations: OrganizationDto[] }) {
  const { resource, reload } = useResource('invitations', (signal) => invitationsApi.list(signal), { keepPrevious: true })
  const organizationName = organizationNames(organizations)

  return (
    <>
      <h2>Invitations</h2>
      <InvitationForm organizations={organizations} onCreated={reload} />
      {resource.status === 'loading' ? <Loading /> : null}
      {resource.status === 'error' ? <LoadError error={resource.error} onRetry={reload} /> : null}
      {resource.status === 'ready' && resource.data.invitations.length === 0 ? <p className="muted">No invitations yet.</p> : null}
      {resource.status === 'ready' && resource.data.invitations.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Invitations</caption>
            <thead>
              <tr>
                <th scope="col">E-mail</th>
                <th scope="col">Organisation</th>
                <th scope="col">Role</th>
                <th scope="col">May sign</th>
                <th scope="col">Status</th>
                <th scope="col">Expires</th>
              </tr>
            </thead>
            <tbody>
              {resource.data.invitations.map((invitation) => {
                const status = STATUS[invitationStatus(invitation)]
                return (
                  <tr key={invitation.id}>
                    <th scope="row">{invitation.email}</th>
                    <td>{organizationName(invitation.organizationId)}</td>
                    <td>{roleLabel(invitation.role)}</td>
                    <td>{invitation.canSign ? 'Yes' : 'No'}</td>
                    <td>
                      <Badge tone={status.tone}>{status.label}</Badge>
                    </td>
                    <td>{formatDateTime(invitation.expiresAt)}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  )
}
