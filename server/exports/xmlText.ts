// Code points XML 1.0 cannot carry (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF; lone surrogates).
// Matching control characters is the purpose here, not an accident.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/**
 * Text safe to put in an XML document such as word/document.xml: a control
 * character pasted into an organisation's name would otherwise make Word refuse
 * the whole file. Markup characters are the XML writer's job, not this one's.
 */
export function xmlText(value: string): string {
  return value.replace(NOT_XML, '\uFFFD')
}
