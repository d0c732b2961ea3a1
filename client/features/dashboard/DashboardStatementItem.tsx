import { Link } from 'react-router'
import type { DashboardStatementDto } from '../../../shared/api/dashboard.js'
import type { AgendaItem } from '../../../shared/domain/meeting.js'
import { Badge, type BadgeTone } from '../../ui/Badge.js'
import { formatNumber, kindLabel, statusLabel } from '../../ui/labels.js'
import { LimitMeter } from '../limits/LimitMeter.js'
import { DeadlineCountdownText } from './DeadlineCountdownText.js'

const STATUS_TONES: Record<DashboardStatementDto['statement']['status'], BadgeTone> = { drafting: 'neutral', locked: 'info', closed: 'success' }

interface DashboardStatementItemProps {
  item: DashboardStatementDto
  now: Date
  /** The meeting's agenda, to name the statement's item; absent outside a meeting. */
  agendaItems?: AgendaItem[]
  /** Why it needs the person's action, when it does. */
  reason?: string
}

/** One statement on the dashboard: title, status, deadline countdown, compact limit meter, endorsements. */
export function DashboardStatementItem({ item, now, agendaItems, reason }: DashboardStatementItemProps) {
  const { statement, limit, endorsementCount } = item
  const agendaItem = agendaItems?.find((candidate) => candidate.id === statement.agendaItemId)
  return (
    <li className="dashboard-statement" data-testid="dashboard-statement" data-statement-id={statement.id}>
      <div className="dashboard-statement__main">
        <p className="dashboard-statement__title">
          {agendaItem ? <span className="dashboard-statement__item">Item {agendaItem.number} · </span> : null}
          <Link to={`/statements/${encodeURIComponent(statement.id)}`}>{statement.title}</Link>
        </p>
        {reason ? <p className="dashboard-statement__reason">{reason}</p> : null}
        <p className="dashboard-statement__facts">
          <Badge tone={STATUS_TONES[statement.status]}>{statusLabel(statement.status)}</Badge> <span>{kindLabel(statement.kind)}</span>
          {' · '}
          <DeadlineCountdownText deadline={statement.deadline} now={now} />
          {' · '}
          <span data-testid="endorsement-count">
            {formatNumber(endorsementCount)} {endorsementCount === 1 ? 'endorsement' : 'endorsements'}
          </span>
        </p>
      </div>
      <LimitMeter reading={limit} variant="compact" />
    </li>
  )
}
