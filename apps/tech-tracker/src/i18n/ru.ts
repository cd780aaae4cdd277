import type { Catalog } from '@toolbelt/i18n';

/** Russian messages of the `tech-tracker` namespace (the keys of `en.ts`). */
export const ru = {
  errors: {
    notSpreadsheet:
      '{{flag}} {{input}} не является ни идентификатором или ссылкой Google-таблицы, ни путём к файлу .xlsx.',
    motColumnsFile: 'Не удалось прочитать карту столбцов {{path}}: {{reason}}',
    motColumnsInvalid: 'Карта столбцов {{path}} неверна:',
    trackerChanged:
      'Лист {{tab}} в {{location}} изменил кто-то другой, пока шла синхронизация; ничего не записано. Запустите синхронизацию снова.',
    data: 'Таблицы нельзя синхронизировать:',
    nothingWritten: 'Ничего не записано. Исправьте таблицу и запустите синхронизацию снова.',
    duplicateMot: 'Повторяющиеся job_candidate_id в MOT: {{ids}}',
    duplicateTracker: 'Повторяющиеся job_candidate_id в трекере: {{ids}}',
    tabsReturned: 'Хранилище таблиц вернуло листов: {{count}}, ожидалось больше.',
    writeFailedRestored:
      'Запись трекера не удалась ({{reason}}); лист восстановлен из резервной копии {{path}}.',
    writeAndRestoreFailed:
      'Запись трекера не удалась ({{reason}}), восстановление тоже ({{restoreReason}}): восстановите лист вручную из {{path}}.',
    notificationFailed: 'Уведомление не удалось отправить: {{reason}}',
  },
  problems: {
    schoolYearMissing:
      'Не указан --school-year: передайте учебный год как NN-NN, например --school-year 23-24.',
    schoolYearFormat:
      '--school-year «{{value}}» не в формате NN-NN: передайте, например, --school-year 23-24.',
    schoolYearSequence:
      '--school-year «{{value}}»: второй год должен следовать за первым, например 23-24.',
    today: '--today «{{value}}» не является датой в формате YYYY-MM-DD.',
    timeZone:
      '--timezone «{{value}}» не является известным часовым поясом (например, America/Los_Angeles).',
    motColumnRef:
      'Карта столбцов: «{{field}}» {{ref}} не является номером, буквой или заголовком столбца.',
    motColumnField: 'Карта столбцов: «{{field}}» не является известным полем.',
    motHeaderNotFound:
      'Карта столбцов: нет заголовка «{{header}}» (для {{field}}) в строках 1-2 листа {{tab}}.',
    motColumnOutOfRange:
      'Карта столбцов: {{field}} — столбец {{column}}, правее последнего столбца {{last}} листа {{tab}}: все его ячейки были бы пустыми.',
    motHeaderAmbiguous:
      'Карта столбцов: заголовок «{{header}}» (для {{field}}) есть в нескольких столбцах листа {{tab}} ({{columns}}): укажите {{field}} буквой столбца.',
    trackerHeader: 'В {{tab}}!{{cell}} должен быть заголовок «{{expected}}», а там «{{found}}».',
    trackerNoHeader: 'На листе {{tab}} {{rows}} строк данных, но нет строки заголовков 4 (B4:S4).',
    duplicateIn: 'Повторяющиеся job_candidate_id на листе {{tab}}: {{ids}}',
  },
  log: {
    reading: 'Чтение MOT {{mot}} и трекера {{tracker}}',
    read: 'MOT: строк {{mot}} (зачёркнуто {{struck}}); Cleared: {{cleared}} идентификаторов; трекер: строк {{tracker}}',
    dryRun: 'Пробный запуск: ничего не записывается.',
    backup: 'Резервная копия листа трекера: {{path}}',
    nothingToRefresh: 'Изменений нет. Обновлять нечего.',
    wroteRows: 'Записано строк: {{count}} и «{{stamp}}» на лист {{tab}}',
    wroteStamp: 'Записано «{{stamp}}» на лист {{tab}}',
    writeFailed: 'Запись трекера не удалась: {{reason}}',
    restored: 'Лист трекера восстановлен из {{path}}',
    mailSent: 'Письмо-уведомление отправлено: {{to}} ({{target}})',
    mailFailed: 'Письмо-уведомление для {{to}} не отправлено: {{reason}}',
    slackSent: 'Уведомление в Slack отправлено ({{target}})',
    slackFailed: 'Уведомление в Slack не отправлено: {{reason}}',
    notifyFailed: 'Уведомление не удалось отправить: {{reason}}',
    noNotification: 'Уведомления не настроены (NOTIF_TO_ADDRESS / MAIL_TO, SLACK_WEBHOOK_URL).',
  },
  ui: {
    progress: { sync: 'синхронизация', rows: 'строк MOT', changes: 'изменений' },
    summary: {
      title:
        'Трекер {{year}}: добавлено {{appended}}, обновлено {{updated}} (ключевых изменений {{keyChanges}}), отозвано {{rescinded}}, без изменений {{unchanged}}',
      calls: 'Вызовов Google API: {{count}}',
      dryRunTitle: 'Изменения, которые внесёт синхронизация ({{count}}):',
      noChanges: 'Изменений нет.',
      columns: {
        change: 'Изменение',
        id: 'Id кандидата',
        field: 'Поле',
        from: 'Было',
        to: 'Стало',
      },
      kinds: { append: 'добавление', update: 'обновление', key: 'ключевое', rescind: 'отзыв' },
      appendedValue: '{{first}} {{last}}, {{location}}, начало {{start}}',
    },
  },
  mail: {
    subjectSuccess: 'Tech On-boarding Tracker - {{year}} - Успех',
    subjectError: 'Tech On-boarding Tracker - {{year}} - Ошибка',
    bodySuccess: 'Синхронизация Tech On-boarding Tracker за {{year}} выполнена успешно.',
    bodyError:
      'Синхронизация Tech On-boarding Tracker за {{year}} завершилась с ошибкой: {{reason}}',
    logTitle: 'Журнал:',
    changesTitle: 'Изменения:',
    newHires: 'Новые сотрудники ({{count}}):',
    keyChanges: 'Изменения Start Date / Pay Location ({{count}}):',
    rescinds: 'Отозванные предложения ({{count}}):',
    none: 'нет',
    keyChange: '{{id}}: {{field}} {{from}} -> {{to}}',
  },
} satisfies Catalog;
