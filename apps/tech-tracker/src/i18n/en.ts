/** English messages of the `tech-tracker` namespace, grouped by kind. */
export const en = {
  errors: {
    notSpreadsheet:
      '{{flag}} {{input}} is neither a Google spreadsheet id or URL nor a path to an .xlsx file.',
    motColumnsFile: 'Cannot read the column map {{path}}: {{reason}}',
    motColumnsInvalid: 'The column map {{path}} is not valid:',
    trackerChanged:
      '{{tab}} in {{location}} was changed by someone else while this sync ran; nothing was written. Run the sync again.',
    data: 'The spreadsheets cannot be synced:',
    nothingWritten: 'Nothing was written. Fix the spreadsheet and run the sync again.',
    duplicateMot: 'Duplicate job_candidate_id in the MOT: {{ids}}',
    duplicateTracker: 'Duplicate job_candidate_id in the tracker: {{ids}}',
    tabsReturned: 'The sheet store returned {{count}} tabs, expected more.',
    writeFailedRestored:
      'Writing the tracker failed ({{reason}}); the tab was restored from the backup {{path}}.',
    writeAndRestoreFailed:
      'Writing the tracker failed ({{reason}}) and restoring it failed too ({{restoreReason}}): restore the tab by hand from {{path}}.',
    notificationFailed: 'The notification could not be sent: {{reason}}',
  },
  problems: {
    schoolYearMissing:
      'Missing --school-year: pass the school year as NN-NN, e.g. --school-year 23-24.',
    schoolYearFormat: '--school-year "{{value}}" is not NN-NN: pass e.g. --school-year 23-24.',
    schoolYearSequence:
      '--school-year "{{value}}": the second year must follow the first, e.g. 23-24.',
    today: '--today "{{value}}" is not a date written YYYY-MM-DD.',
    timeZone: '--timezone "{{value}}" is not a known time zone (e.g. America/Los_Angeles).',
    motColumnRef: 'Column map: "{{field}}" {{ref}} is not a column index, letter or header name.',
    motColumnField: 'Column map: "{{field}}" is not a known field.',
    motHeaderNotFound: 'Column map: no header "{{header}}" (for {{field}}) in rows 1-2 of {{tab}}.',
    motColumnOutOfRange:
      'Column map: {{field}} is column {{column}}, right of the last column {{last}} of {{tab}}: its cells would all be blank.',
    motHeaderAmbiguous:
      'Column map: the header "{{header}}" (for {{field}}) is in several columns of {{tab}} ({{columns}}): map {{field}} by column letter instead.',
    trackerHeader: '{{tab}}!{{cell}} should be the header "{{expected}}" but is "{{found}}".',
    trackerNoHeader: '{{tab}} has {{rows}} rows of data but no header row 4 (B4:S4).',
    duplicateIn: 'Duplicate job_candidate_id in {{tab}}: {{ids}}',
  },
  log: {
    reading: 'Reading the MOT {{mot}} and the tracker {{tracker}}',
    read: 'MOT: {{mot}} rows ({{struck}} struck through); Cleared: {{cleared}} ids; tracker: {{tracker}} rows',
    dryRun: 'Dry run: nothing is written.',
    backup: 'Tracker tab backed up to {{path}}',
    nothingToRefresh: 'No updates found. Nothing to refresh.',
    wroteRows: 'Wrote {{count}} rows and "{{stamp}}" to {{tab}}',
    wroteStamp: 'Wrote "{{stamp}}" to {{tab}}',
    writeFailed: 'Writing the tracker failed: {{reason}}',
    restored: 'The tracker tab was restored from {{path}}',
    mailSent: 'Notification e-mail sent to {{to}} ({{target}})',
    mailFailed: 'Notification e-mail to {{to}} failed: {{reason}}',
    slackSent: 'Slack notification sent ({{target}})',
    slackFailed: 'Slack notification failed: {{reason}}',
    notifyFailed: 'The notification could not be sent: {{reason}}',
    noNotification: 'No notification configured (NOTIF_TO_ADDRESS / MAIL_TO, SLACK_WEBHOOK_URL).',
  },
  ui: {
    progress: { sync: 'sync', rows: 'MOT rows', changes: 'changes' },
    summary: {
      title:
        'Tech tracker {{year}}: {{appended}} appended, {{updated}} updated ({{keyChanges}} key changes), {{rescinded}} rescinded, {{unchanged}} unchanged',
      calls: 'Google API calls: {{count}}',
      dryRunTitle: 'Changes a sync would make ({{count}}):',
      noChanges: 'No changes.',
      columns: { change: 'Change', id: 'Candidate id', field: 'Field', from: 'Old', to: 'New' },
      kinds: { append: 'append', update: 'update', key: 'key update', rescind: 'rescind' },
      appendedValue: '{{first}} {{last}}, {{location}}, starts {{start}}',
    },
  },
  mail: {
    subjectSuccess: 'Tech On-boarding Tracker - {{year}} - Success',
    subjectError: 'Tech On-boarding Tracker - {{year}} - Error',
    bodySuccess: 'The Tech On-boarding Tracker sync for {{year}} succeeded.',
    bodyError: 'The Tech On-boarding Tracker sync for {{year}} encountered an error: {{reason}}',
    logTitle: 'Log:',
    changesTitle: 'Changes:',
    newHires: 'New hires ({{count}}):',
    keyChanges: 'Start Date / Pay Location changes ({{count}}):',
    rescinds: 'Rescinded ({{count}}):',
    none: 'none',
    keyChange: '{{id}}: {{field}} {{from}} -> {{to}}',
  },
};
