import type { OrganizationDto } from '../../../shared/api/dto.js'
import { usersApi } from '../../http/users.js'
import { useResource } from '../../http/useResource.js'
import { LoadError, Loading } from '../../ui/Feedback.js'
import { roleLabel } from '../../ui/labels.js'
import { organizationNames } from './organizationNames.js'

export function PeopleTab({ organizations }: { organizations: OrganizationDto[] }) {
  const { resource, reload } = useResource('users', (signal) => usersApi.list(signal))
  const organizationName = organizationNames(organizations)

  return (
    <>
      <h2>People</h2>
      {resource.status === 'loading' ? <Loading /> : null}
      {resource.status === 'error' ? <LoadError error={resource.error} onRetry={reload} /> : null}
      {resource.status === 'ready' ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">People with an account</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">E-mail</th>
                <th scope="col">Organisation</th>
                <th scope="col">Role</th>
                <th scope="col">May sign</th>
              </tr>
            </thead>
            <tbody>
              {resource.data.users.map((user) => (
                <tr key={user.id}>
                  <th scope="row">{user.name}</th>
                  <td>{user.email}</td>
                  <td>{organizationName(user.organizationId)}</td>
                  <td>{roleLabel(user.role)}</td>
                  <td>{user.canSign ? 'Yes' : 'No'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  )
}
