import { useState } from 'react'
import { createAgendaItemBody } from '../../../../shared/api/meetings.js'
import type { AgendaItem } from '../../../../shared/domain/meeting.js'
import { LIMITS } from '../../../../shared/limits.js'
import { meetingsApi } from '../../../http/meetings.js'
import { FormPanel } from '../../../ui/FormPanel.js'
import { CheckboxField, TextField } from '../../../ui/FormField.js'
import { parseWith, useFormSubmission } from '../../../ui/useFormSubmission.js'

const EMPTY = { number: '', title: '', generalDebate: false }

export function AgendaItemForm({ meetingId, meetingName, onAdded }: { meetingId: string; meetingName: string; onAdded: (item: AgendaItem) => void }) {
  const [values, setValues] = useState(EMPTY)
  const [done, setDone] = useState<string | null>(null)
  const { errors, formError, submitting, submit } = useFormSubmission()

  async function handleSubmit() {
    setDone(null)
    await submit(parseWith(createAgendaItemBody, values), async (body) => {
      const item = await meetingsApi.addAgendaItem(meetingId, body)
      setValues(EMPTY)
      setDone(`Item ${item.number} was added.`)
      onAdded(item)
    })
  }

  return (
    <FormPanel
      title={`Add an agenda item to ${meetingName}`}
      headingId={`add-agenda-item-${meetingId}`}
      errors={errors}
      formError={formError}
      done={done}
      submitLabel="Add agenda item"
      submitting={submitting}
      onSubmit={() => void handleSubmit()}
    >
      <div className="form__row">
        <TextField label="Number" name="number" hint="As printed: “5 (a)”." value={values.number} onValueChange={(number) => setValues({ ...values, number })} error={errors.number} maxLength={20} required />
        <TextField label="Agenda item title" name="title" value={values.title} onValueChange={(title) => setValues({ ...values, title })} error={errors.title} maxLength={LIMITS.titleMaxLength} required />
      </div>
      <CheckboxField
        label="General debate"
        hint="Some forums give shorter speaking slots in general debates."
        checked={values.generalDebate}
        onCheckedChange={(generalDebate) => setValues({ ...values, generalDebate })}
      />
    </FormPanel>
  )
}
