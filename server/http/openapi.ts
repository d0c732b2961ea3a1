import { z } from 'zod'
import { loginBody, setupBody } from '../../shared/api/auth.js'
import { ERROR_CODES } from '../../shared/api/errorCodes.js'
import { createForumBody, updateForumBody } from '../../shared/api/forums.js'
import { acceptInvitationBody, createInvitationBody } from '../../shared/api/invitations.js'
import { createAgendaItemBody, createMeetingBody, updateMeetingBody } from '../../shared/api/meetings.js'
import { createOrganizationBody } from '../../shared/api/organizations.js'
import { updateUserBody } from '../../shared/api/users.js'
import { createSignonLinkBody, endorseBody, externalSignonBody } from '../../shared/api/endorsements.js'
import { unlockBody } from '../../shared/api/lifecycle.js'
import { createStatementBody, updateStatementBody } from '../../shared/api/statements.js'
import { createVersionBody } from '../../shared/api/versions.js'
import { createWorkingGroupBody, updateWorkingGroupBody } from '../../shared/api/workingGroups.js'
import { CLOSE_REASONS } from '../../shared/collab/closeCodes.js'

/**
 * The OpenAPI 3.1 description served at /api/openapi.json. Request bodies come
 * from the same zod schemas the routes validate with, so they cannot drift.
 */
type Operation = {
  summary: string
  auth?: boolean
  body?: z.ZodType
  query?: Record<string, { schema: object; description: string }>
  responses: Record<string, string>
}

const jsonSchema = (schema: z.ZodType) => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>
  return rest
}

