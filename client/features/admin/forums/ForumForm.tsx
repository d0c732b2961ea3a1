import { useState } from 'react'
import type { Forum } from '../../../../shared/domain/forum.js'
import { LIMITS } from '../../../../shared/limits.js'
import { forumsApi } from '../../../http/forums.js'
import { FormPanel } from '../../../ui/FormPanel.js'
import { TextAreaField, TextField } from '../../../ui/FormField.js'
import { useFormSubmission } from '../../../ui/useFormSubmission.js'
import { forumErrorsFromError, forumFormValues, parseForumForm } from './forumFormValues.js'
import { PresetFields } from './PresetFields.js'

interface ForumFormProps {
  /** Absent: "Add a forum". */
  forum?: Forum
  onSaved: (forum: Forum) => void
  onCancel?: () => void
}

export function ForumForm({ forum, onSaved, onCancel }: ForumFormProps) {
  const [values, setValues] = useState(() => forumFormValues(forum))
  const [done, setDone] = useState<string | null>(null)
  // Issues inside `presets` belong to the figure's own field, not to one "presets" message.
  const { errors, formError, submitting, submit } = useFormSubmission({ fieldErrorsFrom: forumErrorsFromError })
  const set = (field: 'name' | 'shortName' | 'description' | 'cadence') => (value: string) => setValues({ ...values, [field]: value })

  async function handleSubmit() {
    setDone(null)
    await submit(parseForumForm(values), async (body) => {
      const saved = forum ? await forumsApi.update(forum.id, body) : await forumsApi.create(body)
      if (!forum) {
        setValues(forumFormValues())
        setDone(`${saved.shortName} was added.`)
      }
      onSaved(saved)
    })
  }

  const headingId = forum ? `edit-forum-${forum.id}` : 'add-forum-heading'
  return (
    <FormPanel
      title={forum ? `Edit ${forum.shortName}` : 'Add a forum'}
      headingId={headingId}
      errors={errors}
      formError={formError}
      done={done}
      submitLabel={forum ? 'Save forum' : 'Add forum'}
      submitting={submitting}
      onSubmit={() => void handleSubmit()}
      onCancel={onCancel}
      focusOnMount={forum !== undefined}
    >
      <div className="form__row">
        <TextField label="Name" name="name" value={values.name} onValueChange={set('name')} error={errors.name} maxLength={LIMITS.nameMaxLength} required />
        <TextField label="Short name" name="shortName" hint="For example “CCPCJ”." value={values.shortName} onValueChange={set('shortName')} error={errors.shortName} required />
      </div>
      <TextAreaField label="Description" name="description" rows={2} value={values.description} onValueChange={set('description')} error={errors.description} />
      <TextField label="Cadence" name="cadence" hint="For example “Annual session in May, Vienna”." value={values.cadence} onValueChange={set('cadence')} error={errors.cadence} />
      <PresetFields values={values} errors={errors} onChange={setValues} />
    </FormPanel>
  )
}
