import type { Bilingual } from '@toolbelt/i18n';
import { connectorMessages } from '@toolbelt/connector';
import { etlMessages } from '@toolbelt/etl';

/** The app's own texts (namespace `connector-template`). */
export const appMessages: Bilingual = {
  en: {
    jobs: {
      added: 'Added job {{id}} ({{name}}).',
      updated: 'Updated job {{id}} ({{name}}).',
      updatedByName:
        'Job {{id}} already has the name {{name}}: updated it from the file (history kept).',
      removed: 'Removed job {{id}} ({{name}}) with its history.',
      notRemoved: 'Job {{id}} was not removed.',
      confirmRemove: 'Remove job {{id}} ({{name}}) with its history and log rows?',
      notFound: 'There is no job {{id}}: see `connector-template jobs list`.',
      notJson: 'The job file {{file}} is not JSON: check its brackets, commas and quotes.',
      none: 'No jobs yet: add one with `connector-template jobs add --file job.json`.',
      invalid: 'The job file {{file}} is invalid.',
      unreadable: 'The job file {{file}} cannot be read as JSON.',
      headers: {
        id: 'ID',
        name: 'NAME',
        source: 'SOURCE',
        destination: 'DESTINATION',
        method: 'METHOD',
        field: 'FIELD',
        value: 'VALUE',
        mapping: 'MAPPING',
      },
      methods: { append: 'append', replace: 'replace' },
    },
    run: {
      noJob: "Unable to start job. Environment variable was not provided: 'JOB_ID'",
      needJob: 'Which job? Pass --job N (see `connector-template jobs list`) or set JOB_ID.',
      stageLine: '{{kind}} ({{connector}}): {{status}}, {{rows}} rows. {{message}}',
      progress: 'job',
      progressRead: 'read',
      progressBatches: 'batches',
      progressLoaded: 'loaded',
      cancelled:
        'Stopped after {{read}} rows read and {{loaded}} loaded; the next run of the job marks this run Failed.',
      historyRequired:
        '--stage destination needs --history <id> (the history whose batches to load).',
      historyWithSource: '--history goes with --stage destination only.',
      dryRunDestination:
        '--dry-run reads the source only; it cannot be used with --stage destination.',
      stage: '{{stage}}: {{message}}',
      sourceOnly:
        'Source finished: history {{history}}. Load it with: connector-template run --job {{job}} --stage destination --history {{history}}',
    },
    check: {
      ok: 'ok',
      failed: 'FAILED',
      line: '{{status}}  {{stage}} {{name}}: {{message}}',
      allOk: 'Every check passed.',
      someFailed: 'Some checks failed.',
    },
    history: {
      none: 'No job history yet.',
      jobNotFound: 'There is no job {{id}}: see `connector-template jobs list`.',
      historyNotFound: 'There is no run {{id}}: see `connector-template history`.',
      headers: {
        id: 'HISTORY',
        job: 'JOB',
        status: 'STATUS',
        rows: 'ROWS',
        started: 'STARTED',
        finished: 'FINISHED',
      },
      logHeaders: { time: 'TIME', type: 'TYPE', connector: 'CONNECTOR', text: 'MESSAGE' },
    },
    scaffold: {
      invalidName: "'{{name}}' is not a connector name: use lower-case words joined by dashes.",
      exists: 'The folder {{dir}} already exists and is not empty.',
      created:
        'Created the {{kind}} connector {{name}} in {{dir}} and its registry entry in {{registry}}.',
      next: 'Next: build it (pnpm build) and test it (pnpm test) in {{dir}}.',
    },
  },
  ru: {
    jobs: {
      added: 'Добавлено задание {{id}} ({{name}}).',
      updated: 'Задание {{id}} ({{name}}) обновлено.',
      updatedByName:
        'Задание {{id}} уже называется {{name}}: оно обновлено из файла (история сохранена).',
      removed: 'Задание {{id}} ({{name}}) удалено вместе с историей.',
      notRemoved: 'Задание {{id}} не удалено.',
      confirmRemove: 'Удалить задание {{id}} ({{name}}) вместе с историей и журналом?',
      notFound: 'Задания {{id}} нет: см. `connector-template jobs list`.',
      notJson: 'Файл задания {{file}} не является JSON: проверьте скобки, запятые и кавычки.',
      none: 'Заданий пока нет: добавьте командой `connector-template jobs add --file job.json`.',
      invalid: 'Файл задания {{file}} содержит ошибки.',
      unreadable: 'Файл задания {{file}} не читается как JSON.',
      headers: {
        id: 'ID',
        name: 'НАЗВАНИЕ',
        source: 'ИСТОЧНИК',
        destination: 'ПРИЁМНИК',
        method: 'МЕТОД',
        field: 'ПОЛЕ',
        value: 'ЗНАЧЕНИЕ',
        mapping: 'СОПОСТАВЛЕНИЕ',
      },
      methods: { append: 'добавление', replace: 'замена' },
    },
    run: {
      noJob: "Невозможно запустить задание. Не задана переменная окружения: 'JOB_ID'",
      needJob:
        'Какое задание? Передайте --job N (см. `connector-template jobs list`) или задайте JOB_ID.',
      stageLine: '{{kind}} ({{connector}}): {{status}}, строк: {{rows}}. {{message}}',
      progress: 'задание',
      progressRead: 'прочитано',
      progressBatches: 'пакетов',
      progressLoaded: 'загружено',
      cancelled:
        'Остановлено: прочитано строк {{read}}, загружено {{loaded}}; следующий запуск задания отметит этот запуск как Failed.',
      historyRequired:
        '--stage destination требует --history <id> (история, пакеты которой загружать).',
      historyWithSource: '--history используется только с --stage destination.',
      dryRunDestination:
        '--dry-run читает только источник; его нельзя сочетать с --stage destination.',
      stage: '{{stage}}: {{message}}',
      sourceOnly:
        'Источник завершён: история {{history}}. Загрузите её: connector-template run --job {{job}} --stage destination --history {{history}}',
    },
    check: {
      ok: 'ок',
      failed: 'ОШИБКА',
      line: '{{status}}  {{stage}} {{name}}: {{message}}',
      allOk: 'Все проверки пройдены.',
      someFailed: 'Некоторые проверки не пройдены.',
    },
    history: {
      none: 'Истории заданий пока нет.',
      jobNotFound: 'Задания {{id}} нет: см. `connector-template jobs list`.',
      historyNotFound: 'Запуска {{id}} нет: см. `connector-template history`.',
      headers: {
        id: 'ИСТОРИЯ',
        job: 'ЗАДАНИЕ',
        status: 'СТАТУС',
        rows: 'СТРОК',
        started: 'НАЧАЛО',
        finished: 'КОНЕЦ',
      },
      logHeaders: { time: 'ВРЕМЯ', type: 'ТИП', connector: 'КОННЕКТОР', text: 'СООБЩЕНИЕ' },
    },
    scaffold: {
      invalidName:
        "'{{name}}' не подходит как имя коннектора: используйте строчные слова через дефис.",
      exists: 'Папка {{dir}} уже существует и не пуста.',
      created:
        'Создан коннектор {{name}} ({{kind}}) в {{dir}} и его запись в реестре {{registry}}.',
      next: 'Дальше: соберите (pnpm build) и проверьте (pnpm test) в {{dir}}.',
    },
  },
};

/** Every namespace the commands use; `connector-template` is the default. */
export const catalogs: Record<string, Bilingual> = {
  'connector-template': appMessages,
  connector: connectorMessages,
  etl: etlMessages,
};
