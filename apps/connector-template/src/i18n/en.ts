/** The texts of connector-template in English (namespace `connector-template`). */
export const en = {
  errors: {
    needJob: 'Which job? Pass --job N (see `connector-template jobs list`) or set JOB_ID.',
    historyRequired:
      '--stage destination needs --history <id> (the history whose batches to load).',
    historyWithSource: '--history goes with --stage destination only.',
    dryRunDestination:
      '--dry-run reads the source only; it cannot be used with --stage destination.',
    jobNotFound: 'There is no job {{id}}: see `connector-template jobs list`.',
    historyNotFound: 'There is no run {{id}}: see `connector-template history`.',
    jobFileNotJson: 'The job file {{file}} is not JSON: check its brackets, commas and quotes.',
    jobFileInvalid: 'The job file {{file}} is invalid.',
    notRemoved: '$t(common:errors.cancelled). Job {{id}} was not removed.',
    invalidName: "'{{name}}' is not a connector name: use lower-case words joined by dashes.",
    folderExists: 'The folder {{dir}} already exists and is not empty.',
  },
  log: {
    added: 'Added job {{id}} ({{name}}).',
    updated: 'Updated job {{id}} ({{name}}).',
    updatedByName:
      'Job {{id}} already has the name {{name}}: updated it from the file (history kept).',
    removed: 'Removed job {{id}} ({{name}}) with its history.',
    sourceOnly:
      'Source finished: history {{history}}. Load it with: connector-template run --job {{job}} --stage destination --history {{history}}',
    checkLine: '{{status}}  {{stage}} {{name}}: {{message}}',
    allOk: 'Every check passed.',
    someFailed: 'Some checks failed.',
    created:
      'Created the {{kind}} connector {{name}} in {{dir}} and its registry entry in {{registry}}.',
    next: 'Next: build it (pnpm build) and test it (pnpm test) in {{dir}}.',
    httpRequests: 'HTTP requests: {{count}}',
    cancelled:
      'Stopped after {{read}} rows read and {{loaded}} loaded; the next run of the job marks this run Failed.',
  },
  prompts: {
    confirmRemove: 'Remove job {{id}} ({{name}}) with its history and log rows?',
  },
  ui: {
    noJobs: 'No jobs yet: add one with `connector-template jobs add --file job.json`.',
    noHistory: 'No job history yet.',
    stageLine: '{{kind}} ({{connector}}): {{status}}, {{rows}} rows. {{message}}',
    progress: { job: 'job', read: 'read', batches: 'batches', loaded: 'loaded' },
    check: { ok: 'ok', failed: 'FAILED' },
    methods: { append: 'append', replace: 'replace' },
    jobHeaders: {
      id: 'ID',
      name: 'NAME',
      source: 'SOURCE',
      destination: 'DESTINATION',
      method: 'METHOD',
      field: 'FIELD',
      value: 'VALUE',
      mapping: 'MAPPING',
    },
    historyHeaders: {
      id: 'HISTORY',
      job: 'JOB',
      status: 'STATUS',
      rows: 'ROWS',
      started: 'STARTED',
      finished: 'FINISHED',
    },
    logHeaders: { time: 'TIME', type: 'TYPE', connector: 'CONNECTOR', text: 'MESSAGE' },
  },
};
