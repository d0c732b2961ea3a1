import type { ChangeEvent } from 'react'
import type { OrganizationDto } from '../../../shared/api/dto.js'
import { SelectField } from '../../ui/FormField.js'
import { ecosocLabel } from '../../ui/labels.js'
import { formatMeetingDates } from '../../ui/meetingDates.js'
import type { StatementFormValues } from './statementFormValues.js'
import type { StatementContext } from './useStatementContext.js'

export type ContextField = 'meetingId' | 'agendaItemId' | 'workingGroupId' | 'submittingOrganizationId'

interface StatementContextFieldsProps {
  values: StatementFormValues
  context: StatementContext
  organizations: OrganizationDto[] | null
  onFieldChange: (field: ContextField, value: string) => void
  errorFor: (field: ContextField) => string | undefined
}

/** Meeting → agenda item (of that meeting), working group, submitting organisation. */
export function StatementContextFields({ values, context, organizations, onFieldChange, errorFor }: StatementContextFieldsProps) {
  const forumName = (forumId: string) => context.forums?.find((forum) => forum.id === forumId)?.shortName ?? ''
  const noMeeting = values.meetingId === ''
  // Each select is one field of the form's values, its change and its error, by the same name.
  const bind = (name: ContextField) => ({
    name,
    value: values[name],
    onChange: (event: ChangeEvent<HTMLSelectElement>) => onFieldChange(name, event.target.value),
    error: errorFor(name),
  })
  return (
    <>
      <div className="form__row">
        <SelectField
          label="Meeting"
          hint="Its forum’s presets fill in the limits and the deadline."
          {...bind('meetingId')}
          disabled={context.meetings === null}
        >
          <option value="">No meeting</option>
          {(context.meetings ?? []).map((meeting) => (
            <option key={meeting.id} value={meeting.id}>
              {[forumName(meeting.forumId), meeting.name].filter(Boolean).join(' · ')} ({formatMeetingDates(meeting.startDate, meeting.endDate)})
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Agenda item"
          hint={noMeeting ? 'Choose a meeting first.' : context.agendaItems?.length === 0 ? 'This meeting has no agenda items yet.' : undefined}
          {...bind('agendaItemId')}
          disabled={noMeeting || context.agendaItems === null}
        >
          <option value="">No agenda item</option>
          {(context.agendaItems ?? []).map((item) => (
            <option key={item.id} value={item.id}>
              {item.number}. {item.title}
              {item.generalDebate ? ' (general debate)' : ''}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form__row">
        <SelectField
          label="Working group"
          {...bind('workingGroupId')}
          disabled={context.workingGroups === null}
        >
          <option value="">No working group</option>
          {(context.workingGroups ?? []).map((group) => (
            <option key={group.id} value={group.id}>
              {group.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Submitting organisation"
          hint="Its ECOSOC status sets a written statement’s word limit."
          {...bind('submittingOrganizationId')}
          disabled={organizations === null}
        >
          <option value="">Not chosen</option>
          {(organizations ?? []).map((organization) => (
            <option key={organization.id} value={organization.id}>
              {organization.shortName ?? organization.name} ({ecosocLabel(organization.ecosocStatus)})
            </option>
          ))}
        </SelectField>
      </div>
    </>
  )
}
