// An engine without constructable stylesheets (Safari < 16.4), as Lit detects one: this runs
// before the CDN build, from the same origin, as `script-src 'self'` allows.
delete Document.prototype.adoptedStyleSheets;
delete ShadowRoot.prototype.adoptedStyleSheets;
delete CSSStyleSheet.prototype.replace;
delete CSSStyleSheet.prototype.replaceSync;
