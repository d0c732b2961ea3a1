import { parse } from 'cookie'
import type { Response } from 'express'

export const SESSION_COOKIE = 'plenary_session'

export function readSessionToken(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined
  return parse(cookieHeader)[SESSION_COOKIE]
}

export interface CookiePolicy {
  secure: boolean
  maxAgeMs: number
}

export function setSessionCookie(res: Response, token: string, policy: CookiePolicy): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: policy.secure,
    path: '/',
    maxAge: policy.maxAgeMs,
  })
}

export function clearSessionCookie(res: Response, policy: CookiePolicy): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: policy.secure, path: '/' })
}
