import type { Meeting } from '../../../shared/domain/meeting.js'
import type { MeetingRepository } from '../ports.js'
import type { Collection } from './collection.js'
import { Table } from './table.js'

export function createMeetingRepository(collection: Collection<Meeting>): MeetingRepository {
  const table = new Table(collection)
  return {
    list: () => table.list(),
    get: (id) => table.get(id),
    create: (meeting) => table.create(meeting),
    update: (id, patch) => table.update(id, patch),
  }
}
