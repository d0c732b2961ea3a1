import { EventEmitter } from 'node:events'
import type { StatementAudience } from '../shared/domain/permissions.js'
import type { Statement } from '../shared/domain/statement.js'

/**
 * Changes that live connections must react to: the collaboration relay
 * re-authorises sockets when a statement's visibility or drafters change (or its
 * working group's members and chairs: `statementChanged` for each of the group's
 * statements, with the audience the permission functions need) and
 * closes them when their session ends. In one process an EventEmitter carries
 * them; with several instances this becomes a Redis channel behind the same shape.
 */
export interface ServerEventMap {
  statementChanged: [statement: Statement, audience: StatementAudience]
  sessionEnded: [sessionId: string]
  userChanged: [userId: string]
}

export class ServerEvents extends EventEmitter<ServerEventMap> {}
