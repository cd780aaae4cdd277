/**
 * The SDK's texts in English. `errors.envMissing`, `errors.jobNotFound`, `log.noRows`,
 * `log.sourceCodeError`, `log.unhandledExternal`, `log.success` and `log.affected` are the
 * original template's words, word for word (tests check them); the others are ours, for what
 * the original did not say.
 */
export const en = {
  errors: {
    envMissing: "Unable to start job. Environment variable was not provided: '{{name}}'",
    jobNotFound: 'Job ID not found: {{id}}',
    credentialMissing: "Unable to start job. Credential was not provided: '{{name}}'",
    credentialsUnreadable: 'Unable to decrypt the job credentials: check MASTER_HASH.',
    connectorNotRegistered: "Connector '{{id}}' is not in the connector registry {{file}}.",
    connectorUnknown: "No {{kind}} connector named '{{id}}' is installed.",
    runNotOverridden: 'The connector {{name}} does not override run(): put its code in run().',
    replaceNotSupported: 'The connector {{name}} cannot empty its destination for a Replace job.',
    historyMissing: 'Job history {{id}} not found for job {{job}}.',
    notADate: "Not a date: '{{value}}'",
    registryInvalid: 'The connector registry {{file}} is invalid.',
    registryMissing: 'The connector registry {{file}} cannot be read.',
    registryNotYaml: 'The connector registry {{file}} is not valid YAML.',
    objectMissing: 'Object not found: {{key}}',
    s3Failed: 'S3 {{action}} failed: {{reason}}',
    rowNotJson: 'A row cannot be written as JSON.',
    batchNotJson: 'Batch {{key}} is not valid JSON.',
    batchNotList: 'Batch {{key}} is not a list of rows.',
    csvMissing: 'CSV file not found: {{path}}',
    csvFieldCount: '{{path}}: line {{line}} has {{found}} fields, the header has {{expected}}.',
    csvMalformed: '{{path}}: line {{line}} is not valid CSV: {{reason}}',
    csvQuoteNotClosed:
      '{{path}}: the quoted field that starts on line {{line}} is never closed (a missing ").',
    csvDuplicateHeader:
      '{{path}}: the header names {{columns}} more than once; rename the repeated columns.',
    csvMissingColumns:
      '{{path}}: the header has no column {{columns}} (it has: {{header}}); fix the column mapping or the file.',
    csvWrongDelimiter:
      "{{path}}: the header is one column ('{{header}}'): the file seems to be separated by {{likely}}, not {{delimiter}}; set the source option delimiter.",
  },
  problems: {
    registryNotList: '{{file}} must hold a list of connectors.',
    registryNoId: '{{where}}: connector_id is missing.',
    registryTwice: '{{where}}: listed twice.',
    registryNames: '{{where}}: {{field}} must be a list of names.',
    jobNotObject: 'The job file must hold one JSON object.',
    jobName: 'name must be a non-empty string.',
    endNotObject: '{{where}} must be an object with connector and object.',
    endConnector: '{{where}}.connector must be a connector id.',
    endObject: '{{where}}.object must be a string.',
    endOptions: '{{where}}.options must be an object.',
    endCredentials: '{{where}}.credentials must map names to strings.',
    boundSelection: '{{where}}.selection must be one of {{selections}}.',
    boundValue: '{{where}}.value must be a date (YYYY-MM-DD or ISO timestamp) for Custom.',
    filterColumn: 'filter.column must be a column name.',
    filterOffset: 'filter.timezoneOffset must be a number of hours.',
    updateMethod: 'updateMethod must be append or replace.',
    mappingNotList: '{{field}} must be a list of {column, mapped}.',
    mappingColumn: '{{field}}[{{index}}].column must be a non-empty string.',
    mappingTwice: "{{field}}[{{index}}].column '{{column}}' appears twice.",
    mappingMapped: '{{field}}[{{index}}].mapped must be a string.',
  },
  log: {
    noRows: 'No rows were returned from source. Finished job.',
    sourceCodeError: 'Error with source code: {{message}}',
    unhandledExternal:
      'A problem internally has occurred. Our team has been notified and will reach out within 24 hours.',
    success: 'Successfully ran {{name}} connector.',
    affected: 'Columns affected: {{columns}}\nRows affected: {{rows}}',
    jobStarted:
      'Started job {{job}} ({{name}}), history {{history}}, {{kind}} connector {{connector}}.',
    uploaded: 'Uploaded batch {{key}} ({{rows}} rows).',
    loadingBatch: 'Loading batch {{key}}.',
    replacing: 'Replace: the rows of {{object}} are replaced once every batch has loaded.',
    dryRun: 'Dry run: {{rows}} rows in {{batches}} batches ({{bytes}} bytes) would be loaded.',
    historyInterrupted:
      'History {{id}} was left Running by a run that stopped without finishing; marked Failed.',
    alreadyLoaded:
      'History {{history}} was already loaded into {{object}} ({{rows}} rows); nothing was loaded again.',
  },
};
