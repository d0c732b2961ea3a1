import { userLabel } from './presence.js'

/**
 * The remote caret, with CollaborationCaret's default class names (end-to-end
 * tests and the stylesheet rely on them) but labelled "Name · Organisation".
 * Built with text nodes only: the label comes from another client's awareness.
 */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === 'string' ? user.color : 'transparent'
  const caret = document.createElement('span')
  caret.classList.add('collaboration-carets__caret')
  caret.style.borderColor = color

  const label = document.createElement('div')
  label.classList.add('collaboration-carets__label')
  label.style.backgroundColor = color
  const name = typeof user.name === 'string' ? user.name : ''
  const organization = typeof user.organization === 'string' ? user.organization : ''
  label.append(document.createTextNode(userLabel({ name, organization })))

  caret.append(label)
  return caret
}
