import { NO_AUDIENCE, type StatementAudience } from '../../shared/domain/permissions.js'
import type { Statement } from '../../shared/domain/statement.js'
import type { WorkingGroup } from '../../shared/domain/workingGroup.js'
import type { ServiceContext } from './context.js'

function audienceOf(statement: Statement, groups: ReadonlyMap<string, WorkingGroup>): StatementAudience {
  if (statement.workingGroupId === null) return NO_AUDIENCE
  return { workingGroup: groups.get(statement.workingGroupId) ?? null }
}

/** The audience the permission functions need for one statement, read from storage now. */
export async function resolveAudience(ctx: ServiceContext, statement: Statement): Promise<StatementAudience> {
  if (statement.workingGroupId === null) return NO_AUDIENCE
  return { workingGroup: await ctx.storage.workingGroups.get(statement.workingGroupId) }
}

/** For lists: reads the working groups once and answers for any number of statements. */
export async function audienceResolver(ctx: ServiceContext): Promise<(statement: Statement) => StatementAudience> {
  const groups = new Map((await ctx.storage.workingGroups.list()).map((group) => [group.id, group]))
  return (statement) => audienceOf(statement, groups)
}
