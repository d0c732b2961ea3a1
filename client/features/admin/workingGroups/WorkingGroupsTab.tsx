import { useState } from 'react'
import type { OrganizationDto } from '../../../../shared/api/dto.js'
import { usersApi } from '../../../http/users.js'
import { useResource } from '../../../http/useResource.js'
import { workingGroupsApi } from '../../../http/workingGroups.js'
import { LoadError, Loading } from '../../../ui/Feedback.js'
import { organizationNames } from '../organizationNames.js'
import { WorkingGroupForm } from './WorkingGroupForm.js'
import '../../../styles/admin-context.css'

/** Thematic groups of member organisations, led by their chairs; "the working group" is a statement visibility. */
export function WorkingGroupsTab({ organizations }: { organizations: OrganizationDto[] }) {
  const { resource, reload } = useResource(
    'admin-working-groups',
    async (signal) => {
      const [{ workingGroups }, { users }] = await Promise.all([workingGroupsApi.list(signal), usersApi.list(signal)])
      return { workingGroups, users }
    },
    { keepPrevious: true },
  )
  const [editing, setEditing] = useState<string | null>(null)
  if (resource.status === 'loading') return <Loading label="Loading working groups…" />
  if (resource.status === 'error') return <LoadError error={resource.error} onRetry={reload} />
  const { workingGroups, users } = resource.data
  const organizationName = organizationNames(organizations)
  const userName = (id: string) => users.find((user) => user.id === id)?.name ?? 'Unknown person'
  const editedGroup = workingGroups.find((group) => group.id === editing)

  return (
    <>
      <h2>Working groups</h2>
      {workingGroups.length === 0 ? (
        <p className="muted">No working groups yet. A statement that belongs to one can be shown to the group only.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Working groups</caption>
            <thead>
              <tr>
                <th scope="col">Working group</th>
                <th scope="col">Member organisations</th>
                <th scope="col">Chairs</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {workingGroups.map((group) => (
                <tr key={group.id}>
                  <th scope="row">
                    {group.name}
                    {group.description ? <div className="muted">{group.description}</div> : null}
                  </th>
                  <td data-label="Member organisations">{group.memberOrganizationIds.map(organizationName).join(', ') || <span className="muted">None</span>}</td>
                  <td data-label="Chairs">{group.chairUserIds.map(userName).join(', ') || <span className="muted">None</span>}</td>
                  <td>
                    <button type="button" className="button button--secondary" onClick={() => setEditing(group.id)}>
                      Edit<span className="visually-hidden"> {group.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editedGroup ? (
        <WorkingGroupForm
          key={editedGroup.id}
          organizations={organizations}
          users={users}
          group={editedGroup}
          onSaved={() => {
            setEditing(null)
            reload()
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <WorkingGroupForm organizations={organizations} users={users} onSaved={reload} />
      )}
    </>
  )
}
