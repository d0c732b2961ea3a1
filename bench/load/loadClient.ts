/** One simulated person: types markers into its paragraph and reports the markers it receives. */
export interface LoadClient {
  /** Its index in the DeliveryLedger. */
  readonly index: number
  /** Resolves once the client is synced and may type. */
  connect(): Promise<void>
  /** Types the next marker. */
  type(): void
  /** Bytes of Yjs updates this client has sent. */
  readonly updateBytesSent: number
  close(): void
}
