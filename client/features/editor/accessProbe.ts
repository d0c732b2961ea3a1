import { isApiError } from '../../http/ApiError.js'
import { statementsApi } from '../../http/statements.js'
import type { AccessProbeResult } from './useConnectionStatus.js'

/** Asks the REST API whether this person may still open the statement. */
export async function probeStatementAccess(statementId: string): Promise<AccessProbeResult> {
  try {
    await statementsApi.get(statementId)
    return 'ok'
  } catch (error) {
    if (isApiError(error) && error.status === 401) return 'unauthenticated'
    if (isApiError(error, 'not_found')) return 'not_found'
    return 'unknown'
  }
}
