import { z } from 'zod'
import { loginBody, setupBody } from '../../shared/api/auth.js'
import { ERROR_CODES } from '../../shared/api/errorCodes.js'
import { acceptInvitationBody, createInvitationBody } from '../../shared/api/invitations.js'
import { createOrganizationBody } from '../../shared/api/organizations.js'
import { createStatementBody, updateStatementBody } from '../../shared/api/statements.js'
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
  '/api/auth/login': {
    post: { summary: 'Sign in; sets the httpOnly session cookie', body: loginBody, responses: { 200: '{ user, organization }', 401: 'invalid_credentials', 429: 'rate_limited' } },
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
  '/api/invitations': {
    get: { summary: 'Invitations (coordinators, admins): { invitations }', auth: true, responses: { 200: '{ invitations: Invitation[] }', 403: 'forbidden' } },
    post: { summary: 'Invite a person; only admins invite admins', auth: true, body: createInvitationBody, responses: { 201: '{ token, url, expiresAt }', 403: 'forbidden', 409: 'email_taken' } },
  },
  '/api/invitations/{token}': { get: { summary: 'What an invitation link is for', responses: { 200: '{ email, organizationName, role, expiresAt }', 404: 'invitation_invalid' } } },
  '/api/invitations/{token}/accept': {
    post: { summary: 'Accept: set name and password, signed in', body: acceptInvitationBody, responses: { 201: '{ user, organization }', 404: 'invitation_invalid', 409: 'email_taken' } },
  },
  '/api/statements': {
    get: {
      summary: 'Statements the user may see, newest change first: { statements }',
      auth: true,
      query: { q: { schema: { type: 'string' }, description: 'Search in title and forum' } },
      responses: { 200: '{ statements: Statement[] }' },
    },
    post: { summary: 'Open a statement (coordinators, admins)', auth: true, body: createStatementBody, responses: { 201: 'Statement', 403: 'forbidden' } },
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
