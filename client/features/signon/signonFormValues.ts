import { externalSignonBody, type ExternalSignonBody } from '../../../shared/api/endorsements.js'
import type { EcosocStatus } from '../../../shared/domain/organization.js'
import { fieldErrorsFromIssues, type FieldErrors } from '../../http/fieldErrors.js'

/** The public sign-on form as its inputs hold it. */
export interface SignonFormValues {
  organizationName: string
  country: string
  /** '' until the person chooses: a wrong default would go onto the list submitted to the UN. */
  ecosocStatus: EcosocStatus | ''
  contactName: string
  signatoryTitle: string
  email: string
  website: string
  comment: string
  confidential: boolean
  consent: boolean
}

export function emptySignonForm(): SignonFormValues {
  return {
    organizationName: '',
    country: '',
    ecosocStatus: '',
    contactName: '',
    signatoryTitle: '',
    email: '',
    website: '',
    comment: '',
    confidential: false,
    consent: false,
  }
}

/** Messages for the two answers the shared schema words for developers, not for the person filling in the form. */
const MESSAGES: FieldErrors = {
  ecosocStatus: 'Choose your organisation’s ECOSOC status, or “None”',
  consent: 'Tick the box to confirm that your organisation endorses this text',
}

/** Field errors from the server (`validation_failed`) or the shared schema, in the form's own words where they exist. */
export function signonFieldErrors(issues: unknown): FieldErrors {
  const errors = fieldErrorsFromIssues(issues)
  for (const field of Object.keys(MESSAGES)) {
    if (errors[field]) errors[field] = MESSAGES[field]!
  }
  return errors
}

export function parseSignonForm(values: SignonFormValues): { ok: true; body: ExternalSignonBody } | { ok: false; errors: FieldErrors } {
  const parsed = externalSignonBody.safeParse({ ...values, website: values.website.trim() })
  if (!parsed.success) return { ok: false, errors: signonFieldErrors(parsed.error.issues) }
  return { ok: true, body: parsed.data }
}
