import { relative, sep } from 'node:path'
import { backupsDir, newestGoodBackupHolding } from './backup/backupCatalog.js'
import { assertNoInterruptedRestore } from './backup/restoreBackup.js'
import { readDataFiles } from './dataFiles.js'
import { StorageCorruptError } from './storageErrors.js'

/**
 * What the start checks before anything is written: no restore was cut short,
 * every metadata file is a well-formed collection, and every document's state and
 * log can be read. Documents are otherwise read only when someone opens them; a
 * damaged one found then would leave that statement unavailable while the server
 * ran on, and the damage unnoticed until somebody needs the text. Version
 * contents are not read: a damaged one fails only that version (see README).
 *
 * Throws StorageCorruptError naming the file and the newest good backup holding it.
 */
export async function checkDataDirectory(dataDir: string): Promise<void> {
  await assertNoInterruptedRestore(dataDir)
  await readDataFiles(dataDir, { versions: false }, async () => undefined)
}

/**
 * A StorageCorruptError's message plus what to do about it: the newest backup
 * that passes verification and holds the file, and the command that restores it.
 * Any other error is returned as it is.
 */
export async function withRestoreAdvice(dataDir: string, error: unknown): Promise<unknown> {
  if (!(error instanceof StorageCorruptError) || error.message.includes('npm run restore')) return error
  const relativePath = relative(dataDir, error.path).split(sep).join('/')
  let advice: string
  try {
    const backup = await newestGoodBackupHolding(dataDir, relativePath)
    advice = backup
      ? ` The newest good backup holding ${relativePath} is ${backup.path} (taken ${backup.createdAt}). ` +
        `To restore it, with Plenary stopped, run: npm run restore -- ${backup.path} ` +
        '(the current files are moved to before-restore-<time>/ in the data directory, not deleted).'
      : ` No good backup in ${backupsDir(dataDir)} holds ${relativePath}: repair the file by hand, or restore a copy from elsewhere.`
  } catch (lookupError) {
    advice = ` Looking for a backup in ${backupsDir(dataDir)} failed too: ${(lookupError as Error).message}`
  }
  return new StorageCorruptError(error.path, `${error.message}${advice}`, { cause: error })
}
