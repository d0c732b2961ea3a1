import type { Forum } from '../../../../shared/domain/forum.js'
import { ECOSOC_STATUSES } from '../../../../shared/domain/organization.js'
import { formatDuration } from '../../../../shared/text/speakingTime.js'
import { ecosocLabel, formatNumber } from '../../../ui/labels.js'

const figure = (value: number | null, format: (value: number) => string) => (value === null ? 'none' : format(value))

/** One forum and its presets, in words. */
export function ForumRow({ forum, onEdit }: { forum: Forum; onEdit: () => void }) {
  const { oral, written, deadlineDaysBeforeMeeting } = forum.presets
  return (
    <tr data-testid="forum-row">
      <th scope="row">
        {forum.shortName}
        <div className="muted">{forum.name}</div>
      </th>
      <td data-label="Oral">
        {figure(oral.speakingLimitSeconds, formatDuration)}
        {oral.generalDebateSpeakingLimitSeconds !== null ? `, general debate ${formatDuration(oral.generalDebateSpeakingLimitSeconds)}` : ''}
        <div className="muted">{oral.wordsPerMinute} words per minute</div>
      </td>
      <td data-label="Written (words)">
        <ul className="plain-list">
          {ECOSOC_STATUSES.map((status) => (
            <li key={status}>
              {ecosocLabel(status)}: {figure(written.wordLimits[status], formatNumber)}
            </li>
          ))}
        </ul>
        {written.coverPageWords > 0 ? <div className="muted">Cover page: {formatNumber(written.coverPageWords)} words</div> : null}
      </td>
      <td data-label="Deadline">{deadlineDaysBeforeMeeting === null ? 'None' : `${deadlineDaysBeforeMeeting} days before`}</td>
      <td>
        <button type="button" className="button button--secondary" onClick={onEdit}>
          Edit<span className="visually-hidden"> {forum.shortName}</span>
        </button>
      </td>
    </tr>
  )
}
