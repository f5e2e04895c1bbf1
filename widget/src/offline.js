// The crisis path's strings in every language of the hub, compiled from its catalogs at build
// time (build.mjs): a chunk loaded only when the hub's API does not answer, so the crisis block
// still speaks the visitor's language (when the hub's static files can be had, as when only its
// API fails). {code: {dir, strings}}; "en" is the bundled English.

/* global __OFFLINE__ */
export const catalogs = __OFFLINE__;
