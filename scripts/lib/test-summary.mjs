// The closing `Tests:` line of `pnpm test`, from the JSON reports vitest writes per package.
//
// A red run must never read "0 failed". vitest's JSON report counts only test cases in
// numFailedTests: a file that fails to import, or a beforeAll/afterAll hook that throws, fails
// its suite while its tests read "skipped" (or there are none). So each report also adds its
// failed suites that no failed test explains: numFailedTestSuites counts every failed suite
// (files and describe blocks), and a failed test makes its file and each enclosing describe
// fail, so those are subtracted. A report with success false and nothing counted (errors
// outside any test), a package whose report is missing, and a test task that failed without
// anything counted add one failure each.

/** The suites (file, then each enclosing describe) that a failed test makes fail. */
function suitesOfFailedTests(report) {
  const suites = new Set();
  for (const file of report.testResults ?? [])
    for (const test of file.assertionResults ?? []) {
      if (test.status !== 'failed') continue;
      const ancestors = test.ancestorTitles ?? [];
      for (let depth = 0; depth <= ancestors.length; depth++)
        suites.add(JSON.stringify([file.name, ...ancestors.slice(0, depth)]));
    }
  return suites.size;
}

/** The numbers of one vitest JSON report. */
export function countReport(report) {
  const passed = report.numPassedTests ?? 0;
  const failedTests = report.numFailedTests ?? 0;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  const failedSuites = report.numFailedTestSuites ?? 0;
  // Suites failed by their own errors: imports, beforeAll/afterAll/beforeEach hooks.
  let suiteErrors = Math.max(0, failedSuites - suitesOfFailedTests(report));
  const erroredFiles = (report.testResults ?? [])
    .filter((file) => file.status === 'failed')
    .filter(
      (file) => file.message || !(file.assertionResults ?? []).some((t) => t.status === 'failed'),
    );
  // Older reports without suite counts: a failed file with no failed test is one error.
  if (report.numFailedTestSuites === undefined) suiteErrors = erroredFiles.length;
  let otherErrors = 0;
  if (report.success === false && failedTests + suiteErrors === 0) otherErrors = 1;
  return {
    passed,
    skipped,
    failedTests,
    suiteErrors,
    otherErrors,
    failed: failedTests + suiteErrors + otherErrors,
    errors: erroredFiles.map((file) => ({
      file: file.name,
      message: String(file.message ?? '').split('\n')[0],
    })),
  };
}

/**
 * The whole run. `packages`: `{ name, report }` for each package expected to have run its
 * tests (`report` undefined when no report was written). `taskStatus`: turbo's exit status.
 */
export function summarize(packages, taskStatus = 0) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const failing = [];
  for (const { name, report } of packages) {
    if (report === undefined) {
      failed += 1;
      failing.push({ name, reason: 'no test report (vitest did not start or crashed)' });
      continue;
    }
    const counts = countReport(report);
    passed += counts.passed;
    skipped += counts.skipped;
    failed += counts.failed;
    if (counts.failed > 0) {
      const parts = [];
      if (counts.failedTests) parts.push(`${counts.failedTests} failed tests`);
      if (counts.suiteErrors) parts.push(`${counts.suiteErrors} failed suites or hooks`);
      if (counts.otherErrors) parts.push('errors outside tests');
      const where = counts.errors
        .slice(0, 3)
        .map((e) => `${e.file.split('/').slice(-2).join('/')}: ${e.message || 'failed'}`);
      failing.push({ name, reason: [parts.join(', '), ...where].join('; ') });
    }
  }
  if (taskStatus !== 0 && failed === 0) {
    failed = 1;
    failing.push({ name: 'turbo', reason: `a test task exited ${taskStatus} without a report` });
  }
  const line = `Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
  return { passed, failed, skipped, failing, line };
}
