import { useState } from 'react'
import { SIGNOFF_FORMATS, SIGNOFF_ORDERS } from '../../../shared/api/endorsements.js'
import { signoffUrl, verificationUrl, type SignoffFormat, type SignoffOrder } from '../../http/signoff.js'
import { SelectField } from '../../ui/FormField.js'
import { SIGNOFF_FORMAT_LABELS, SIGNOFF_ORDER_LABELS } from './endorsementWording.js'

interface SignoffExportProps {
  statementId: string
  fingerprint: string
  /** Coordinators' exports name everyone and carry contact details; members' are the public list. */
  staff: boolean
}

/**
 * The sign-off list as a file. A plain link downloads it: the browser sends the
 * session cookie and saves the file under the server's name, with no JavaScript
 * holding the file in memory.
 */
export function SignoffExport({ statementId, fingerprint, staff }: SignoffExportProps) {
  const [format, setFormat] = useState<SignoffFormat>('csv')
  const [order, setOrder] = useState<SignoffOrder>('name')

  return (
    <section className="endorsements__section" aria-labelledby="signoff-heading">
      <h3 id="signoff-heading">Export sign-off list</h3>
      <p className="muted">
        {staff
          ? 'Every approved endorsement of the current text, with signatories and contact details; confidential ones are included and marked. Handle the file with care.'
          : 'The public list: organisations that endorsed the current text, without people or contact details. Confidential endorsements are counted, not named.'}
      </p>
      <div className="signoff-export">
        <SelectField label="Format" name="format" value={format} onChange={(event) => setFormat(event.target.value as SignoffFormat)}>
          {SIGNOFF_FORMATS.map((candidate) => (
            <option key={candidate} value={candidate}>
              {SIGNOFF_FORMAT_LABELS[candidate]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Order" name="order" value={order} onChange={(event) => setOrder(event.target.value as SignoffOrder)}>
          {SIGNOFF_ORDERS.map((candidate) => (
            <option key={candidate} value={candidate}>
              {SIGNOFF_ORDER_LABELS[candidate]}
            </option>
          ))}
        </SelectField>
        <a className="button button--primary signoff-export__download" href={signoffUrl(statementId, format, order)} download data-testid="signoff-download">
          Download sign-off list
        </a>
      </div>
      <p>
        <a href={verificationUrl(fingerprint)} target="_blank" rel="noopener">
          Public verification page<span className="visually-hidden"> (opens in a new tab)</span>
        </a>
        <span className="muted"> · anyone with the fingerprint can check which organisations endorsed this text.</span>
      </p>
    </section>
  )
}
