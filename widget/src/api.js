// The hub's public API, and nothing else: no cookies, no referrer, nothing that identifies
// the visitor beyond what any request to the hub carries.
// A person in crisis should not wait long for a message saying what is wrong.
const TIMEOUT_MS = 8000;

/**
 * A `get(path, params)` for the API under `base` (e.g. "https://hub.example/api/v1/"). `path`
 * may be a full URL (a list's `next`): only its path and query are used, so every request goes
 * to the hub whatever host the hub named in it. `get.post(path, form)` sends a form's fields.
 * Aborting `signal` (the element left the page, or started over) cancels every request.
 */
export function createApi(base, signal) {
  // `read(response)` runs within the timeout too, so a stalled body fails like a stalled start.
  async function request(path, params, init, read) {
    const named = new URL(path, base);
    const url = new URL(named.pathname + named.search, base);
    for (const [key, value] of Object.entries(params)) {
      if (value !== '' && value != null && value !== false) url.searchParams.set(key, value);
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    const cancel = () => controller.abort();
    signal?.addEventListener('abort', cancel);
    try {
      return await read(await fetch(url, {
        ...init,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        signal: controller.signal,
      }));
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', cancel);
    }
  }

  const get = (path, params = {}) => request(path, params, {}, (response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  });

  /**
   * POSTs `form`'s fields, URL-encoded (a CORS "simple" request: no preflight), and resolves to
   * `{status, data}` whatever the status; rejects only when the hub cannot be reached.
   */
  get.post = (path, form) => request(
    path,
    {},
    { method: 'POST', body: new URLSearchParams(new FormData(form)) },
    async (response) => ({ status: response.status, data: await response.json().catch(() => ({})) }),
  );
  return get;
}
