import { useEffect, useRef, useState } from 'react'
import type { StatementDto } from '../../../shared/api/dto.js'
import { ActivityList } from '../audit/ActivityList.js'
import { VersionsSection } from '../versions/VersionsSection.js'
import '../../styles/history.css'

const SECTIONS = [
  { id: 'versions', label: 'Versions' },
  { id: 'activity', label: 'Activity' },
] as const
type SectionId = (typeof SECTIONS)[number]['id']

interface HistoryPanelProps {
  statement: StatementDto
  onClose: () => void
  onStatementStale: () => void
}

/**
 * The side panel beside the text: its versions (save, view, compare, restore)
 * and its activity (the audit trail). Everything reloads when the panel opens
 * and whenever the page learns that the statement changed.
 */
export function HistoryPanel({ statement, onClose, onStatementStale }: HistoryPanelProps) {
  const [section, setSection] = useState<SectionId>('versions')
  const headingRef = useRef<HTMLHeadingElement>(null)
  const refreshKey = `${statement.status}:${statement.updatedAt}`

  useEffect(() => headingRef.current?.focus(), [])

  return (
    <aside className="history-panel" id="history-panel" aria-labelledby="history-heading">
      <div className="history-panel__header">
        <h2 id="history-heading" ref={headingRef} tabIndex={-1}>
          History
        </h2>
        <button type="button" className="button button--quiet" onClick={onClose}>
          Close<span className="visually-hidden"> history</span>
        </button>
      </div>
      {/* Buttons that switch sections, as in Administration; the section shown is pressed. */}
      <div className="tabs tabs--compact" role="group" aria-label="History sections">
        {SECTIONS.map((candidate) => (
          <button
            key={candidate.id}
            type="button"
            className="tabs__tab"
            aria-pressed={candidate.id === section}
            aria-controls="history-section"
            onClick={() => setSection(candidate.id)}
          >
            {candidate.label}
          </button>
        ))}
      </div>
      <section id="history-section" aria-label={SECTIONS.find((candidate) => candidate.id === section)?.label}>
        {section === 'versions' ? (
          <VersionsSection statement={statement} refreshKey={refreshKey} onStatementStale={onStatementStale} />
        ) : (
          <ActivityList statementId={statement.id} refreshKey={refreshKey} />
        )}
      </section>
    </aside>
  )
}
