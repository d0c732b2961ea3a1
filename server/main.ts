import { ConfigError, loadConfig } from './config.js'
import { consoleLogger } from './logger.js'
import { startServer } from './server.js'
import { takeBackup } from './storage/backup/takeBackup.js'
import { openFileStorage } from './storage/openStorage.js'

/**
 * `npm start` runs this. It owns the process: signals, exit codes and the
 * messages a person starting Plenary needs to read.
 */
async function main(): Promise<void> {
  const config = loadConfig()
  const backupsOn = config.backupIntervalMs > 0
  const storage = await openFileStorage(config.dataDir, {
    onWarning: (message) => consoleLogger.warn(message),
    ...(backupsOn && {
      backupAtStart: {
        keep: config.backupKeep,
        onTaken: (backup) => consoleLogger.info(`Backup written to ${backup.path}`),
        onFailed: (error) => consoleLogger.error('The backup at start failed; starting anyway, the previous backups are kept', error),
      },
    }),
  })
  let server
  try {
    server = await startServer({
      config,
      storage,
      logger: consoleLogger,
      ...(backupsOn && { backups: { intervalMs: config.backupIntervalMs, take: () => takeBackup(config.dataDir, { keep: config.backupKeep }) } }),
    })
  } catch (error) {
    await storage.close()
    throw error
  }
  consoleLogger.info(`Plenary is listening on ${server.url} (public URL ${server.publicUrl}), data in ${config.dataDir}`)
  if (server.setupUrl) {
    consoleLogger.info(`No account exists yet. Open this one-time link to create the administrator:\n\n  ${server.setupUrl}\n`)
  }

  const stop = async (signal: string) => {
    consoleLogger.info(`${signal}: saving open statements and shutting down`)
    try {
      await server.close()
      process.exit(0)
    } catch (error) {
      consoleLogger.error('Shutdown could not save everything', error)
      process.exit(1)
    }
  }
  process.once('SIGTERM', () => void stop('SIGTERM'))
  process.once('SIGINT', () => void stop('SIGINT'))
}

main().catch((error: unknown) => {
  const code = (error as { code?: string })?.code
  const known = error instanceof ConfigError || code === 'DATA_DIR_LOCKED' || code === 'STORAGE_CORRUPT' || code === 'RESTORE_INTERRUPTED'
  console.error(known ? `Plenary cannot start: ${(error as Error).message}` : error)
  process.exit(1)
})
