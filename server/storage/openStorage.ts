import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { hasMetadata, takeBackup, type BackupResult } from './backup/takeBackup.js'
import { acquireDataDirLock } from './dataDirLock.js'
import { createDocumentLog } from './files/documentLog.js'
import { createVersionContentFiles } from './files/versionContentFiles.js'
import { openLowdbRepositories } from './lowdb/openLowdbRepositories.js'
import type { Storage } from './ports.js'
import { checkDataDirectory, withRestoreAdvice } from './startChecks.js'

export { createMemoryStorage } from './memory/createMemoryStorage.js'

export interface FileStorageOptions {
  /** Told about damage that was repaired rather than refused, such as a torn last log record. Defaults to console.warn. */
  onWarning?: (message: string) => void
  /**
   * Take a backup once every file has been checked and before anything is written
   * (none on a first start, when there is nothing yet). A failed backup does not
   * stop the open: the data was checked, and a full disk should not keep the
   * server from serving reads.
   */
  backupAtStart?: { keep: number; onTaken: (backup: BackupResult) => void; onFailed: (error: unknown) => void }
}

/**
 * The embedded default: metadata in lowdb JSON files under `<dataDir>/meta/`,
 * Yjs documents under `<dataDir>/documents/`, version contents under
 * `<dataDir>/versions/`, guarded by `<dataDir>/plenary.lock`.
 * Rejects with a DATA_DIR_LOCKED error when another server holds the directory and
 * with a STORAGE_CORRUPT error when a metadata file or a document is damaged; its
 * message names the file and the newest good backup that holds it.
 */
export async function openFileStorage(dataDir: string, options: FileStorageOptions = {}): Promise<Storage> {
  const lock = await acquireDataDirLock(dataDir)
  try {
    await checkDataDirectory(dataDir)
    if (options.backupAtStart && (await hasMetadata(dataDir))) {
      const { keep, onTaken, onFailed } = options.backupAtStart
      await takeBackup(dataDir, { keep }).then(onTaken, onFailed)
    }
    const metaDir = join(dataDir, 'meta')
    const documentsDir = join(dataDir, 'documents')
    const versionsDir = join(dataDir, 'versions')
    await mkdir(metaDir, { recursive: true })
    await mkdir(documentsDir, { recursive: true })
    await mkdir(versionsDir, { recursive: true })
    // The repositories take over the version contents: their close() waits for content writes in flight.
    const repositories = await openLowdbRepositories(metaDir, createVersionContentFiles(versionsDir))
    const documents = createDocumentLog(documentsDir, options.onWarning ? { onWarning: options.onWarning } : {})
    let closing: Promise<void> | null = null
    const close = async (): Promise<void> => {
      try {
        await Promise.all([repositories.close(), documents.close()])
      } finally {
        await lock.release()
      }
    }
    return {
      organizations: repositories.organizations,
      users: repositories.users,
      sessions: repositories.sessions,
      invitations: repositories.invitations,
      statements: repositories.statements,
      versions: repositories.versions,
      audit: repositories.audit,
      endorsements: repositories.endorsements,
      signonLinks: repositories.signonLinks,
      forums: repositories.forums,
      meetings: repositories.meetings,
      agendaItems: repositories.agendaItems,
      workingGroups: repositories.workingGroups,
      documents,
      close: () => (closing ??= close()),
    }
  } catch (error) {
    await lock.release()
    throw await withRestoreAdvice(dataDir, error)
  }
}
