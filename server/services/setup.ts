import type { SetupBody } from '../../shared/api/auth.js'
import { HttpError } from '../http/httpError.js'
import { newToken, tokensEqual } from '../security/tokens.js'
import type { StoredUser } from '../storage/ports.js'
import { createUser } from './accounts.js'
import type { ServiceContext } from './context.js'
import { seedForums } from './forums.js'
import { insertOrganization } from './organizations.js'

/**
 * First start (and every start, for the forum catalogue). With ADMIN_EMAIL and ADMIN_PASSWORD the administrator is created
 * at once; otherwise a one-time setup link (kept in memory only, printed to the
 * console of whoever started the server) lets the first person create it.
 */
export class FirstRunSetup {
  private token: string | null = null
  private running: Promise<StoredUser> | null = null

  constructor(private readonly ctx: ServiceContext, private readonly defaultOrganization: string) {}

  /**
   * Adds the catalogue forums that are missing (all of them on a first start, later only
   * those a new release added). Returns the setup link's token when one is needed, null when an account exists.
   */
  async prepare(admin: { email: string; password: string; organization: string } | null): Promise<string | null> {
    const seeded = await seedForums(this.ctx)
    if (seeded.length > 0) this.ctx.logger.info(`Added ${seeded.length} forum(s) from the catalogue: ${seeded.join(', ')}`)
    if ((await this.ctx.storage.users.count()) > 0) return null
    if (admin) {
      await this.createAdministrator({ email: admin.email, name: 'Administrator', password: admin.password, organizationName: admin.organization })
      return null
    }
    this.token = newToken()
    return this.token
  }

  isOpen(): boolean {
    return this.token !== null
  }

  async complete(input: SetupBody): Promise<StoredUser> {
    if (this.token === null || !tokensEqual(input.token, this.token)) {
      throw new HttpError('setup_unavailable', 'This setup link is invalid or was used already')
    }
    this.token = null
    try {
      return await this.createAdministrator({ ...input, organizationName: input.organizationName ?? this.defaultOrganization })
    } catch (error) {
      // Reopen the link when creating the account failed, so setup is not stuck.
      if ((await this.ctx.storage.users.count()) === 0) this.token = input.token
      throw error
    }
  }

  private async createAdministrator(input: { email: string; name: string; password: string; organizationName: string }): Promise<StoredUser> {
    // One at a time: two racing setups must not create two administrators.
    const previous = this.running
    const run = (async () => {
      await previous?.catch(() => undefined)
      if ((await this.ctx.storage.users.count()) > 0) throw new HttpError('setup_unavailable', 'Plenary is already set up')
      const organizations = await this.ctx.storage.organizations.list()
      const organization =
        organizations.find((o) => o.name.toLowerCase() === input.organizationName.toLowerCase()) ??
        (await insertOrganization(this.ctx, { name: input.organizationName, country: 'International', ecosocStatus: 'none' }))
      return createUser(this.ctx, {
        email: input.email,
        name: input.name,
        password: input.password,
        organizationId: organization.id,
        role: 'admin',
        canSign: true,
      })
    })()
    this.running = run
    return run
  }
}
