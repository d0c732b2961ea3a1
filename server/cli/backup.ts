import { ConfigError, loadConfig } from '../config.js'
import { takeBackup } from '../storage/backup/takeBackup.js'

/**
 * `npm run backup`: one backup of DATA_DIR now, into DATA_DIR/backups/, keeping
 * the newest BACKUP_KEEP. Safe while the server runs (see README, "Backups and
 * restore"). The path goes to stdout alone, so `dir=$(npm run -s backup)` works;
 * everything else to stderr.
 */
async function main(): Promise<void> {
  const config = loadConfig()
  const backup = await takeBackup(config.dataDir, { keep: config.backupKeep })
  console.error(`Backup of ${config.dataDir} written and verified: ${backup.files} files, ${backup.bytes} bytes.`)
  for (const removed of backup.removed) console.error(`Removed the older backup ${removed} (BACKUP_KEEP=${config.backupKeep}).`)
  console.log(backup.path)
}

main().catch((error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code
  const known = error instanceof ConfigError || code === 'STORAGE_CORRUPT' || code === 'STORAGE_UNAVAILABLE' || code === 'NOTHING_TO_BACK_UP'
  console.error(known ? `Backup failed: ${(error as Error).message}` : error)
  process.exit(1)
})
