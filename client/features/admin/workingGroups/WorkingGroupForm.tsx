import { useState } from 'react'
import type { OrganizationDto, UserDto } from '../../../../shared/api/dto.js'
import { createWorkingGroupBody, updateWorkingGroupBody } from '../../../../shared/api/workingGroups.js'
import type { WorkingGroup } from '../../../../shared/domain/workingGroup.js'
import { LIMITS } from '../../../../shared/limits.js'
import { workingGroupsApi } from '../../../http/workingGroups.js'
import { FormPanel } from '../../../ui/FormPanel.js'
import { TextAreaField, TextField } from '../../../ui/FormField.js'
import { parseWith, useFormSubmission } from '../../../ui/useFormSubmission.js'
import { organizationNames } from '../organizationNames.js'
import { MultiSelectField } from './MultiSelectField.js'

interface WorkingGroupFormProps {
  organizations: OrganizationDto[]
  users: UserDto[]
  /** Absent: "Add a working group". */
  group?: WorkingGroup
  onSaved: (group: WorkingGroup) => void
  onCancel?: () => void
}

const fromGroup = (group?: WorkingGroup) => ({
  name: group?.name ?? '',
  description: group?.description ?? '',
  memberOrganizationIds: [...(group?.memberOrganizationIds ?? [])],
  chairUserIds: [...(group?.chairUserIds ?? [])],
})

export function WorkingGroupForm({ organizations, users, group, onSaved, onCancel }: WorkingGroupFormProps) {
  const [values, setValues] = useState(() => fromGroup(group))
  const [done, setDone] = useState<string | null>(null)
  const { errors, formError, submitting, submit } = useFormSubmission()
  const organizationName = organizationNames(organizations)

  async function handleSubmit() {
    setDone(null)
    const taken = { working_group_name_taken: { name: 'A working group with this name already exists' } }
    if (group) {
      await submit(parseWith(updateWorkingGroupBody, values), async (body) => onSaved(await workingGroupsApi.update(group.id, body)), taken)
      return
    }
    await submit(
      parseWith(createWorkingGroupBody, values),
      async (body) => {
        const created = await workingGroupsApi.create(body)
        setValues(fromGroup())
        setDone(`${created.name} was added.`)
        onSaved(created)
      },
      taken,
    )
  }

  return (
    <FormPanel
      title={group ? `Edit ${group.name}` : 'Add a working group'}
      headingId={group ? `edit-working-group-${group.id}` : 'add-working-group-heading'}
      errors={errors}
      formError={formError}
      done={done}
      submitLabel={group ? 'Save working group' : 'Add working group'}
      submitting={submitting}
      onSubmit={() => void handleSubmit()}
      onCancel={onCancel}
      focusOnMount={group !== undefined}
    >
      <TextField
        label="Working group name"
        name="name"
        hint="For example “Cybercrime and human rights”."
        value={values.name}
        onValueChange={(name) => setValues({ ...values, name })}
        error={errors.name}
        maxLength={LIMITS.nameMaxLength}
        required
      />
      <TextAreaField label="Description" name="description" rows={2} value={values.description} onValueChange={(description) => setValues({ ...values, description })} error={errors.description} />
      <div className="form__row">
        <MultiSelectField
          label="Member organisations"
          name="memberOrganizationIds"
          hint="Hold Ctrl (⌘ on a Mac) to choose several."
          choices={organizations.map((organization) => ({
            value: organization.id,
            label: organization.shortName ? `${organization.name} (${organization.shortName})` : organization.name,
          }))}
          value={values.memberOrganizationIds}
          onValueChange={(memberOrganizationIds) => setValues({ ...values, memberOrganizationIds })}
          error={errors.memberOrganizationIds}
        />
        <MultiSelectField
          label="Chairs"
          name="chairUserIds"
          hint="People who lead the group, whatever their organisation."
          choices={users.map((user) => ({ value: user.id, label: `${user.name} · ${organizationName(user.organizationId)}` }))}
          value={values.chairUserIds}
          onValueChange={(chairUserIds) => setValues({ ...values, chairUserIds })}
          error={errors.chairUserIds}
        />
      </div>
    </FormPanel>
  )
}
