import { useRef, type KeyboardEvent } from 'react'
import { useSearchParams } from 'react-router'
import { isStaff } from '../../../shared/domain/permissions.js'
import { organizationsApi } from '../../http/organizations.js'
import { useResource } from '../../http/useResource.js'
import { useMe } from '../../app/SessionContext.js'
import { LoadError, Loading } from '../../ui/Feedback.js'
import { useDocumentTitle } from '../../ui/useDocumentTitle.js'
import { ForumsTab } from './forums/ForumsTab.js'
import { InvitationsTab } from './InvitationsTab.js'
import { MeetingsTab } from './meetings/MeetingsTab.js'
import { OrganizationsTab } from './OrganizationsTab.js'
import { PeopleTab } from './PeopleTab.js'
import { WorkingGroupsTab } from './workingGroups/WorkingGroupsTab.js'

const TABS = [
  { id: 'organisations', label: 'Organisations' },
  { id: 'people', label: 'People' },
  { id: 'invitations', label: 'Invitations' },
  { id: 'forums', label: 'Forums' },
  { id: 'meetings', label: 'Meetings' },
  { id: 'working-groups', label: 'Working groups' },
] as const
type TabId = (typeof TABS)[number]['id']

export function AdminPage() {
  useDocumentTitle('Administration')
  const { user } = useMe()
  const [searchParams, setSearchParams] = useSearchParams()
  const requested = searchParams.get('tab')
  const tab: TabId = TABS.find((candidate) => candidate.id === requested)?.id ?? 'organisations'
  // Adding an organisation reloads the list; keeping the old list meanwhile keeps the form mounted,
  // with its "… was added." confirmation and the person's focus.
  const organizations = useResource('organizations', (signal) => organizationsApi.list(signal), { keepPrevious: true })
  const buttons = useRef<(HTMLButtonElement | null)[]>([])

  if (!isStaff(user)) {
    return (
      <section className="empty-page">
        <h1>Administration</h1>
        <p>Only coordinators and administrators can manage organisations, people, forums, meetings and working groups.</p>
      </section>
    )
  }

  const select = (id: TabId) => setSearchParams(id === 'organisations' ? {} : { tab: id }, { replace: true })

  function handleKeyDown(event: KeyboardEvent) {
    const index = TABS.findIndex((candidate) => candidate.id === tab)
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
    if (step === 0) return
    event.preventDefault()
    const next = (index + step + TABS.length) % TABS.length
    select(TABS[next]!.id)
    buttons.current[next]?.focus()
  }

  return (
    <div className="admin-page">
      <h1>Administration</h1>
      {/* Buttons that switch sections; the section shown is pressed. */}
      <div className="tabs" aria-label="Sections" role="group" onKeyDown={handleKeyDown}>
        {TABS.map((candidate, index) => (
          <button
            key={candidate.id}
            ref={(element) => {
              buttons.current[index] = element
            }}
            type="button"
            className="tabs__tab"
            aria-pressed={candidate.id === tab}
            aria-controls="admin-section"
            onClick={() => select(candidate.id)}
          >
            {candidate.label}
          </button>
        ))}
      </div>
      <section className="tabs__panel" id="admin-section" aria-label={TABS.find((candidate) => candidate.id === tab)?.label}>
        {organizations.resource.status === 'loading' ? <Loading /> : null}
        {organizations.resource.status === 'error' ? <LoadError error={organizations.resource.error} onRetry={organizations.reload} /> : null}
        {organizations.resource.status === 'ready' ? (
          <>
            {tab === 'organisations' ? (
              <OrganizationsTab organizations={organizations.resource.data.organizations} onAdded={organizations.reload} />
            ) : null}
            {tab === 'people' ? <PeopleTab organizations={organizations.resource.data.organizations} /> : null}
            {tab === 'invitations' ? <InvitationsTab organizations={organizations.resource.data.organizations} /> : null}
            {tab === 'forums' ? <ForumsTab /> : null}
            {tab === 'meetings' ? <MeetingsTab /> : null}
            {tab === 'working-groups' ? <WorkingGroupsTab organizations={organizations.resource.data.organizations} /> : null}
          </>
        ) : null}
      </section>
    </div>
  )
}
