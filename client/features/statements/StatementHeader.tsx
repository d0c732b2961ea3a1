import type { ReactNode } from 'react'
import type { StatementDto } from '../../../shared/api/dto.js'
import { formatDuration } from '../../../shared/text/speakingTime.js'
import { Badge, type BadgeTone } from '../../ui/Badge.js'
import { formatNumber, kindLabel, statusLabel, visibilityLabel } from '../../ui/labels.js'
import { DeadlineText } from './DeadlineText.js'
import { StatementPlace } from './StatementPlace.js'

/** `actions`: the buttons for this person (lifecycle, history, settings), beside the title. */
export function StatementHeader({ statement, actions }: { statement: StatementDto; actions: ReactNode }) {
  return (
    <header className="statement-header">
      <div className="statement-header__top">
        <h1 className="statement-header__title">{statement.title}</h1>
        <div className="statement-header__actions">{actions}</div>
      </div>
      <dl className="meta-list">
        <StatementPlace statement={statement} />
        {statement.forum || statement.meetingId === null ? (
          <div>
            <dt>Forum</dt>
            <dd>{statement.forum || '—'}</dd>
          </div>
        ) : null}
        <div>
          <dt>Kind</dt>
          <dd>{kindLabel(statement.kind)} statement</dd>
        </div>
        <div>
          <dt>Deadline</dt>
          <dd>
            <DeadlineText deadline={statement.deadline} />
          </dd>
        </div>
        <div>
          <dt>Limits</dt>
          <dd>{limitsText(statement)}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <Badge tone={STATUS_TONES[statement.status]} data-testid="statement-status">
              {statusLabel(statement.status)}
            </Badge>
          </dd>
        </div>
        <div>
          <dt>Visibility</dt>
          <dd>
            <Badge tone={statement.visibility === 'drafters' ? 'warning' : 'neutral'}>{visibilityLabel(statement.visibility)}</Badge>
          </dd>
        </div>
      </dl>
    </header>
  )
}

const STATUS_TONES: Record<StatementDto['status'], BadgeTone> = { drafting: 'neutral', locked: 'info', closed: 'success' }

function limitsText(statement: StatementDto): string {
  const parts = [
    statement.wordLimit === null ? null : `${formatNumber(statement.wordLimit)} words`,
    statement.speakingLimitSeconds === null ? null : `${formatDuration(statement.speakingLimitSeconds)} speaking time`,
  ].filter(Boolean)
  return parts.length > 0 ? `${parts.join(', ')} at ${statement.wordsPerMinute} words per minute` : 'None'
}
