import type { Catalog } from '@toolbelt/i18n';

/** Russian messages of learning-etl: the keys of `en.ts`. */
export const ru = {
  prompts: {
    ask: 'Введите дату извлечения/загрузки данных в формате: <YYYY-mm-dd> или <exit> для выхода: ',
    bad: 'Ошибка ввода даты, попробуйте еще раз...',
  },
  ui: {
    progress: { days: 'дни', records: 'записей' },
    cancel: {
      none: 'Ни один день не загружен: {{first}} и последующие дни не изменились.',
      some: 'Загружено дней: {{done}} из {{total}} (по {{last}}); {{next}} и последующие не загружены.',
      dryRun: 'Прочитано дней: {{done}} из {{total}} (пробный запуск: ничего не записано).',
    },
    summary: {
      day: '{{day}}: прочитано {{read}}, загружено {{loaded}}, повреждено {{corrupt}}, с дефектами {{defects}}; отчёт {{report}}; получателей письма: {{mails}}',
      dryDay:
        '{{day}} (пробный запуск): прочитано {{read}}, будет загружено {{accepted}}, повреждено {{corrupt}}, с дефектами {{defects}}',
      updated: 'обновлён',
      notUpdated: 'не обновлён',
    },
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
    noStats: {
      noUsers: 'нет статистики за {{day}}: за эту дату нет пользователей',
      noSubmits: 'нет статистики за {{day}}: за эту дату нет отправленных решений',
    },
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
  problems: {
    integer: '{{name}}: должно быть целым числом >= {{min}}, получено «{{value}}»',
    url: 'ITRESUME_API_URL: не URL: «{{value}}»',
    client:
      'ITRESUME_CLIENT (или client): нужен для запросов к API статистики (или передайте --source-file)',
    clientKey:
      'ITRESUME_CLIENT_KEY (или client_key): нужен для запросов к API статистики (или передайте --source-file)',
  },
  errors: {
    apiAuth: 'API статистики отклонил учётные данные (HTTP {{status}}).',
    apiAuthHint: 'Проверьте ITRESUME_CLIENT и ITRESUME_CLIENT_KEY.',
    apiStatus: 'API статистики ответил HTTP {{status}}.',
    apiDown:
      'API статистики недоступен по адресу {{url}} ({{reason}}). В базу данных ничего не записано.',
    apiBrokeOff: 'Ответ API статистики оборвался ({{reason}}). В базу данных ничего не записано.',
    badResponse: 'Ответ API не является JSON-массивом записей: {{reason}}',
    sourceFile: 'Не удаётся прочитать сохранённый ответ API {{file}}: {{reason}}',
    badDate: '{{flag}} должен быть датой ГГГГ-ММ-ДД, получено «{{value}}».',
    dateOrder: '--from ({{from}}) позже, чем --to ({{to}}).',
    sourceFileRange:
      '--source-file содержит один день: используйте его с --date, а не с --from/--to.',
  },
} satisfies Catalog;
