import path from 'node:path'
import { ConfigError, loadConfig } from '../config.js'
import { listBackups } from '../storage/backup/backupCatalog.js'
import { restoreBackup } from '../storage/backup/restoreBackup.js'

/**
 * `npm run restore -- <backup-dir>`: replaces DATA_DIR's metadata, documents and
 * version contents by the backup's, after verifying it. Refuses while a server
 * holds DATA_DIR. The replaced files are moved to DATA_DIR/before-restore-<time>/.
 */
async function main(): Promise<number> {
  const config = loadConfig()
  const argument = process.argv[2]
  if (argument === undefined || argument === '' || argument.startsWith('-')) {
    console.error('Usage: npm run restore -- <backup-dir>')
    const backups = await listBackups(config.dataDir)
    if (backups.length === 0) console.error(`There are no backups in ${path.join(config.dataDir, 'backups')}.`)
    for (const backup of backups) console.error(`  ${backup.path}${backup.complete ? '' : '  (incomplete: cannot be restored)'}`)
    return 2
  }
  // npm runs scripts from the package folder; a relative path means one from where the command was typed.
  const backupDir = path.resolve(process.env.INIT_CWD ?? process.cwd(), argument)
  const result = await restoreBackup(config.dataDir, backupDir)
  console.log(`Restored ${result.files} files from ${backupDir} into ${config.dataDir}.`)
  console.log(`The data it replaced is in ${result.setAside}; delete that folder once you no longer need it.`)
  return 0
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const code = (error as { code?: unknown } | null)?.code
    const known = error instanceof ConfigError || code === 'DATA_DIR_LOCKED' || code === 'BACKUP_INVALID'
    console.error(known ? `Restore failed, nothing was changed: ${(error as Error).message}` : error)
    process.exit(1)
  },
)
