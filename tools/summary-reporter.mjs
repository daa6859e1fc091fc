/** A @web/test-runner reporter that ends the run with one plain line: `Browser tests: N passed, N failed`. */
import {writeSync} from 'node:fs';
export function summaryReporter() {
  const count = (suite, totals) => {
    for (const test of suite.tests ?? []) {
      if (test.skipped) totals.skipped += 1;
      else if (test.passed) totals.passed += 1;
      else totals.failed += 1;
    }
    for (const child of suite.suites ?? []) count(child, totals);
    return totals;
  };
  let line = '';
  return {
    // Written at stop(): lines written earlier are redrawn away by the dynamic progress display.
    stop() {
      if (line) writeSync(1, line);
    },
    onTestRunFinished({sessions}) {
      const totals = {passed: 0, failed: 0, skipped: 0};
      for (const session of sessions) {
        if (session.testResults) count(session.testResults, totals);
        // A file that failed to load or threw outside a test counts as one failure.
        if (!session.passed && !session.testResults?.suites?.length && !session.testResults?.tests?.length) {
          totals.failed += 1;
        }
      }
      const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
      line = `\nBrowser tests: ${totals.passed} passed, ${totals.failed} failed${skipped}\n`;
    },
  };
}
