/** testkit's texts in English: the errors its PostgreSQL helpers raise, with their hints. */
export const en = {
  errors: {
    noTestServer:
      'No PostgreSQL server was provided to this test run: add the testkit global setup to vitest.config.ts',
    badDatabaseName: 'Invalid database name "{{name}}" (use a-z, 0-9 and _)',
    databaseUrlInvalid: 'DATABASE_URL is not a valid URL',
    binariesMissing: 'PostgreSQL server binaries (initdb, pg_ctl) not found in {{places}}',
    noPostgresUser: 'Running as root, but there is no "postgres" user to run the test cluster as',
    clusterFailed: 'Could not start a test PostgreSQL cluster: {{detail}}',
  },
  hints: {
    globalSetup:
      "test: { globalSetup: [fileURLToPath(import.meta.resolve('@toolbelt/testkit/vitest-postgres'))] }",
    installPostgres:
      'Install them with `apt-get install postgresql`, or set DATABASE_URL to an existing server',
    installCreatesUser:
      'Install the server with `apt-get install postgresql` (it creates the user)',
  },
  ui: {
    nothingToSearch: '(nothing to search)',
  },
};
