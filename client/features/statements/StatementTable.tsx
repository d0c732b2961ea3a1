import { Link } from 'react-router'
import type { StatementDto } from '../../../shared/api/dto.js'
import { Badge } from '../../ui/Badge.js'
import { kindLabel, statusLabel } from '../../ui/labels.js'
import { DeadlineText } from './DeadlineText.js'

export function StatementTable({ statements }: { statements: StatementDto[] }) {
  return (
    <div className="table-wrap">
      <table className="table statement-table">
        <caption className="visually-hidden">Statements</caption>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Forum</th>
            <th scope="col">Kind</th>
            <th scope="col">Deadline</th>
            <th scope="col">Access</th>
          </tr>
        </thead>
        <tbody>
          {statements.map((statement) => (
            <tr key={statement.id}>
              <th scope="row" className="statement-table__title">
                <Link to={`/statements/${encodeURIComponent(statement.id)}`}>{statement.title}</Link>
                {statement.visibility === 'drafters' ? (
                  <>
                    {' '}
                    <Badge tone="warning">Confidential</Badge>
                  </>
                ) : null}
                {statement.status !== 'drafting' ? (
                  <>
                    {' '}
                    <Badge tone={statement.status === 'locked' ? 'info' : 'success'}>{statusLabel(statement.status)}</Badge>
                  </>
                ) : null}
              </th>
              <td data-label="Forum">{statement.forum || <span className="muted">—</span>}</td>
              <td data-label="Kind">{kindLabel(statement.kind)}</td>
              <td data-label="Deadline">
                <DeadlineText deadline={statement.deadline} />
              </td>
              <td data-label="Access">{statement.access === 'edit' ? 'Can edit' : 'Read only'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