const ops: Record<string, Record<string, Operation>> = {
  '/api/health': { get: { summary: 'Liveness: { ok: true }', responses: { 200: 'Server is up' } } },
  '/api/openapi.json': { get: { summary: 'This document', responses: { 200: 'OpenAPI 3.1' } } },
  '/api/auth/login': {
    post: { summary: 'Sign in; sets the httpOnly session cookie', body: loginBody, responses: { 200: '{ user, organization }', 401: 'invalid_credentials', 403: 'account_disabled', 429: 'rate_limited' } },
  },
  '/api/auth/logout': { post: { summary: 'End the session', responses: { 204: 'Signed out' } } },
  '/api/me': { get: { summary: 'The signed-in user and organisation', auth: true, responses: { 200: '{ user, organization }', 401: 'unauthenticated' } } },
  '/api/setup': {
    get: { summary: 'Whether first-run setup is open: { needed }', responses: { 200: '{ needed: boolean }' } },
    post: { summary: 'Create the first administrator with the setup link token', body: setupBody, responses: { 201: '{ user, organization }', 404: 'setup_unavailable' } },
  },
  '/api/organizations': {
    get: { summary: 'All member organisations: { organizations }', auth: true, responses: { 200: '{ organizations: Organization[] }' } },
    post: { summary: 'Add an organisation (coordinators, admins)', auth: true, body: createOrganizationBody, responses: { 201: 'Organization', 403: 'forbidden', 409: 'organization_name_taken' } },
  },
  '/api/users': { get: { summary: 'All people (coordinators, admins): { users }', auth: true, responses: { 200: '{ users: User[] }', 403: 'forbidden' } } },
  '/api/users/{id}': {
    patch: {
      summary: 'Change role, canSign or disabled (admins; coordinators for non-admins, never to admin). Disabling ends the sessions; live sockets re-authorise',
      auth: true,
      body: updateUserBody,
      responses: { 200: 'User', 403: 'forbidden', 404: 'not_found', 409: 'last_admin' },
    },
  },
  '/api/invitations': {
    get: { summary: 'Invitations (coordinators, admins): { invitations }', auth: true, responses: { 200: '{ invitations: Invitation[] }', 403: 'forbidden' } },
    post: { summary: 'Invite a person; only admins invite admins', auth: true, body: createInvitationBody, responses: { 201: '{ token, url, expiresAt }', 403: 'forbidden', 409: 'email_taken' } },
  },
  '/api/invitations/{token}': { get: { summary: 'What an invitation link is for', responses: { 200: '{ email, organizationName, role, expiresAt }', 404: 'invitation_invalid' } } },
  '/api/invitations/{token}/accept': {
    post: { summary: 'Accept: set name and password, signed in', body: acceptInvitationBody, responses: { 201: '{ user, organization }', 404: 'invitation_invalid', 409: 'email_taken' } },
  },
  '/api/forums': {
    get: { summary: 'The forums (UN bodies and processes) with their presets: { forums }', auth: true, responses: { 200: '{ forums: Forum[] }' } },
    post: { summary: 'Add a forum (coordinators, admins); presets default to three minutes and commission word limits', auth: true, body: createForumBody, responses: { 201: 'Forum', 403: 'forbidden' } },
  },
  '/api/forums/{id}': {
    patch: { summary: 'Change a forum or its presets (coordinators, admins); existing statements keep their limits', auth: true, body: updateForumBody, responses: { 200: 'Forum', 403: 'forbidden', 404: 'not_found' } },
  },
  '/api/meetings': {
    get: {
      summary: 'Meetings, soonest first: { meetings }',
      auth: true,
      query: {
        forumId: { schema: { type: 'string' }, description: 'Only this forum\'s meetings' },
        upcoming: { schema: { enum: ['true', 'false'] }, description: 'true: only meetings whose end date is today or later' },
      },
      responses: { 200: '{ meetings: Meeting[] }' },
    },
    post: { summary: 'Add a meeting of a forum (coordinators, admins)', auth: true, body: createMeetingBody, responses: { 201: 'Meeting', 400: 'validation_failed (dates, unknown forumId)', 403: 'forbidden' } },
  },
  '/api/meetings/{id}': {
    get: { summary: 'One meeting', auth: true, responses: { 200: 'Meeting', 404: 'not_found' } },
    patch: { summary: 'Change a meeting (coordinators, admins); statements keep their deadlines', auth: true, body: updateMeetingBody, responses: { 200: 'Meeting', 400: 'validation_failed', 403: 'forbidden', 404: 'not_found' } },
  },
  '/api/meetings/{id}/agenda-items': {
    get: { summary: 'The meeting\'s agenda in the order items were added: { agendaItems }', auth: true, responses: { 200: '{ agendaItems: AgendaItem[] }', 404: 'not_found' } },
    post: { summary: 'Add an agenda item (coordinators, admins)', auth: true, body: createAgendaItemBody, responses: { 201: 'AgendaItem', 403: 'forbidden', 404: 'not_found' } },
  },
  '/api/working-groups': {
    get: { summary: 'Working groups with member organisations and chairs: { workingGroups }', auth: true, responses: { 200: '{ workingGroups: WorkingGroup[] }' } },
    post: { summary: 'Create a working group (coordinators, admins)', auth: true, body: createWorkingGroupBody, responses: { 201: 'WorkingGroup', 400: 'validation_failed (unknown organisation or user)', 403: 'forbidden', 409: 'working_group_name_taken' } },
  },
  '/api/working-groups/{id}': {
    patch: {
      summary: 'Change name, description, members or chairs (coordinators, admins); live sockets of the group\'s statements re-authorise',
      auth: true,
      body: updateWorkingGroupBody,
      responses: { 200: 'WorkingGroup', 400: 'validation_failed', 403: 'forbidden', 404: 'not_found', 409: 'working_group_name_taken' },
    },
  },
  '/api/dashboard': {
    get: {
      summary: 'The home page: upcoming meetings with the caller\'s statements (status, deadline, limit reading, endorsement count), other open statements, and what needs the caller\'s action',
      auth: true,
      responses: { 200: 'DashboardDto (shared/api/dashboard.ts)' },
    },
  },
  '/api/statements': {
    get: {
      summary: 'Statements the user may see, newest change first: { statements }',
      auth: true,
      query: {
        q: { schema: { type: 'string' }, description: 'Search in title and forum' },
        meetingId: { schema: { type: 'string' }, description: 'Only statements for this meeting' },
        workingGroupId: { schema: { type: 'string' }, description: 'Only statements of this working group' },
      },
      responses: { 200: '{ statements: Statement[] }' },
    },
    post: {
      summary: 'Open a statement (coordinators, admins). With meetingId, limits and deadline the body leaves out come from the forum\'s presets',
      auth: true,
      body: createStatementBody,
      responses: { 201: 'Statement', 400: 'validation_failed (unknown meeting, agenda item of another meeting, working group, organisation)', 403: 'forbidden' },
    },
  },
  '/api/statements/{id}': {
    get: { summary: 'One statement, with the caller’s access (read|edit)', auth: true, responses: { 200: 'Statement', 404: 'not_found (also when invisible)' } },
    patch: { summary: 'Change settings (coordinators, admins); live sockets re-authorise', auth: true, body: updateStatementBody, responses: { 200: 'Statement', 403: 'forbidden', 404: 'not_found' } },
  },
  '/api/statements/{id}/content': {
    get: {
      summary: 'The current document rendered by the server with the editor schema',
      auth: true,
      query: { format: { schema: { enum: ['text', 'html', 'json'], default: 'json' }, description: 'text/plain, text/html or ProseMirror JSON' } },
      responses: { 200: 'The document', 404: 'not_found' },
    },
  },
  '/api/statements/{id}/versions': {
    get: { summary: 'Versions, newest first, without contents: { versions }', auth: true, responses: { 200: '{ versions: Version[] }', 404: 'not_found' } },
    post: { summary: 'Save a named version (drafters, while drafting)', auth: true, body: createVersionBody, responses: { 201: 'Version', 403: 'forbidden', 409: 'statement_locked' } },
  },
  '/api/statements/{id}/versions/{versionId}': { get: { summary: 'A version with content { text, html, json }', auth: true, responses: { 200: 'Version with content', 404: 'not_found' } } },
  '/api/statements/{id}/versions/{versionId}/restore': {
    post: { summary: 'Restore a version as a new change (drafters, while drafting)', auth: true, responses: { 200: 'The "Restored from vN" version', 403: 'forbidden', 409: 'statement_locked' } },
  },
  '/api/statements/{id}/diff': {
    get: {
      summary: 'Word-level diff of two versions, or a version and the current text',
      auth: true,
      query: { from: { schema: { type: 'string' }, description: 'A version id' }, to: { schema: { type: 'string', default: 'current' }, description: 'A version id or "current"' } },
      responses: { 200: '{ changes: [{ op, text }], stats: { wordsAdded, wordsRemoved } }', 404: 'not_found' },
    },
  },
  '/api/statements/{id}/lock': { post: { summary: 'Lock the final text (coordinators, admins)', auth: true, responses: { 200: '{ status: "locked", fingerprint, version }', 403: 'forbidden', 409: 'statement_not_drafting' } } },
  '/api/statements/{id}/unlock': { post: { summary: 'Unlock with a reason (coordinators, admins)', auth: true, body: unlockBody, responses: { 200: 'Statement', 403: 'forbidden', 409: 'statement_not_locked' } } },
  '/api/statements/{id}/close': { post: { summary: 'Close sign-on (coordinators, admins)', auth: true, responses: { 200: 'Statement', 403: 'forbidden', 409: 'statement_not_locked' } } },
  '/api/statements/{id}/fingerprint': { get: { summary: 'Fingerprint of the current text', auth: true, responses: { 200: '{ fingerprint, wordCount, status, lockedFingerprint }' } } },
  '/api/statements/{id}/audit': { get: { summary: 'The audit trail, oldest first: { entries }', auth: true, responses: { 200: '{ entries: AuditEntry[] }' } } },
  '/api/statements/{id}/endorsements': {
    get: { summary: 'Endorsements: everything for coordinators, the public list for members: { endorsements, mine, counts }', auth: true, responses: { 200: '{ endorsements, mine, counts }' } },
    post: {
      summary: 'Endorse the locked text for your organisation (canSign)',
      auth: true,
      body: endorseBody,
      responses: { 201: 'Endorsement', 403: 'forbidden', 409: 'statement_not_locked | statement_closed | already_endorsed' },
    },
  },
  '/api/statements/{id}/endorsements/{endorsementId}': {
    delete: { summary: 'Withdraw (the organisation’s signatories, coordinators) until closed', auth: true, responses: { 204: 'Withdrawn', 409: 'statement_closed | endorsement_inactive' } },
  },
  '/api/statements/{id}/endorsements/{endorsementId}/confirm': {
    post: { summary: 'Re-confirm a stale endorsement for the current text', auth: true, responses: { 200: 'Endorsement', 409: 'statement_not_locked | endorsement_inactive' } },
  },
  '/api/statements/{id}/endorsements/{endorsementId}/approve': {
    post: { summary: 'Approve a pending outside endorsement (coordinators, admins)', auth: true, responses: { 200: 'Endorsement', 409: 'endorsement_not_pending' } },
  },
  '/api/statements/{id}/endorsements/{endorsementId}/reject': {
    post: { summary: 'Reject a pending outside endorsement (coordinators, admins)', auth: true, responses: { 200: 'Endorsement', 409: 'endorsement_not_pending' } },
  },
  '/api/statements/{id}/signon-links': {
    get: { summary: 'Sign-on links (coordinators, admins): { links }', auth: true, responses: { 200: '{ links }', 403: 'forbidden' } },
    post: { summary: 'Create a sign-on link for outside organisations', auth: true, body: createSignonLinkBody, responses: { 201: '{ token, url, expiresAt, … }', 403: 'forbidden' } },
  },
  '/api/statements/{id}/signon-links/{token}': { delete: { summary: 'Revoke a sign-on link', auth: true, responses: { 204: 'Revoked', 404: 'not_found' } } },
  '/api/statements/{id}/signoff': {
    get: {
      summary: 'The sign-off list and statement: coordinators get contact details, members the public list',
      auth: true,
      query: {
        format: { schema: { enum: ['csv', 'json', 'docx', 'pdf', 'html'], default: 'json' }, description: 'File format' },
        order: { schema: { enum: ['name', 'country', 'status', 'date'], default: 'name' }, description: 'Order of organisations' },
      },
      responses: { 200: 'The file', 409: 'statement_not_locked' },
    },
  },
  '/api/public/signon/{token}': {
    get: { summary: 'The locked text behind a sign-on link', responses: { 200: '{ statement, expiresAt }', 404: 'signon_link_invalid', 409: 'signon_not_open' } },
    post: { summary: 'An outside organisation signs on; pending until a coordinator decides', body: externalSignonBody, responses: { 202: '{ status: "pending" }', 404: 'signon_link_invalid', 409: 'signon_not_open', 429: 'rate_limited' } },
  },
  '/api/public/verify/{fingerprint}': { get: { summary: 'The locked statement and public list for a fingerprint (also as a page at /verify/{fingerprint})', responses: { 200: 'JSON', 404: 'not_found' } } },
}

