import type { OrganizationDto } from '../../../shared/api/dto.js'
import type { Forum } from '../../../shared/domain/forum.js'
import type { AgendaItem, Meeting } from '../../../shared/domain/meeting.js'
import { limitsFromPreset, type PresetLimits } from '../../../shared/domain/presets.js'
import { isoToLocalInput } from './deadlineInput.js'
import type { StatementFormValues } from './statementFormValues.js'

/** What the form knows about the UN context, loaded from the API; null while loading. */
export interface StatementContextOptions {
  forums: Forum[] | null
  meetings: Meeting[] | null
  /** Of the chosen meeting only. */
  agendaItems: AgendaItem[] | null
  organizations: OrganizationDto[] | null
}

export interface PresetPreview {
  forum: Forum
  limits: PresetLimits
}

/**
 * The chosen meeting's forum presets applied to the form's statement, exactly as the server
 * applies them (`limitsFromPreset`); null without a meeting, or while what it needs is loading.
 * An unknown submitting organisation counts as having no ECOSOC status, the strictest limit.
 */
export function presetPreview(values: StatementFormValues, options: StatementContextOptions): PresetPreview | null {
  const meeting = options.meetings?.find((candidate) => candidate.id === values.meetingId)
  const forum = meeting ? options.forums?.find((candidate) => candidate.id === meeting.forumId) : undefined
  if (!meeting || !forum) return null
  const organization = options.organizations?.find((candidate) => candidate.id === values.submittingOrganizationId)
  const agendaItem = options.agendaItems?.find((candidate) => candidate.id === values.agendaItemId && candidate.meetingId === meeting.id)
  const limits = limitsFromPreset(forum.presets, {
    kind: values.kind,
    ecosocStatus: organization?.ecosocStatus ?? 'none',
    generalDebate: agendaItem?.generalDebate ?? false,
    meetingStartDate: meeting.startDate,
  })
  return { forum, limits }
}

/** The fields whose change brings the presets in again; the coordinator's later edits of a figure stay. */
export const PRESET_INPUTS = ['meetingId', 'kind', 'agendaItemId', 'submittingOrganizationId'] as const

/** The form with the preset's limits and deadline written into their fields, as the inputs hold them. */
export function applyPreset(values: StatementFormValues, preview: PresetPreview): StatementFormValues {
  const { limits } = preview
  return {
    ...values,
    wordLimit: limits.wordLimit === null ? '' : String(limits.wordLimit),
    speakingLimitSeconds: limits.speakingLimitSeconds === null ? '' : String(limits.speakingLimitSeconds),
    wordsPerMinute: String(limits.wordsPerMinute),
    deadline: isoToLocalInput(limits.deadline),
  }
}

/** A change of meeting drops an agenda item of the previous meeting. */
export function withMeeting(values: StatementFormValues, meetingId: string): StatementFormValues {
  return meetingId === values.meetingId ? values : { ...values, meetingId, agendaItemId: '' }
}
