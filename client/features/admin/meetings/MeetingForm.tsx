import { useState } from 'react'
import { createMeetingBody, updateMeetingBody } from '../../../../shared/api/meetings.js'
import type { Forum } from '../../../../shared/domain/forum.js'
import type { Meeting } from '../../../../shared/domain/meeting.js'
import { LIMITS } from '../../../../shared/limits.js'
import type { FieldErrors } from '../../../http/fieldErrors.js'
import { meetingsApi } from '../../../http/meetings.js'
import { FormPanel } from '../../../ui/FormPanel.js'
import { SelectField, TextField } from '../../../ui/FormField.js'
import { parseWith, useFormSubmission } from '../../../ui/useFormSubmission.js'

interface MeetingFormProps {
  forums: Forum[]
  /** Absent: "Add a meeting". */
  meeting?: Meeting
  onSaved: (meeting: Meeting) => void
  onCancel?: () => void
}

const fromMeeting = (meeting?: Meeting) => ({
  forumId: meeting?.forumId ?? '',
  name: meeting?.name ?? '',
  startDate: meeting?.startDate ?? '',
  endDate: meeting?.endDate ?? '',
  venue: meeting?.venue ?? '',
})

export function MeetingForm({ forums, meeting, onSaved, onCancel }: MeetingFormProps) {
  const [values, setValues] = useState(() => fromMeeting(meeting))
  const [done, setDone] = useState<string | null>(null)
  const { errors, formError, submitting, submit } = useFormSubmission()
  const set = (field: keyof typeof values) => (value: string) => setValues({ ...values, [field]: value })

  async function handleSubmit() {
    setDone(null)
    const forumError: FieldErrors = values.forumId === '' ? { forumId: 'Choose the forum' } : {}
    if (meeting) {
      await submit(parseWith(updateMeetingBody, values, forumError), async (body) => onSaved(await meetingsApi.update(meeting.id, body)))
      return
    }
    await submit(parseWith(createMeetingBody, values, forumError), async (body) => {
      const created = await meetingsApi.create(body)
      setValues(fromMeeting())
      setDone(`${created.name} was added. Add its agenda items below.`)
      onSaved(created)
    })
  }

  return (
    <FormPanel
      title={meeting ? `Edit ${meeting.name}` : 'Add a meeting'}
      headingId={meeting ? `edit-meeting-${meeting.id}` : 'add-meeting-heading'}
      errors={errors}
      formError={formError}
      done={done}
      submitLabel={meeting ? 'Save meeting' : 'Add meeting'}
      submitting={submitting}
      onSubmit={() => void handleSubmit()}
      onCancel={onCancel}
      focusOnMount={meeting !== undefined}
    >
      <div className="form__row">
        <SelectField label="Forum" name="forumId" value={values.forumId} onChange={(event) => set('forumId')(event.target.value)} error={errors.forumId} required>
          <option value="">Choose…</option>
          {forums.map((forum) => (
            <option key={forum.id} value={forum.id}>
              {forum.shortName} — {forum.name}
            </option>
          ))}
        </SelectField>
        <TextField label="Meeting name" name="name" hint="For example “35th session”." value={values.name} onValueChange={set('name')} error={errors.name} maxLength={LIMITS.titleMaxLength} required />
      </div>
      <div className="form__row">
        <TextField label="First day" name="startDate" type="date" value={values.startDate} onValueChange={set('startDate')} error={errors.startDate} required />
        <TextField label="Last day" name="endDate" type="date" value={values.endDate} onValueChange={set('endDate')} error={errors.endDate} required />
        <TextField label="Venue" name="venue" hint="For example “Vienna”." value={values.venue} onValueChange={set('venue')} error={errors.venue} maxLength={LIMITS.nameMaxLength} />
      </div>
    </FormPanel>
  )
}
