/**
 * The administrator the end-to-end server creates at start (ADMIN_EMAIL and
 * ADMIN_PASSWORD in playwright.config.ts). Test-only values for a throwaway data directory.
 */
export const E2E_ADMIN = { email: 'admin@e2e.plenary.test', password: 'e2e-admin-password' } as const

/** Every invited person in these tests chooses this password. */
export const MEMBER_PASSWORD = 'e2e-member-password'