export function openApiDocument(serverUrl: string): object {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const [path, methods] of Object.entries(ops)) {
    paths[path] = {}
    for (const [method, op] of Object.entries(methods)) {
      const parameters = [
        ...[...path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } })),
        ...Object.entries(op.query ?? {}).map(([name, q]) => ({ name, in: 'query', required: false, ...q })),
      ]
      ;(paths[path] as Record<string, unknown>)[method] = {
        summary: op.summary,
        ...(op.auth ? { security: [{ session: [] }] } : {}),
        ...(parameters.length ? { parameters } : {}),
        ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body) } } } } : {}),
        responses: Object.fromEntries(
          Object.entries(op.responses).map(([status, description]) => [
            status,
            { description, ...(Number(status) >= 400 ? { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } : {}) },
          ]),
        ),
      }
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Plenary API',
      version: '1',
      description:
        'JSON over HTTP. Errors are { "error": { "code", "message" } }. State-changing requests that carry the session cookie must send Origin equal to PUBLIC_URL. ' +
        `Real-time editing: WebSocket ${serverUrl.replace(/^http/, 'ws')}/collab/<statementId> (y-websocket protocol). Close codes: ` +
        Object.entries(CLOSE_REASONS).map(([code, name]) => `${code} ${name}`).join(', '),
    },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'plenary_session' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { enum: Object.keys(ERROR_CODES) }, message: { type: 'string' }, details: {} },
            },
          },
        },
      },
    },
  }
}
