import { getSchema } from '@tiptap/core'
import type { NodeType } from '@tiptap/pm/model'
import * as Y from 'yjs'
import { STATEMENT_FRAGMENT, statementExtensions } from '../../shared/schema/statementExtensions.js'

/**
 * Whether a client update keeps the document inside the statement schema
 * (shared/schema/statementExtensions.ts), checked on the twin after it took
 * the update and before the live document does.
 *
 * Why refuse rather than keep: y-prosemirror, in every browser and in the
 * server's renderer, deletes from the Y.Doc any element or text that the schema
 * cannot build (an unknown node name, an unknown mark, which takes the whole
 * text it formats with it) and throws on content that is not an XML element or
 * text at all. An accepted `parag2aph` element was broadcast and saved, then
 * deleted by the first render (a GET of the content, the automatic version when
 * the last editor left), an edit nobody made that every client received; a Y.Map
 * in the fragment made every render throw, so no export, version or lock worked.
 *
 * Only what each new item is, never where the schema's content expressions would
 * put it: an item's name, parent and key are fixed when it is created, so two
 * honest clients cannot combine into a refused item. Which children an element
 * has is the outcome of concurrent edits and is not checked (it would refuse an
 * honest client's next edit of an element that a merge left unusual).
 *
 * Refused: items outside the `default` fragment; fragment and element children
 * other than XML elements and XML text; element names that are not nodes of the
 * schema (nor `doc` or `text`); inline nodes outside textblocks and block nodes
 * inside them; text outside textblocks; element attributes the node type does not
 * declare, or that hold anything but a plain value; text content other than
 * characters and formatting; formatting that names no mark of the schema (null,
 * which ends formatting, is accepted for any key) or whose value is not an object;
 * attributes on text. Items that arrive deleted are not checked: nothing renders them.
 */

export class OutsideSchema extends Error {
  override name = 'OutsideSchema'
}

const schema = getSchema(statementExtensions)

/** y-prosemirror keys a mark that may overlap itself as `name--<8-character hash>`. */
const HASHED_MARK_KEY = /(.*)(--[a-zA-Z0-9+/=]{8})$/

function markName(key: string): string {
  return HASHED_MARK_KEY.exec(key)?.[1] ?? key
}

function elementNodeType(element: Y.XmlElement): NodeType {
  const type = Object.hasOwn(schema.nodes, element.nodeName) ? schema.nodes[element.nodeName] : undefined
  if (!type || type === schema.topNodeType || type.isText) throw new OutsideSchema(`element <${element.nodeName}> is not a node of the statement schema`)
  return type
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function checkItem(item: Y.Item, fragment: Y.XmlFragment): void {
  const parent = item.parent as Y.AbstractType<unknown>
  const content = item.content
  if (parent._item === null && parent !== fragment) throw new OutsideSchema(`content outside the "${STATEMENT_FRAGMENT}" fragment`)

  if (item.parentSub !== null) {
    if (parent.constructor !== Y.XmlElement) throw new OutsideSchema(`attribute "${item.parentSub}" on something other than an element`)
    const element = parent as Y.XmlElement
    const nodeType = elementNodeType(element)
    if (!Object.hasOwn(nodeType.spec.attrs ?? {}, item.parentSub)) throw new OutsideSchema(`<${element.nodeName}> has no attribute "${item.parentSub}"`)
    if (!(content instanceof Y.ContentAny)) throw new OutsideSchema(`attribute "${item.parentSub}" holds a shared type or binary`)
    return
  }

  if (parent.constructor === Y.XmlText) {
    if (content instanceof Y.ContentString) return
    if (content instanceof Y.ContentFormat) {
      if (content.value === null) return
      if (!Object.hasOwn(schema.marks, markName(content.key))) throw new OutsideSchema(`mark "${content.key}" is not in the statement schema`)
      if (!isPlainObject(content.value)) throw new OutsideSchema(`mark "${content.key}" with attributes that are not an object`)
      return
    }
    throw new OutsideSchema('text holding something other than characters and formatting')
  }

  if (parent !== fragment && parent.constructor !== Y.XmlElement) throw new OutsideSchema('content inside a shared type the statement does not use')
  const inTextblock = parent === fragment ? schema.topNodeType.inlineContent : elementNodeType(parent as Y.XmlElement).inlineContent
  const child = content instanceof Y.ContentType ? content.type : null
  if (child?.constructor === Y.XmlText) {
    if (!inTextblock) throw new OutsideSchema('text outside a textblock')
    return
  }
  if (child?.constructor !== Y.XmlElement) throw new OutsideSchema('a child that is neither an element nor text')
  const nodeType = elementNodeType(child as Y.XmlElement)
  if (nodeType.isInline !== inTextblock) throw new OutsideSchema(`<${nodeType.name}> ${inTextblock ? 'inside' : 'outside'} a textblock`)
}

/**
 * Throws OutsideSchema if an update, just applied to `applied`, added an item
 * the statement schema cannot hold. `meta` is the update's Y.parseUpdateMeta;
 * `before` what `applied` held of each of its clients before it (their
 * Y.getState): only items beyond that are new. Linear in the number of new items.
 */
export function assertWithinSchema(applied: Y.Doc, before: ReadonlyMap<number, number>, meta: { from: Map<number, number>; to: Map<number, number> }): void {
  const fragment = applied.getXmlFragment(STATEMENT_FRAGMENT)
  for (const [client, end] of meta.to) {
    const start = Math.max(meta.from.get(client) ?? 0, before.get(client) ?? 0)
    const structs = applied.store.clients.get(client)
    if (start >= end || !structs) continue
    for (let i = Y.findIndexSS(structs, start); i < structs.length; i += 1) {
      const struct = structs[i] as Y.Item | Y.GC
      if (struct.id.clock >= end) break
      if (struct instanceof Y.Item && !struct.deleted) checkItem(struct, fragment)
    }
  }
}
