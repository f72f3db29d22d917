// Collects every CSP violation on this page (the test reads window.cspViolations).
// A file, not inline script: the page's own policy forbids inline script.
window.cspViolations = [];
document.addEventListener(
  'securitypolicyviolation',
  (event) => {
    window.cspViolations.push({
      directive: event.effectiveDirective,
      blockedURI: event.blockedURI,
      sample: event.sample,
      source: event.sourceFile + ':' + event.lineNumber,
    });
  },
  true,
);
