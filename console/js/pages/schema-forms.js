// The "create attribute" and "create index" forms (Appwrite's paths: `…/attributes/{type}`, `…/indexes`).
import { h, field, checkbox, errorBox, onSubmit, toast, uid } from '../dom.js';

const ATTRIBUTE_TYPES = ['string', 'integer', 'float', 'boolean', 'datetime', 'email', 'enum', 'url', 'ip'];
/**
 * Which extra inputs each type uses (`data-for` on the wrapper). No control may be named
 * `elements`: it would shadow `form.elements`.
 */
const EXTRA_FIELDS = { size: ['string'], enumElements: ['enum'], min: ['integer', 'float'], max: ['integer', 'float'] };
const KEY_PATTERN = '[A-Za-z0-9][A-Za-z0-9._\\-]{0,35}';

function typed(type, raw) {
  if (type === 'integer') return Number.parseInt(raw, 10);
  if (type === 'float') return Number.parseFloat(raw);
  if (type === 'boolean') return raw === 'true';
  return raw;
}

/** The request body for `POST …/attributes/{type}` from the form's values. */
function attributeBody(type, data) {
  const body = { key: String(data.get('key')), required: data.get('required') === 'on' };
  if (data.get('array') === 'on') body.array = true;
  const text = (name) => String(data.get(name) ?? '').trim();
  if (type === 'string') body.size = Number.parseInt(text('size') || '255', 10);
  if (type === 'enum') body.elements = text('enumElements').split(',').map((s) => s.trim()).filter(Boolean);
  if (EXTRA_FIELDS.min.includes(type)) {
    if (text('min') !== '') body.min = typed(type, text('min'));
    if (text('max') !== '') body.max = typed(type, text('max'));
  }
  if (text('default') !== '') body.default = typed(type, text('default'));
  return body;
}

export function attributeForm(api, ids, reload) {
  const errors = errorBox();
  const extra = (name, label, attrs, options) => {
    const wrapper = field(label, { name, ...attrs }, options);
    wrapper.dataset.for = EXTRA_FIELDS[name].join(' ');
    return wrapper;
  };
  const form = h('form', { class: 'card', 'aria-labelledby': 'new-attr-h' },
    h('h2', { id: 'new-attr-h' }, 'Create an attribute'),
    errors,
    h('div', { class: 'grid2' },
      field('Key', { name: 'key', required: true, maxlength: 36, pattern: KEY_PATTERN, spellcheck: 'false' }),
      field('Type', { name: 'type', value: 'string', onchange: () => showExtras() }, { tag: 'select', options: ATTRIBUTE_TYPES.map((t) => ({ value: t, label: t })) }),
      extra('size', 'Size (characters)', { type: 'number', min: 1, value: '255' }),
      extra('enumElements', 'Elements', { placeholder: 'draft, published' }, { hint: 'Comma-separated allowed values.' }),
      extra('min', 'Minimum', { type: 'number', step: 'any' }),
      extra('max', 'Maximum', { type: 'number', step: 'any' }),
      field('Default (optional)', { name: 'default' }, { hint: 'Not allowed on required or array attributes. Booleans: true or false.' })),
    h('div', { class: 'inline-checks' }, checkbox('Required', { name: 'required' }), checkbox('Array', { name: 'array' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Create attribute')));
  function showExtras() {
    const type = form.elements.type.value;
    for (const el of form.querySelectorAll('[data-for]')) el.hidden = !el.dataset.for.split(' ').includes(type);
  }
  showExtras();
  onSubmit(form, errors, async (data) => {
    const type = String(data.get('type'));
    const attr = await api.request('post', `/databases/{databaseId}/collections/{collectionId}/attributes/${type}`, { path: ids, body: attributeBody(type, data) });
    toast(`Attribute ${attr.key} created (${attr.status}).`);
    await reload();
  });
  return form;
}

export function indexForm(api, ids, attributeKeys, reload) {
  const errors = errorBox();
  const keys = [...attributeKeys, '$id', '$createdAt', '$updatedAt'];
  const legendId = uid('idxattrs');
  const form = h('form', { class: 'card', 'aria-labelledby': 'new-idx-h' },
    h('h2', { id: 'new-idx-h' }, 'Create an index'),
    errors,
    h('div', { class: 'grid2' },
      field('Key', { name: 'key', required: true, maxlength: 36, pattern: KEY_PATTERN, spellcheck: 'false' }),
      field('Type', { name: 'type', value: 'key' }, { tag: 'select', options: [{ value: 'key', label: 'key' }, { value: 'unique', label: 'unique' }, { value: 'fulltext', label: 'fulltext' }] }),
      field('Order', { name: 'order', value: 'asc' }, { tag: 'select', options: [{ value: 'asc', label: 'ascending' }, { value: 'desc', label: 'descending' }] })),
    h('fieldset', { 'aria-labelledby': legendId },
      h('legend', { id: legendId }, 'Attributes'),
      h('div', { class: 'inline-checks' }, keys.map((k) => checkbox(k, { name: 'attributes', value: k })))),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Create index')));
  onSubmit(form, errors, async (data) => {
    const attributes = data.getAll('attributes').map(String);
    if (!attributes.length) throw new Error('Choose at least one attribute.');
    const type = String(data.get('type'));
    const body = { key: String(data.get('key')), type, attributes };
    if (type !== 'fulltext') body.orders = attributes.map(() => String(data.get('order')));
    const index = await api.request('post', '/databases/{databaseId}/collections/{collectionId}/indexes', { path: ids, body });
    toast(`Index ${index.key} created (${index.status}).`);
    await reload();
  });
  return form;
}
