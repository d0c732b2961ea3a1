import { useState } from 'react'
import type { Forum } from '../../../../shared/domain/forum.js'
import { forumsApi } from '../../../http/forums.js'
import { useResource } from '../../../http/useResource.js'
import { LoadError, Loading } from '../../../ui/Feedback.js'
import { ForumForm } from './ForumForm.js'
import { ForumRow } from './ForumRow.js'
import '../../../styles/admin-context.css'

/** Forums with their presets: what a new statement for one of their meetings starts with. */
export function ForumsTab() {
  const { resource, reload } = useResource('admin-forums', (signal) => forumsApi.list(signal), { keepPrevious: true })
  const [editing, setEditing] = useState<string | null>(null)

  if (resource.status === 'loading') return <Loading label="Loading forums…" />
  if (resource.status === 'error') return <LoadError error={resource.error} onRetry={reload} />
  const forums: Forum[] = resource.data.forums
  const editedForum = forums.find((forum) => forum.id === editing)

  return (
    <>
      <h2>Forums</h2>
      <p className="muted">Each forum’s presets fill in a new statement’s limits and deadline; coordinators can still change every figure per statement.</p>
      {forums.length === 0 ? (
        <p className="muted">No forums yet. Add the first one below.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Forums</caption>
            <thead>
              <tr>
                <th scope="col">Forum</th>
                <th scope="col">Oral</th>
                <th scope="col">Written (words)</th>
                <th scope="col">Deadline</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {forums.map((forum) => (
                <ForumRow key={forum.id} forum={forum} onEdit={() => setEditing(forum.id)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editedForum ? (
        <ForumForm
          key={editedForum.id}
          forum={editedForum}
          onSaved={() => {
            setEditing(null)
            reload()
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <ForumForm onSaved={reload} />
      )}
    </>
  )
}
