// The widget's stylesheet for the crisis path (the search and concierge chunks add theirs:
// styles.more.js), adopted as constructable stylesheets (no <style>, no style attributes: both
// would need 'unsafe-inline' under a strict CSP), with a <style> fallback for old browsers. Theming goes through the
// --roadcase-* custom properties documented in docs/widget.md; layout uses logical properties
// only, so right-to-left locales mirror without extra rules.

const css = `
:host{display:block;
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
.exit{position:fixed;inset-block-end:max(1rem,env(safe-area-inset-bottom));inset-inline-end:1rem;z-index:2147483647;
background:#111827;color:#fff;border:3px solid #fff;box-shadow:0 0 0 2px #111827;font-weight:700}
.exit:focus-visible{outline:3px solid #2563eb;outline-offset:3px}
.btn.sos{gap:.375rem}.btn.sos b{font-size:1.125em}
.crisis .card{padding-block:.5rem}
.rc{padding-block-end:4.5rem}
label{font-weight:600}
.field{display:flex;flex-direction:column;gap:.25rem}
select,input:not([type=checkbox]),textarea{inline-size:100%;padding:.5rem;border:1px solid var(--bd);
border-radius:var(--r);background:var(--bg);color:var(--fg)}
.grid{display:grid;gap:.75rem;grid-template-columns:repeat(auto-fit,minmax(min(100%,12rem),1fr))}
.card{border-block-start:1px solid var(--bd);padding-block:.75rem}
.dot::before{content:"";display:inline-block;inline-size:.625rem;block-size:.625rem;
border-radius:50%;background:var(--mu);margin-inline-end:.375rem}
.open::before{background:var(--ok)}
.sr,.skip:not(:focus){position:absolute;inline-size:1px;block-size:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
@media (forced-colors:active){.btn.sos,.exit{forced-color-adjust:none;background:CanvasText;color:Canvas;
border:3px solid CanvasText;box-shadow:none}.exit{border-style:double;border-width:6px}
.dot::before{forced-color-adjust:none;background:Canvas;border:2px solid CanvasText}
.open::before{background:CanvasText}}
@media (prefers-reduced-motion:no-preference){.btn{transition:background-color .15s}}
`;

let shared;
const sheets = {};

// The shared stylesheet (one per page, however many finders it embeds), made on first use, never
// at module load: Safari before 16.4 has adoptedStyleSheets but no CSSStyleSheet constructor,
// and a throw here would stop the element being defined at all.
function constructed(text) {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    return sheet;
  } catch {
    return null;
  }
}

/** The CSS for a partner's accent colour, with a text colour that keeps contrast on it. */
function accentCss(colour) {
  if (!/^#[0-9a-f]{6}$/i.test(colour || '')) return '';
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(colour.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const light = 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.179;
  return `:host{--a:var(--roadcase-accent,${colour});--oa:var(--roadcase-on-accent,${light ? '#000' : '#fff'})}`;
}

/**
 * Styles `root` (a shadow root) with the widget's CSS, the chunks' `more` and a partner's
 * accent colour (the page's own --roadcase-* properties still win over it): adopted constructable stylesheets where the
 * browser has them, else a <style> element first in the root, which a strict CSP without
 * 'unsafe-inline' blocks (the widget then works unstyled: docs/widget.md).
 */
export function applyStyles(root, colour, more = '') {
  const accent = accentCss(colour);
  shared ??= 'adoptedStyleSheets' in root ? constructed(css) : null;
  sheets[more] ??= shared && constructed(more);
  const theme = shared && constructed(accent);
  if (shared && theme && sheets[more]) {
    root.adoptedStyleSheets = [shared, sheets[more], theme];
    return null;
  }
  const style = document.createElement('style');
  style.textContent = css + more + accent;
  return style;
}
