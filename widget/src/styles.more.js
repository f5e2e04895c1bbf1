// The styles of the search, results, detail view and concierge form: in their chunks, added to
// the crisis path's (styles.js) once they load. What focus scrolls into view stops above the fixed
// quick exit (WCAG 2.4.11, focus not obscured), not under it.
export const moreCss = `
a,button,input,select,summary,textarea{scroll-margin-block-end:5rem}
.link{background:none;border:0;padding:0;color:inherit;text-align:start;text-decoration:underline;
font-weight:700;cursor:pointer}
label.check{display:flex;gap:.5rem;align-items:center;min-block-size:44px;font-weight:400}
.check input{inline-size:1.5rem;block-size:1.5rem;min-inline-size:0;min-block-size:0;margin:0}
summary{display:list-item;padding-block:.625rem;cursor:pointer;font-weight:600}
.combo{position:relative}
[role=listbox]{position:absolute;inset-inline:0;z-index:1;background:var(--bg);
border:1px solid var(--bd);border-radius:var(--r);margin-block-start:.25rem}
[role=option]{padding:.625rem .75rem;min-block-size:44px;cursor:pointer}
[role=option][aria-selected=true]{background:var(--a);color:var(--oa)}
.back::before{content:"\\2190";display:inline-block}
:host(:dir(rtl)) .back::before{transform:scaleX(-1)}
.err{color:var(--er);font-weight:600}
[aria-invalid=true]{border:2px solid var(--er)}
dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem;margin:0}dd{margin:0}
@media (forced-colors:active){[role=option][aria-selected=true]{outline:2px solid Highlight}}
@media (prefers-reduced-motion:no-preference){[role=option]{transition:background-color .15s}}
`;
