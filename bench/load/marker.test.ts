import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { formatMarker, markersInText, scanMarkers } from './marker.js'

describe('markers', () => {
  it('are found in the raw bytes of a Yjs update with client, sequence and send time, and nothing else is', () => {
    const doc = new Y.Doc()
    const text = doc.getText('t')
    const sent = [
      [0, 0, 1795959460292.25],
      [97, 12_345, 1795959460300.5],
      [3, 7, 1795959460301.75],
    ] as const
    text.insert(0, 'before ⟦not:a marker⟧ ⟦1:2⟧ ')
    for (const [client, seq, at] of sent) text.insert(text.length, formatMarker(client, seq, at))
    const found: [number, number, number][] = []
    const count = scanMarkers(Y.encodeStateAsUpdate(doc), (client, seq, at) => found.push([client, seq, at]))
    expect(count).toBe(3)
    expect(found.map(([client, seq]) => [client, seq])).toEqual(sent.map(([client, seq]) => [client, seq]))
    for (const [index, [, , at]] of found.entries()) expect(at).toBeCloseTo((sent[index] as readonly number[])[2] as number, 2)
    expect(markersInText(text.toString())).toBe(3)
  })
})
