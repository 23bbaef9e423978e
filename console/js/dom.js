// Small DOM helpers. Everything user- or API-supplied goes in as text nodes or properties, never
// as HTML, so a project name or document value can't inject markup into the console.

let idCounter = 0;
/** A fresh element ID (for label/input and aria-describedby pairs). */
export function uid(prefix = 'f') {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/**
 * `h('button', { class: 'primary', onclick: fn }, 'Save')`. Attributes starting with `on` become
 * listeners; `false`/`null`/`undefined` attributes are skipped; children may be strings, nodes or arrays.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === false || v === null || v === undefined) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'value' || k === 'checked' || k === 'disabled' || k === 'selected') el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces an element's content. */
export function mount(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A labelled input (or select/textarea): `field('Name', { name: 'name', required: true })`. */
export function field(label, attrs = {}, { hint, tag = 'input', options } = {}) {
  const id = attrs.id ?? uid('field');
  const hintId = hint ? `${id}-hint` : undefined;
  const control = tag === 'select'
    ? h('select', { ...attrs, id, 'aria-describedby': hintId }, (options ?? []).map((o) => h('option', { value: o.value, selected: o.value === attrs.value }, o.label)))
    : h(tag, { ...attrs, id, 'aria-describedby': hintId });
  return h('div', { class: 'field' },
    // Required fields say so through `required` (announced by screen readers, checked by the browser).
    h('label', { for: id }, label),
    control,
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null);
}

/** A labelled checkbox. */
export function checkbox(label, attrs = {}) {
  const id = attrs.id ?? uid('check');
  return h('div', { class: 'check' }, h('input', { type: 'checkbox', ...attrs, id }), h('label', { for: id }, label));
}

/** The region where a form shows the API's error message (announced to screen readers). */
export function errorBox() {
  const box = h('div', { class: 'error-box', role: 'alert', hidden: true });
  return Object.assign(box, {
    show(err) { box.textContent = messageOf(err); box.hidden = false; },
    clear() { box.textContent = ''; box.hidden = true; },
  });
}

/** The API's own `message` when there is one. */
export function messageOf(err) {
  if (err && typeof err.message === 'string' && err.message) return err.message;
  return 'Something went wrong. Please try again.';
}

/**
 * Wires a form's submit: disables the submit button while `action(formData)` runs and shows the
 * API's message in `errors` when it fails.
 */
export function onSubmit(form, errors, action) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const buttons = form.querySelectorAll('button[type=submit]');
    buttons.forEach((b) => { b.disabled = true; });
    errors.clear();
    try {
      await action(new FormData(form));
    } catch (err) {
      errors.show(err);
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
    }
  });
  return form;
}

/** `2026-11-23T12:00:00.000+00:00` → a short local date and time; null → the fallback. */
export function formatDate(value, fallback = '—') {
  if (!value) return fallback;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return fallback;
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A brief message in the live region. */
export function toast(message) {
  const el = document.getElementById('toast');
  el.textContent = message;
  el.classList.add('visible');
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => el.classList.remove('visible'), 3500);
}

/** A table from column definitions `{ label, cell(row) }`; `empty` is shown when there are no rows. */
export function table(caption, columns, rows, empty = 'Nothing here yet.') {
  if (!rows.length) return h('p', { class: 'empty' }, empty);
  return h('table', {},
    h('caption', { class: 'sr-only' }, caption),
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c.label)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, columns.map((c) => h('td', { 'data-label': c.label }, c.cell(r)))))));
}

/**
 * A modal dialog (native `<dialog>`: focus is trapped, Escape closes). `build(close)` returns the body.
 * Focus returns to the element that opened it.
 */
export function openDialog(title, build) {
  const opener = document.activeElement;
  const titleId = uid('dlg');
  const dialog = h('dialog', { 'aria-labelledby': titleId });
  const close = () => dialog.close();
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (opener && opener.isConnected) opener.focus();
  });
  mount(dialog, h('h2', { id: titleId }, title), build(close));
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}

/** A short, readable status badge. */
export function badge(text, kind = '') {
  return h('span', { class: `badge ${kind}`.trim() }, text);
}
