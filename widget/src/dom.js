// Building DOM from data without HTML strings: elements, attributes and text nodes only.

/**
 * `h('a', {href, onclick}, 'text', child)`: an element with attributes (true adds an empty
 * attribute; null, undefined and false are skipped), `on*` listeners and children (strings
 * become text nodes, null and false are dropped, arrays are flattened).
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value == null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children.flat(Infinity).filter((child) => child != null && child !== false));
  return element;
}

const SAFE_LINK = /^(https?:|tel:|sms:|mailto:)/i;

/** `href` when it is a link a visitor can safely follow, else null (no javascript: or data:). */
export const safeHref = (href) => (typeof href === 'string' && SAFE_LINK.test(href) ? href : null);

let fields = 0;

/** A labelled field: `control` (given an id if it has none) under its <label>. */
export function field(label, control) {
  control.id ||= `rc-f${++fields}`;
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control);
}

/** A <select> of [value, label] pairs with `value` selected. */
export function select(attributes, options, value) {
  const element = h('select', attributes, options.map(([v, text]) => h('option', { value: v }, text)));
  element.value = value ?? '';
  return element;
}

/** A labelled <select> of [value, label] pairs with `value` selected. */
export const selectField = (label, attributes, options, value) => field(label, select(attributes, options, value));
