/**
 * Every text the SDK prints and writes to log rows (namespace `connector`). The English texts
 * of `envMissing`, `jobNotFound`, `noRows`, `sourceCodeError`, `unhandledExternal`, `success`
 * and `affected` are the original template's, word for word (tests check them); the others
 * are ours, for what the original did not say.
 */
export const connectorMessages = {
  en: {
    envMissing: "Unable to start job. Environment variable was not provided: '{{name}}'",
    jobNotFound: 'Job ID not found: {{id}}',
    credentialMissing: "Unable to start job. Credential was not provided: '{{name}}'",
    credentialsUnreadable: 'Unable to decrypt the job credentials: check MASTER_HASH.',
    connectorNotRegistered: "Connector '{{id}}' is not in the connector registry {{file}}.",
    connectorUnknown: "No {{kind}} connector named '{{id}}' is installed.",
    runNotOverridden: 'The connector {{name}} does not override run(): put its code in run().',
    replaceNotSupported: 'The connector {{name}} cannot empty its destination for a Replace job.',
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
    historyMissing: 'Job history {{id}} not found for job {{job}}.',
    dryRun: 'Dry run: {{rows}} rows in {{batches}} batches ({{bytes}} bytes) would be loaded.',
    registryInvalid: 'The connector registry {{file}} is invalid.',
    registryMissing: 'The connector registry {{file}} cannot be read.',
    objectMissing: 'Object not found: {{key}}',
    s3Failed: 'S3 {{action}} failed.',
    rowNotJson: 'A row cannot be written as JSON.',
    batchInvalid: 'Batch {{key}} is not a valid list of rows.',
    historyInterrupted:
      'History {{id}} was left Running by a run that stopped without finishing; marked Failed.',
    alreadyLoaded:
      'History {{history}} was already loaded into {{object}} ({{rows}} rows); nothing was loaded again.',
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
  ru: {
    envMissing: "Невозможно запустить задание. Не задана переменная окружения: '{{name}}'",
    jobNotFound: 'Задание не найдено: {{id}}',
    credentialMissing: "Невозможно запустить задание. Не задан ключ учётных данных: '{{name}}'",
    credentialsUnreadable: 'Не удалось расшифровать учётные данные задания: проверьте MASTER_HASH.',
    connectorNotRegistered: "Коннектора '{{id}}' нет в реестре {{file}}.",
    connectorUnknown: "Коннектор типа {{kind}} с именем '{{id}}' не установлен.",
    runNotOverridden: 'Коннектор {{name}} не переопределяет run(): поместите свой код в run().',
    replaceNotSupported: 'Коннектор {{name}} не умеет очищать приёмник для задания с заменой.',
    noRows: 'Источник не вернул строк. Задание завершено.',
    sourceCodeError: 'Ошибка в коде коннектора: {{message}}',
    unhandledExternal:
      'Произошла внутренняя ошибка. Наша команда уведомлена и свяжется с вами в течение 24 часов.',
    success: 'Коннектор {{name}} успешно выполнен.',
    affected: 'Затронуто столбцов: {{columns}}\nЗатронуто строк: {{rows}}',
    jobStarted:
      'Запущено задание {{job}} ({{name}}), история {{history}}, коннектор {{kind}} {{connector}}.',
    uploaded: 'Загружен пакет {{key}} (строк: {{rows}}).',
    loadingBatch: 'Загрузка пакета {{key}}.',
    replacing: 'Замена: строки {{object}} будут заменены, когда загрузятся все пакеты.',
    historyMissing: 'История {{id}} задания {{job}} не найдена.',
    dryRun:
      'Пробный запуск: было бы загружено строк: {{rows}}, пакетов: {{batches}} ({{bytes}} байт).',
    registryInvalid: 'Реестр коннекторов {{file}} содержит ошибки.',
    registryMissing: 'Не удаётся прочитать реестр коннекторов {{file}}.',
    objectMissing: 'Объект не найден: {{key}}',
    s3Failed: 'Ошибка S3 при операции {{action}}.',
    rowNotJson: 'Строку нельзя записать в JSON.',
    batchInvalid: 'Пакет {{key}} не является списком строк.',
    historyInterrupted:
      'История {{id}} осталась в состоянии Running после запуска, который не завершился; отмечена как Failed.',
    alreadyLoaded:
      'История {{history}} уже загружена в {{object}} (строк: {{rows}}); повторно ничего не загружено.',
    csvMissing: 'CSV-файл не найден: {{path}}',
    csvFieldCount: '{{path}}: в строке {{line}} полей {{found}}, в заголовке {{expected}}.',
    csvMalformed: '{{path}}: строка {{line}} не является правильным CSV: {{reason}}',
    csvQuoteNotClosed:
      '{{path}}: поле в кавычках, начатое в строке {{line}}, не закрыто (не хватает ").',
    csvDuplicateHeader:
      '{{path}}: в заголовке несколько раз встречается {{columns}}; переименуйте повторяющиеся столбцы.',
    csvMissingColumns:
      '{{path}}: в заголовке нет столбца {{columns}} (есть: {{header}}); исправьте сопоставление столбцов или файл.',
    csvWrongDelimiter:
      "{{path}}: заголовок состоит из одного столбца ('{{header}}'): похоже, файл разделён {{likely}}, а не {{delimiter}}; задайте параметр источника delimiter.",
  },
};

export type ConnectorMessageKey = keyof typeof connectorMessages.en;
export type MessageLanguage = keyof typeof connectorMessages;

/** Renders a message in `lang` (default English, the language of the log rows). */
export function formatMessage(
  key: ConnectorMessageKey,
  params: Record<string, unknown> = {},
  lang: MessageLanguage = 'en',
): string {
  return connectorMessages[lang][key].replace(/\{\{(\w+)\}\}/g, (_m, name: string) =>
    String(params[name] ?? ''),
  );
}
