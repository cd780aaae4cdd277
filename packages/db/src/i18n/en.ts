/** English texts of the `db` namespace: errors, migration problems and the waiting log line. */
export const en = {
  errors: {
    unreachable: 'Database {{target}} is unreachable: {{message}}',
    unreachableHint: 'Check that the server is running and that DATABASE_URL points to it',
    auth: 'Database {{target}} refused the credentials: {{message}}',
    authHint: 'Check the user name and password in DATABASE_URL',
    noDatabase: 'Database {{target}}: {{message}}',
    noDatabaseHint: 'Create the database or fix the name in DATABASE_URL',
    unavailable: 'Database {{target}} is unavailable: {{message}}',
    busy: 'Database {{target}} is busy: {{message}}',
    busyHint: 'Try again later',
    sql: 'SQL error {{sqlState}}: {{message}}',
    other: 'Database {{target}}: {{message}}',
    urlInvalid: 'DATABASE_URL is not a valid URL',
    urlScheme: 'DATABASE_URL must start with postgres:// or postgresql:// (got {{url}})',
    urlHint: 'Use postgres://user:password@host:5432/database',
    embeddedOpen: 'Could not open the embedded database at {{dataDir}}: {{message}}',
    embeddedOpenHint: 'Check that the folder is writable and not used by another process',
    noConnectionString:
      'The embedded database has no connection string; set DATABASE_URL to share a PostgreSQL server',
    ownerLost:
      'The process that has the embedded database {{target}} open stopped before answering',
    ownerLostHint: 'Run the command again',
    ownerNoTransaction: 'No open transaction {{id}}',
    ownerUnknownCall: 'The owner does not answer "{{name}}"',
    ownerUnknownRequest: 'Unknown request',
    ownerFailed: 'The owner of the embedded database failed: {{message}}',
    transactionFinished: 'This transaction has already finished',
    migrationFailed: 'Migration {{migration}} failed: {{message}}',
    migrationList: 'Invalid migration list:',
    migrationListHint:
      'Give migrations zero-padded ids in the order they apply, e.g. 0001-create-users',
    identifier: 'Invalid SQL identifier {{name}}',
    copyNoColumns: 'copyFrom needs at least one column',
    copyRowWidth: 'A row for COPY has {{values}} values but {{columns}} columns were named',
    copyInvalidDate: 'Cannot load an invalid Date',
    copyValueType: 'Cannot load a value of type {{type}}',
  },
  problems: {
    migrationNoId: 'migration #{{number}} has no id',
    migrationOrder: '"{{id}}" must sort after "{{previous}}" (ids ascend, no duplicates)',
  },
  log: {
    waiting: 'waiting for {{command}} (pid {{pid}}) to release {{dataDir}}',
  },
};
