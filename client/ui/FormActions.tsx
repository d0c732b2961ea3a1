/** A form's submit button, and Cancel when the form can be left without saving. */
export function FormActions({ submitLabel, submitting, onCancel }: { submitLabel: string; submitting: boolean; onCancel?: (() => void) | undefined }) {
  return (
    <div className="form__actions">
      <button type="submit" className="button button--primary" disabled={submitting}>
        {submitLabel}
      </button>
      {onCancel ? (
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
    </div>
  )
}
