// Records what the parent test checks: CSP violations, uncaught errors and rejections.
window.cspViolations = [];
window.pageErrors = [];
document.addEventListener('securitypolicyviolation', (event) => {
  const where =
    event.target instanceof Element
      ? ` on <${event.target.localName}${event.target.id ? `#${event.target.id}` : ''}>`
      : '';
  window.cspViolations.push(
    `${event.violatedDirective}: ${event.blockedURI} ${event.sample}${where} (${event.sourceFile}:${event.lineNumber})`,
  );
});
window.addEventListener('error', (event) => {
  window.pageErrors.push(`error: ${event.message}`);
});
window.addEventListener('unhandledrejection', (event) => {
  window.pageErrors.push(`unhandledrejection: ${event.reason}`);
});
