// Once the element is defined, as a widget would, writes a style attribute that the page's policy
// (style-src 'self') forbids.
await customElements.whenDefined('odw-kpi');
document.querySelector('odw-kpi').setAttribute('style', 'outline: 1px solid red');
