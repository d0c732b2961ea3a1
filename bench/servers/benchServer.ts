/** The three servers the bench compares. */
export const SERVER_NAMES = ['plenary', 'y-websocket-server', 'hocuspocus'] as const
export type ServerName = (typeof SERVER_NAMES)[number]

/** y-websocket's framing (Plenary and the reference backend) or Hocuspocus' (document name before each message). */
export type Dialect = 'y-websocket' | 'hocuspocus'

/** Where and how one client connects to one document. */
export interface Endpoint {
  dialect: Dialect
  /** Without the room: ws://host:port/collab for Plenary, ws://host:port for the peers. */
  serverUrl: string
  room: string
  /** Cookie and Origin for Plenary, as a browser sends them; none for the peers. */
  headers: Record<string, string>
}

export interface BenchServer {
  readonly name: ServerName
  /** Whether it keeps documents on disk (and so unloads and restarts with them). */
  readonly persists: boolean
  /** The server process, for /proc measurements. Changes on restart. */
  pid(): number
  /** Creates documents that clients may then edit: statements through Plenary's API, fresh names for the peers. */
  createDocuments(count: number): Promise<string[]>
  /** Connection details for the `clientIndex`-th client of a document. */
  endpoint(room: string, clientIndex: number): Endpoint
  /** How many of these documents the server holds in memory now. */
  openDocuments(rooms: string[]): Promise<number>
  /** A full garbage collection in the server process (started with --expose-gc), before a memory reading. */
  collectGarbage(): Promise<void>
  /** The server's V8 heap in use, in bytes (steadier than RSS, which keeps pages a collection freed). */
  heapUsed(): Promise<number>
  /** Bytes written into the data directory since start, where the server persists (Plenary); null otherwise. */
  bytesWritten(): Promise<number | null>
  /** Restarts the process on the same data; false where the server keeps nothing across a restart. */
  restart(): Promise<boolean>
  stop(): Promise<void>
}
