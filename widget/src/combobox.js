// The search box's suggestions as an ARIA Authoring Practices combobox with a listbox popup
// (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/examples/combobox-autocomplete-list/):
// focus stays in the input; arrow keys move aria-activedescendant; Enter picks; Escape closes.
import { h } from './dom.js';

/**
 * Wires `input` (role=combobox) to `listbox`. `suggest(text)` returns [{label, …}] to offer;
 * `choose(item)` is called with the item picked by Enter, click or tap. Returns a function that
 * closes the suggestions.
 */
export function wireCombobox(input, listbox, suggest, choose) {
  let items = [];
  let active = -1;
  const close = () => {
    listbox.hidden = true;
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };
  const pick = (index) => {
    const item = items[index];
    close();
    choose(item);
  };
  const show = () => {
    items = suggest(input.value);
    active = -1;
    input.removeAttribute('aria-activedescendant');
    listbox.replaceChildren(
      ...items.map((item, index) =>
        h('li', {
          role: 'option',
          id: `${listbox.id}-${index}`,
          'aria-selected': 'false',
          // Keep focus in the input while the pointer picks an option.
          onpointerdown: (event) => event.preventDefault(),
          onclick: () => pick(index),
        }, item.label)),
    );
    if (!items.length) return close();
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };
  const move = (step) => {
    if (listbox.hidden) show();
    if (!items.length) return;
    active = (active + step + items.length) % items.length;
    [...listbox.children].forEach((option, index) =>
      option.setAttribute('aria-selected', String(index === active)));
    input.setAttribute('aria-activedescendant', `${listbox.id}-${active}`);
  };

  close();
  input.addEventListener('input', show);
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (event) => {
    const open = !listbox.hidden;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter' && open && active >= 0) {
      event.preventDefault();
      pick(active);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      close();
    }
  });
  return close;
}
