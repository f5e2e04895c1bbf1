// The widget's stylesheet, adopted as a constructable stylesheet (no <style>, no style
// attributes: both would need 'unsafe-inline' under a strict CSP). Theming goes through the
// --roadcase-* custom properties documented in docs/widget.md; layout uses logical properties
// only, so right-to-left locales mirror without extra rules.

const css = `
:host{display:block;contain:content;
--a:var(--roadcase-accent,#1d4ed8);--oa:var(--roadcase-on-accent,#fff);
--bg:var(--roadcase-background,#fff);--fg:var(--roadcase-text,#111827);
--mu:var(--roadcase-muted,#4b5563);--bd:var(--roadcase-border,#6b7280);
--cr:var(--roadcase-crisis,#b91c1c);--ok:#15803d;--er:#b91c1c;--r:var(--roadcase-radius,8px)}
.rc{background:var(--bg);color:var(--fg);font:var(--roadcase-font,inherit);line-height:1.5;
padding:1rem;border:1px solid var(--bd);border-radius:var(--r);overflow-wrap:anywhere}
.dark{--bg:var(--roadcase-background,#111827);--fg:var(--roadcase-text,#f3f4f6);
--mu:var(--roadcase-muted,#d1d5db);--bd:var(--roadcase-border,#9ca3af);--ok:#4ade80;--er:#fca5a5}
@media (prefers-color-scheme:dark){.auto{--bg:var(--roadcase-background,#111827);
--fg:var(--roadcase-text,#f3f4f6);--mu:var(--roadcase-muted,#d1d5db);
--bd:var(--roadcase-border,#9ca3af);--ok:#4ade80;--er:#fca5a5}}
[hidden]{display:none!important}
*{box-sizing:border-box}
h2,h3,h4,p,ul{margin:0}
h2{font-size:1.25em}h3{font-size:1.1em}h4{font-size:1em}
ul{padding:0;list-style:none}
.stack>*+*{margin-block-start:.75rem}
.row{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
.crisis{border-inline-start:.375rem solid var(--cr);padding-inline-start:.75rem}
.muted{color:var(--mu)}
a,button,select,input,textarea,summary{font:inherit;min-block-size:44px;min-inline-size:44px}
a{color:inherit}
:focus-visible{outline:3px solid var(--fg);outline-offset:2px}
.btn{display:inline-flex;align-items:center;gap:.25rem;padding:.5rem .875rem;border-radius:var(--r);
background:var(--a);color:var(--oa);border:2px solid transparent;text-decoration:none;
font-weight:600;cursor:pointer}
.btn.sos{background:var(--cr);color:#fff}
.btn.plain{background:transparent;color:inherit;border-color:var(--bd)}
.exit{margin-inline-start:auto}
.link{background:none;border:0;padding:0;color:inherit;text-align:start;text-decoration:underline;
font-weight:700;cursor:pointer}
label{font-weight:600}
.field{display:flex;flex-direction:column;gap:.25rem}
label.check{display:flex;gap:.5rem;align-items:center;min-block-size:44px;font-weight:400}
.check input{inline-size:1.5rem;block-size:1.5rem;min-inline-size:0;min-block-size:0;margin:0}
select,input:not([type=checkbox]),textarea{inline-size:100%;padding:.5rem;border:1px solid var(--bd);
border-radius:var(--r);background:var(--bg);color:var(--fg)}
.grid{display:grid;gap:.75rem;grid-template-columns:repeat(auto-fit,minmax(min(100%,12rem),1fr))}
summary{display:list-item;padding-block:.625rem;cursor:pointer;font-weight:600}
.combo{position:relative}
[role=listbox]{position:absolute;inset-inline:0;z-index:1;background:var(--bg);
border:1px solid var(--bd);border-radius:var(--r);margin-block-start:.25rem}
[role=option]{padding:.625rem .75rem;min-block-size:44px;cursor:pointer}
[role=option][aria-selected=true]{background:var(--a);color:var(--oa)}
.card{border-block-start:1px solid var(--bd);padding-block:.75rem}
.dot::before{content:"";display:inline-block;inline-size:.625rem;block-size:.625rem;
border-radius:50%;background:var(--mu);margin-inline-end:.375rem}
.open::before{background:var(--ok)}
.back::before{content:"\\2190";display:inline-block}
:host(:dir(rtl)) .back::before{transform:scaleX(-1)}
.err{color:var(--er);font-weight:600}
[aria-invalid=true]{border:2px solid var(--er)}
.sr{position:absolute;inline-size:1px;block-size:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem;margin:0}dd{margin:0}
@media (prefers-reduced-motion:no-preference){.btn,[role=option]{transition:background-color .15s}}
`;

/** The shared stylesheet (one per page, however many finders it embeds). */
export const sheet = new CSSStyleSheet();
sheet.replaceSync(css);

/**
 * A sheet with a partner's accent colour, and a text colour that keeps contrast on it.
 * The page's own --roadcase-* properties still win over it.
 */
export function accentSheet(colour) {
  const theme = new CSSStyleSheet();
  if (/^#[0-9a-f]{6}$/i.test(colour || '')) {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(colour.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    const light = 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.179;
    theme.replaceSync(`:host{--a:var(--roadcase-accent,${colour});--oa:var(--roadcase-on-accent,${light ? '#000' : '#fff'})}`);
  }
  return theme;
}
