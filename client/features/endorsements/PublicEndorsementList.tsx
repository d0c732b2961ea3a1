import type { PublicEndorsementDto } from '../../http/endorsements.js'
import { Badge } from '../../ui/Badge.js'
import { ecosocLabel } from '../../ui/labels.js'
import { WebsiteLink } from './WebsiteLink.js'

/** What members see: the organisations that endorsed publicly. Confidential ones are only counted, above. */
export function PublicEndorsementList({ endorsements }: { endorsements: PublicEndorsementDto[] }) {
  if (endorsements.length === 0) return <p className="muted">No organisation is named on the list yet.</p>
  return (
    <div className="table-wrap">
      <table className="table" data-testid="endorsement-list">
        <caption className="visually-hidden">Organisations that endorsed the statement</caption>
        <thead>
          <tr>
            <th scope="col">Organisation</th>
            <th scope="col">Country</th>
            <th scope="col">ECOSOC status</th>
            <th scope="col">Website</th>
          </tr>
        </thead>
        <tbody>
          {endorsements.map((endorsement) => (
            <tr key={endorsement.id} data-testid="endorsement-item">
              <th scope="row">
                {endorsement.organization.name}
                {endorsement.stale ? (
                  <>
                    {' '}
                    <Badge tone="warning" title="Given for an earlier locked text; not counted until re-confirmed">
                      Earlier text
                    </Badge>
                  </>
                ) : null}
              </th>
              <td>{endorsement.organization.country}</td>
              <td>{ecosocLabel(endorsement.organization.ecosocStatus)}</td>
              <td>{endorsement.organization.website ? <WebsiteLink url={endorsement.organization.website} /> : <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
