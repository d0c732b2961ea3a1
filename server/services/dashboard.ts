import type { DashboardDto, DashboardMeetingDto, DashboardStatementDto, NeedsActionDto } from '../../shared/api/dashboard.js'
import { isActive, isStale, type Endorsement } from '../../shared/domain/endorsement.js'
import { calendarDay, compareMeetings, isUpcoming } from '../../shared/domain/meeting.js'
import { canEditStatement, canReadStatement, type Actor, type StatementAudience } from '../../shared/domain/permissions.js'
import type { Statement } from '../../shared/domain/statement.js'
import { readLimits } from '../../shared/text/limitReading.js'
import type { ServiceContext } from './context.js'
import { presentStatement } from './presenters.js'
import { audienceResolver } from './statementAudience.js'
import { currentWordCount } from './statementWordCounts.js'

const DEADLINE_SOON_MS = 7 * 24 * 60 * 60 * 1000

interface Visible {
  statement: Statement
  audience: StatementAudience
  endorsements: Endorsement[]
  item: DashboardStatementDto
}

/** Deadline first (none last), then title: what is due soonest leads. */
function byDeadline(a: Visible, b: Visible): number {
  const ad = a.statement.deadline
  const bd = b.statement.deadline
  if (ad !== bd) {
    if (ad === null) return 1
    if (bd === null) return -1
    return Date.parse(ad) - Date.parse(bd)
  }
  return a.statement.title.localeCompare(b.statement.title)
}

/** Approved and given for the text locked now: what the sign-off list counts. */
function countingEndorsements(endorsements: Endorsement[], statement: Statement): number {
  const fingerprint = statement.lock?.fingerprint ?? null
  return endorsements.filter((e) => e.status === 'approved' && !isStale(e, fingerprint)).length
}

/** Pending or approved for the locked text; a withdrawn, rejected or stale one asks for action again. */
function organizationHasEndorsed(endorsements: Endorsement[], statement: Statement, organizationId: string): boolean {
  const fingerprint = statement.lock?.fingerprint ?? null
  return endorsements.some((e) => e.organization.id === organizationId && isActive(e) && !isStale(e, fingerprint))
}

/** The statements the dashboard shows: readable, and open or attached to an upcoming meeting. */
async function visibleStatements(ctx: ServiceContext, actor: Actor, upcomingIds: ReadonlySet<string>): Promise<Visible[]> {
  const audienceOf = await audienceResolver(ctx)
  const shown = (statement: Statement) => statement.status !== 'closed' || (statement.meetingId !== null && upcomingIds.has(statement.meetingId))
  const readable = (await ctx.storage.statements.list()).filter((s) => shown(s) && canReadStatement(actor, s, audienceOf(s)))
  return Promise.all(
    readable.map(async (statement) => {
      const audience = audienceOf(statement)
      const [words, endorsements] = await Promise.all([currentWordCount(ctx, statement), ctx.storage.endorsements.list(statement.id)])
      const item: DashboardStatementDto = {
        statement: presentStatement(statement, actor, audience),
        limit: readLimits(words, statement),
        endorsementCount: countingEndorsements(endorsements, statement),
      }
      return { statement, audience, endorsements, item }
    }),
  )
}

/**
 * The home page: upcoming meetings with the caller's statements, the rest of their open
 * statements, and what needs them. "Today" and "within a week" come from `ctx.now`.
 */
export async function getDashboard(ctx: ServiceContext, actor: Actor): Promise<DashboardDto> {
  const now = ctx.now()
  const today = calendarDay(now)
  const [meetings, forums] = await Promise.all([ctx.storage.meetings.list(), ctx.storage.forums.list()])
  const forumById = new Map(forums.map((forum) => [forum.id, forum]))
  const upcoming = meetings.filter((meeting) => isUpcoming(meeting, today)).sort(compareMeetings)
  const upcomingIds = new Set(upcoming.map((meeting) => meeting.id))
  const visible = await visibleStatements(ctx, actor, upcomingIds)

  const upcomingMeetings: DashboardMeetingDto[] = await Promise.all(
    upcoming.map(async (meeting) => {
      const forum = forumById.get(meeting.forumId)
      return {
        meeting,
        forum: { id: meeting.forumId, name: forum?.name ?? '', shortName: forum?.shortName ?? '' },
        agendaItems: await ctx.storage.agendaItems.list(meeting.id),
        statements: visible.filter((v) => v.statement.meetingId === meeting.id).sort(byDeadline).map((v) => v.item),
      }
    }),
  )

  const otherStatements = visible
    .filter((v) => v.statement.status !== 'closed' && (v.statement.meetingId === null || !upcomingIds.has(v.statement.meetingId)))
    .sort(byDeadline)
    .map((v) => v.item)

  const soon = (deadline: string | null): boolean => {
    if (deadline === null) return false
    const due = Date.parse(deadline) - now.getTime()
    return due >= 0 && due <= DEADLINE_SOON_MS
  }
  const needsMyAction: NeedsActionDto[] = [
    ...visible
      .filter((v) => canEditStatement(actor, v.statement, v.audience) && soon(v.statement.deadline))
      .sort(byDeadline)
      .map((v) => ({ reason: 'deadline_soon' as const, item: v.item })),
    ...visible
      .filter((v) => v.statement.status === 'locked' && !organizationHasEndorsed(v.endorsements, v.statement, actor.organizationId))
      .sort(byDeadline)
      .map((v) => ({ reason: 'not_endorsed' as const, item: v.item })),
  ]
  return { upcomingMeetings, otherStatements, needsMyAction }
}
