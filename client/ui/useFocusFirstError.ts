import { useEffect, type RefObject } from 'react'

/**
 * After a submit that failed validation, move focus to the first field in error,
 * so keyboard and screen-reader users land on what needs fixing. Runs when a new
 * errors object arrives, not while the person types.
 */
export function useFocusFirstError(form: RefObject<HTMLElement | null>, errors: object): void {
  useEffect(() => {
    if (Object.keys(errors).length === 0) return
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')
    invalid?.focus()
  }, [form, errors])
}
