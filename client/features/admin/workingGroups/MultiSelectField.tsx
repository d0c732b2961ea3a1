import { SelectField } from '../../../ui/FormField.js'

export interface Choice {
  value: string
  label: string
}

interface MultiSelectFieldProps {
  label: string
  name: string
  hint: string
  choices: Choice[]
  value: string[]
  onValueChange: (value: string[]) => void
  error?: string
}

/** A native multiple select, four to eight rows tall: the keyboard and screen readers already know it. */
export function MultiSelectField({ choices, onValueChange, ...field }: MultiSelectFieldProps) {
  return (
    <SelectField
      {...field}
      multiple
      size={Math.min(8, Math.max(4, choices.length))}
      onChange={(event) => onValueChange(Array.from(event.target.selectedOptions, (option) => option.value))}
    >
      {choices.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </SelectField>
  )
}
