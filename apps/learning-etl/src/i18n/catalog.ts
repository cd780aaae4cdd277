import type { Bilingual, Catalog } from '@toolbelt/i18n';

const en: Catalog = {
  prompt: {
    ask: 'Enter processing date in format: <<YYYY-mm-dd> or type <exit> for quit: ',
    bad: "Bad input. Let's try again...",
  },
  progress: { days: 'days', records: 'records' },
  cancel: {
    none: 'No day was loaded: {{first}} and later are as they were.',
    some: '{{done}} of {{total}} days were loaded (through {{last}}); {{next}} and later were not.',
    dryRun: '{{done}} of {{total}} days were read (dry run: nothing was written).',
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
    noStats: 'no statistics for {{day}}: {{reason}}',
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
  reasons: {
    noUsers: 'there are no users for the date',
    noSubmits: 'there are no submits for the date',
  },
  summary: {
    day: '{{day}}: {{read}} read, {{loaded}} loaded, {{corrupt}} corrupt, {{defects}} with defects; report {{report}}; mail sent to {{mails}} recipient(s)',
    dryDay:
      '{{day}} (dry run): {{read}} read, {{accepted}} would be loaded, {{corrupt}} corrupt, {{defects}} with defects',
    updated: 'updated',
    notUpdated: 'not updated',
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
  settings: {
    integer: '{{name}}: must be an integer >= {{min}}, got "{{value}}"',
    url: 'ITRESUME_API_URL: not a URL: "{{value}}"',
    client:
      'ITRESUME_CLIENT (or client): required to call the statistics API (or pass --source-file)',
    clientKey:
      'ITRESUME_CLIENT_KEY (or client_key): required to call the statistics API (or pass --source-file)',
    mailTo: 'MAIL_TO: "{{value}}" is not an e-mail address',
  },
  errors: {
    apiAuth:
      'The statistics API refused the credentials (HTTP {{status}}). Check ITRESUME_CLIENT and ITRESUME_CLIENT_KEY.',
    apiStatus: 'The statistics API answered HTTP {{status}}.',
    apiDown:
      'The statistics API is unavailable at {{url}} ({{reason}}). Nothing was written to the database.',
    badResponse: 'The API response is not a JSON array of records: {{reason}}',
    noCredentials:
      'Set ITRESUME_CLIENT and ITRESUME_CLIENT_KEY (or client and client_key) in the environment or .env, or pass --source-file.',
    sourceFile: 'Cannot read the saved API response {{file}}: {{reason}}',
    badDate: '{{flag}} must be a date YYYY-MM-DD, got "{{value}}".',
    dateConflict: 'Give either --date or both --from and --to.',
    dateOrder: '--from ({{from}}) is after --to ({{to}}).',
    sourceFileRange: '--source-file holds one day: use it with --date, not --from/--to.',
  },
};

const ru: Catalog = {
  prompt: {
    ask: 'Введите дату извлечения/загрузки данных в формате: <YYYY-mm-dd> или <exit> для выхода: ',
    bad: 'Ошибка ввода даты, попробуйте еще раз...',
  },
  progress: { days: 'дни', records: 'записей' },
  cancel: {
    none: 'Ни один день не загружен: {{first}} и последующие дни не изменились.',
    some: 'Загружено дней: {{done}} из {{total}} (по {{last}}); {{next}} и последующие не загружены.',
    dryRun: 'Прочитано дней: {{done}} из {{total}} (пробный запуск: ничего не записано).',
  },
  log: {
    start: 'начата обработка даты {{day}}',
    request: 'запрос данных: {{url}}, окно {{start}} - {{end}}',
    sourceFile: 'чтение сохранённого ответа API {{file}}',
    retry: 'API статистики не ответил ({{reason}}), попытка {{attempt}} через несколько секунд',
    corrupt: 'строка № {{line}} не прочитана - ошибка - отсутствует идентификатор <lti_user_id>',
    corruptCreatedAt:
      'строка № {{line}} не прочитана - ошибка - время <created_at> отсутствует или неверно: {{value}}',
    corruptNul: 'строка № {{line}} не прочитана - ошибка - поле <{{field}}> содержит символ NUL',
    totals:
      'всего прочитано строк: {{total}}, из них успешно: {{accepted}}, повреждено: {{corrupt}}',
    defects: 'строка {{line}} есть ошибки:',
    missingField: 'пропущено значение поля: <{{field}}>',
    badCombination: 'некорректное сочетание значений полей: <is_correct>/<attempt_type>',
    badValue: 'некорректное значение поля: <{{field}}> = {{value}}',
    badPassback: 'не удалось прочитать passback_params: {{reason}}',
    database: 'база данных: {{target}}',
    reset: 'таблица lms_activities очищена (--reset)',
    loaded:
      'в lms_activities записано строк: {{loaded}} (заменено прежних строк этой даты: {{replaced}})',
    stats:
      'статистика за {{day}}: пользователей {{users}}, запусков {{runs}}, отправок {{submits}}, успешных {{successes}}',
    noStats: 'нет статистики за {{day}}: {{reason}}',
    reportWritten: 'отчёт обновлён: {{location}}',
    reportSkipped: 'отчёт не обновлялся (--no-report)',
    reportFailed: 'не удалось обновить отчёт: {{message}}',
    mailSent: 'уведомление отправлено получателям ({{count}}) через {{target}}',
    mailFailed: 'не удалось отправить уведомление {{recipients}}: {{message}}',
    mailNoRecipients: 'в MAIL_TO нет получателей: уведомление не отправлено',
    mailSkipped: 'уведомление не отправлялось (--no-email)',
    dryRun: 'пробный запуск: в базу, отчёт и почту ничего не записано',
    finished: 'обработка даты {{day}} завершена',
    exit: 'запрошен выход: ничего не обработано',
  },
  reasons: {
    noUsers: 'за эту дату нет пользователей',
    noSubmits: 'за эту дату нет отправленных решений',
  },
  summary: {
    day: '{{day}}: прочитано {{read}}, загружено {{loaded}}, повреждено {{corrupt}}, с дефектами {{defects}}; отчёт {{report}}; получателей письма: {{mails}}',
    dryDay:
      '{{day}} (пробный запуск): прочитано {{read}}, будет загружено {{accepted}}, повреждено {{corrupt}}, с дефектами {{defects}}',
    updated: 'обновлён',
    notUpdated: 'не обновлён',
  },
  report: {
    labels: {
      date: 'Дата обработки',
      users: 'Уникальных пользователей',
      runs: 'Запусков кода (run)',
      submits: 'Отправлено решений (submit)',
      successes: 'Верных решений',
      ratio: 'Доля верных решений',
      avgSubmits: 'Среднее число отправок на пользователя',
      avgSuccesses: 'Среднее число верных решений на пользователя',
      spacer: '',
      today: 'Дата отчёта',
    },
  },
  mail: {
    subject: 'Уведомление об обработке данных за: {{day}}',
    bodyUpdated: 'Обработка данных за дату завершена, итоговая статистика по ссылке: {{link}}',
    bodyNotUpdated: 'Обработка данных за дату завершена, Google Sheets отчет НЕ ОБНОВЛЕН!',
  },
  settings: {
    integer: '{{name}}: должно быть целым числом >= {{min}}, получено «{{value}}»',
    url: 'ITRESUME_API_URL: не URL: «{{value}}»',
    client:
      'ITRESUME_CLIENT (или client): нужен для запросов к API статистики (или передайте --source-file)',
    clientKey:
      'ITRESUME_CLIENT_KEY (или client_key): нужен для запросов к API статистики (или передайте --source-file)',
    mailTo: 'MAIL_TO: «{{value}}» не является адресом электронной почты',
  },
  errors: {
    apiAuth:
      'API статистики отклонил учётные данные (HTTP {{status}}). Проверьте ITRESUME_CLIENT и ITRESUME_CLIENT_KEY.',
    apiStatus: 'API статистики ответил HTTP {{status}}.',
    apiDown:
      'API статистики недоступен по адресу {{url}} ({{reason}}). В базу данных ничего не записано.',
    badResponse: 'Ответ API не является JSON-массивом записей: {{reason}}',
    noCredentials:
      'Задайте ITRESUME_CLIENT и ITRESUME_CLIENT_KEY (или client и client_key) в окружении или .env, или передайте --source-file.',
    sourceFile: 'Не удаётся прочитать сохранённый ответ API {{file}}: {{reason}}',
    badDate: '{{flag}} должен быть датой ГГГГ-ММ-ДД, получено «{{value}}».',
    dateConflict: 'Укажите либо --date, либо оба --from и --to.',
    dateOrder: '--from ({{from}}) позже, чем --to ({{to}}).',
    sourceFileRange:
      '--source-file содержит один день: используйте его с --date, а не с --from/--to.',
  },
};

/** The app's messages; namespace `learning-etl`. */
export const catalogs: Record<string, Bilingual> = { 'learning-etl': { en, ru } };
