import type { DocumentRegistry } from '../collab/documentRegistry.js'
import type { Logger } from '../logger.js'
import type { ServerEvents } from '../events.js'
import type { Storage } from '../storage/ports.js'

/** What every service operation may use. Passed explicitly so tests can control the clock. */
export interface ServiceContext {
  storage: Storage
  /** The authoritative documents of open statements (the collaboration relay's rooms). */
  documents: DocumentRegistry
  events: ServerEvents
  logger: Logger
  now: () => Date
  /** The origin browsers use, for links the server hands out. */
  publicUrl: () => string
  sessionTtlMs: number
}
