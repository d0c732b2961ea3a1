import type { AgendaItem } from '../../../shared/domain/meeting.js'
import type { AgendaItemRepository } from '../ports.js'
import type { Collection } from './collection.js'
import { Table } from './table.js'

export function createAgendaItemRepository(collection: Collection<AgendaItem>): AgendaItemRepository {
  const table = new Table(collection)
  return {
    list: (meetingId) => table.filter((item) => item.meetingId === meetingId),
    get: (meetingId, id) => table.find((item) => item.id === id && item.meetingId === meetingId),
    create: (item) => table.create(item),
  }
}
