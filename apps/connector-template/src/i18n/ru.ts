import type { Catalog } from '@toolbelt/i18n';

export const ru = {
  errors: {
    needJob:
      'Какое задание? Передайте --job N (см. `connector-template jobs list`) или задайте JOB_ID.',
    historyRequired:
      '--stage destination требует --history <id> (история, пакеты которой загружать).',
    historyWithSource: '--history используется только с --stage destination.',
    dryRunDestination:
      '--dry-run читает только источник; его нельзя сочетать с --stage destination.',
    jobNotFound: 'Задания {{id}} нет: см. `connector-template jobs list`.',
    historyNotFound: 'Запуска {{id}} нет: см. `connector-template history`.',
    jobFileNotJson: 'Файл задания {{file}} не является JSON: проверьте скобки, запятые и кавычки.',
    jobFileInvalid: 'Файл задания {{file}} содержит ошибки.',
    notRemoved: '$t(common:errors.cancelled). Задание {{id}} не удалено.',
    invalidName:
      "'{{name}}' не подходит как имя коннектора: используйте строчные слова через дефис.",
    folderExists: 'Папка {{dir}} уже существует и не пуста.',
  },
  log: {
    added: 'Добавлено задание {{id}} ({{name}}).',
    updated: 'Задание {{id}} ({{name}}) обновлено.',
    updatedByName:
      'Задание {{id}} уже называется {{name}}: оно обновлено из файла (история сохранена).',
    removed: 'Задание {{id}} ({{name}}) удалено вместе с историей.',
    sourceOnly:
      'Источник завершён: история {{history}}. Загрузите её: connector-template run --job {{job}} --stage destination --history {{history}}',
    checkLine: '{{status}}  {{stage}} {{name}}: {{message}}',
    allOk: 'Все проверки пройдены.',
    someFailed: 'Некоторые проверки не пройдены.',
    created: 'Создан коннектор {{name}} ({{kind}}) в {{dir}} и его запись в реестре {{registry}}.',
    next: 'Дальше: соберите (pnpm build) и проверьте (pnpm test) в {{dir}}.',
    httpRequests: 'HTTP-запросов: {{count}}',
    cancelled:
      'Остановлено: прочитано строк {{read}}, загружено {{loaded}}; следующий запуск задания отметит этот запуск как Failed.',
  },
  prompts: {
    confirmRemove: 'Удалить задание {{id}} ({{name}}) вместе с историей и журналом?',
  },
  ui: {
    noJobs: 'Заданий пока нет: добавьте командой `connector-template jobs add --file job.json`.',
    noHistory: 'Истории заданий пока нет.',
    stageLine: '{{kind}} ({{connector}}): {{status}}, строк: {{rows}}. {{message}}',
    progress: { job: 'задание', read: 'прочитано', batches: 'пакетов', loaded: 'загружено' },
    check: { ok: 'ок', failed: 'ОШИБКА' },
    methods: { append: 'добавление', replace: 'замена' },
    jobHeaders: {
      id: 'ID',
      name: 'НАЗВАНИЕ',
      source: 'ИСТОЧНИК',
      destination: 'ПРИЁМНИК',
      method: 'МЕТОД',
      field: 'ПОЛЕ',
      value: 'ЗНАЧЕНИЕ',
      mapping: 'СОПОСТАВЛЕНИЕ',
    },
    historyHeaders: {
      id: 'ИСТОРИЯ',
      job: 'ЗАДАНИЕ',
      status: 'СТАТУС',
      rows: 'СТРОК',
      started: 'НАЧАЛО',
      finished: 'КОНЕЦ',
    },
    logHeaders: { time: 'ВРЕМЯ', type: 'ТИП', connector: 'КОННЕКТОР', text: 'СООБЩЕНИЕ' },
  },
} satisfies Catalog;
