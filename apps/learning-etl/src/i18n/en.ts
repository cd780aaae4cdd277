/** English messages of learning-etl (namespace `learning-etl`), grouped by kind. */
export const en = {
  prompts: {
    ask: 'Enter processing date in format: <<YYYY-mm-dd> or type <exit> for quit: ',
    bad: "Bad input. Let's try again...",
  },
  ui: {
    progress: { days: 'days', records: 'records' },
    cancel: {
      none: 'No day was loaded: {{first}} and later are as they were.',
      some: '{{done}} of {{total}} days were loaded (through {{last}}); {{next}} and later were not.',
      dryRun: '{{done}} of {{total}} days were read (dry run: nothing was written).',
    },
    summary: {
      day: '{{day}}: {{read}} read, {{loaded}} loaded, {{corrupt}} corrupt, {{defects}} with defects; report {{report}}; mail sent to {{mails}} recipient(s)',
      dryDay:
        '{{day}} (dry run): {{read}} read, {{accepted}} would be loaded, {{corrupt}} corrupt, {{defects}} with defects',
      updated: 'updated',
      notUpdated: 'not updated',
    },
  },
  log: {
    start: 'processing of the date {{day}} started',
    request: 'requesting data: {{url}}, window {{start}} - {{end}}',
    sourceFile: 'reading the saved API response {{file}}',
    retry: 'the statistics API did not answer ({{reason}}), attempt {{attempt}} in a moment',
    corrupt: "line # {{line}} wasn't read - error - the <lti_user_id> id is missing",
    corruptCreatedAt:
      "line # {{line}} wasn't read - error - the <created_at> time is missing or invalid: {{value}}",
    corruptNul: "line # {{line}} wasn't read - error - the field <{{field}}> holds a NUL character",
    totals:
      'total number of lines read: {{total}}, including {{accepted}} successfully, {{corrupt}} is corrupted',
    // One line per record with defects: `defects`, then ' ' + a marker per defect.
    defects: 'line {{line}} there are errors:',
    missingField: 'value of the field is missing: <{{field}}>',
    badCombination: 'incorrect combination of parameters: <is_correct>/<attempt_type>',
    badValue: 'value of the field is invalid: <{{field}}> = {{value}}',
    badPassback: 'passback_params could not be read: {{reason}}',
    database: 'database: {{target}}',
    reset: 'the table lms_activities was emptied (--reset)',
    loaded:
      '{{loaded}} rows written to lms_activities ({{replaced}} earlier rows of the date replaced)',
    stats:
      'statistics for {{day}}: users {{users}}, runs {{runs}}, submits {{submits}}, successes {{successes}}',
    noStats: {
      noUsers: 'no statistics for {{day}}: there are no users for the date',
      noSubmits: 'no statistics for {{day}}: there are no submits for the date',
    },
    reportWritten: 'report updated: {{location}}',
    reportSkipped: 'report not updated (--no-report)',
    reportFailed: 'the report could not be updated: {{message}}',
    mailSent: 'notification sent to {{count}} recipient(s) via {{target}}',
    mailFailed: 'notification to {{recipients}} failed: {{message}}',
    mailNoRecipients: 'no recipients in MAIL_TO: no notification sent',
    mailSkipped: 'notification not sent (--no-email)',
    dryRun: 'dry run: nothing was written to the database, the report or mail',
    finished: 'processing of the date {{day}} finished',
    exit: 'exit requested: nothing processed',
  },
  report: {
    labels: {
      date: 'Processing date',
      users: 'Unique users',
      runs: 'Code runs (run)',
      submits: 'Solutions submitted (submit)',
      successes: 'Correct solutions',
      ratio: 'Share of correct solutions',
      avgSubmits: 'Average submits per user',
      avgSuccesses: 'Average correct solutions per user',
      spacer: '',
      today: 'Report date',
    },
  },
  mail: {
    subject: 'Notification of the processing of data for the date: {{day}}',
    bodyUpdated:
      'Data processing for the date is completed, the final statistics are available at the link: {{link}}',
    bodyNotUpdated:
      'Data processing for the date has been completed, Google Sheets report HAS NOT BEEN UPDATED!',
  },
  problems: {
    integer: '{{name}}: must be an integer >= {{min}}, got "{{value}}"',
    url: 'ITRESUME_API_URL: not a URL: "{{value}}"',
    client:
      'ITRESUME_CLIENT (or client): required to call the statistics API (or pass --source-file)',
    clientKey:
      'ITRESUME_CLIENT_KEY (or client_key): required to call the statistics API (or pass --source-file)',
  },
  errors: {
    apiAuth: 'The statistics API refused the credentials (HTTP {{status}}).',
    apiAuthHint: 'Check ITRESUME_CLIENT and ITRESUME_CLIENT_KEY.',
    apiStatus: 'The statistics API answered HTTP {{status}}.',
    apiDown:
      'The statistics API is unavailable at {{url}} ({{reason}}). Nothing was written to the database.',
    apiBrokeOff:
      'The statistics API response broke off ({{reason}}). Nothing was written to the database.',
    badResponse: 'The API response is not a JSON array of records: {{reason}}',
    sourceFile: 'Cannot read the saved API response {{file}}: {{reason}}',
    badDate: '{{flag}} must be a date YYYY-MM-DD, got "{{value}}".',
    dateOrder: '--from ({{from}}) is after --to ({{to}}).',
    sourceFileRange: '--source-file holds one day: use it with --date, not --from/--to.',
  },
};
