import type { OrganizationDto } from '../../../shared/api/dto.js'
import { ecosocLabel } from '../../ui/labels.js'
import { OrganizationForm } from './OrganizationForm.js'

export function OrganizationsTab({ organizations, onAdded }: { organizations: OrganizationDto[]; onAdded: () => void }) {
  return (
    <>
      <h2>Organisations</h2>
      {organizations.length === 0 ? (
        <p className="muted">No organisations yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Member organisations</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Country</th>
                <th scope="col">ECOSOC status</th>
                <th scope="col">Website</th>
              </tr>
            </thead>
            <tbody>
              {organizations.map((organization) => (
                <tr key={organization.id}>
                  <th scope="row">
                    {organization.name}
                    {organization.shortName ? <span className="muted"> ({organization.shortName})</span> : null}
                  </th>
                  <td>{organization.country}</td>
                  <td>{ecosocLabel(organization.ecosocStatus)}</td>
                  <td>
                    {organization.website ? (
                      <a href={organization.website} rel="noopener noreferrer" target="_blank">
                        {organization.website.replace(/^https?:\/\//, '')}
                      </a>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <OrganizationForm onAdded={onAdded} />
    </>
  )
}
