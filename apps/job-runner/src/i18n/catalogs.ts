import type { Bilingual } from '@toolbelt/i18n';

const en = {
  list: {
    header: 'Jobs ({{count}})',
    none: 'No jobs found. Put job modules or executables with a .job.json sidecar in {{dirs}}.',
  },
  describe: {
    fields: 'Fields:',
    noFields: 'No fields.',
    required: 'required',
    secret: 'secret',
    default: 'default {{value}}',
    options: 'one of {{options}}',
  },
  run: {
    queued: 'Run {{id}} of {{job}} is queued.',
    started: 'Run {{id}} of {{job}} started.',
    finished: 'Run {{id}} {{status}}{{exit}}.',
    exitCode: ' with exit code {{code}}',
    prompt: '{{label}}',
  },
  runs: { none: 'No runs.', header: 'ID  STATUS  JOB  STARTED  PARAMETERS' },
  cancel: {
    requested: 'Cancel of run {{id}} requested (status {{status}}).',
    finished: 'Run {{id}} has already finished ({{status}}).',
  },
  prune: { done: 'Deleted {{count}} finished runs older than {{olderThan}}.' },
  doctor: {
    ok: '{{count}} jobs found; every candidate has complete metadata.',
    problems: '{{count}} candidates are not listed:',
    database: 'Database: {{kind}}',
  },
  serve: { listening: 'Job runner web UI on {{url}}', stopped: 'Server stopped.' },
  worker: {
    started: 'Worker taking runs from the queue ({{concurrency}} at a time). Stop with Ctrl-C.',
    stopped: 'Worker stopped.',
  },
  errors: {
    params: 'Invalid parameters for {{job}}: {{problems}}',
    noJob: 'No job named "{{job}}" (see job-runner list).',
    noRun: 'No run {{run}}.',
    badSet: 'Use --set name=value (got "{{item}}").',
    badDuration: 'Use a duration like 30d, 12h or 90m (got "{{value}}").',
    queueNeedsPostgres: 'The run queue needs PostgreSQL: set DATABASE_URL.',
    detachNeedsPostgres:
      'Queued runs need PostgreSQL (DATABASE_URL); with the embedded database the run lives in this process.',
    needSecretKey:
      'Set JOB_RUNNER_SECRET_KEY (shared by serve and the workers) to queue runs with secret parameters.',
    secretKey:
      'The secret parameters of this run cannot be opened: JOB_RUNNER_SECRET_KEY differs from the one that queued it.',
    needToken:
      'Serving on {{host}} needs a login token: set JOB_RUNNER_TOKEN (or serve on 127.0.0.1).',
    workerNeedsPostgres:
      'job-runner worker takes runs from PostgreSQL: set DATABASE_URL. With the embedded database, serve executes runs itself.',
  },
  web: {
    title: 'Job runner',
    jobs: 'Jobs',
    history: 'History',
    execute: 'Execute',
    required: 'required',
    status: 'Status',
    exitCode: 'Exit code',
    reason: 'Reason',
    job: 'Job',
    run: 'Run',
    started: 'Started',
    parameters: 'Parameters',
    search: 'Search',
    rerun: 'Re-run',
    cancel: 'Cancel',
    earlier: 'Earlier lines',
    lines: '{{count}} lines',
    noJobs: 'No jobs in the library.',
    noRuns: 'No runs yet.',
    login: 'Log in',
    token: 'Token',
    badToken: 'Wrong token.',
    notFound: 'Not found.',
    badCsrf: 'The form has expired or did not come from this site: reload the page and try again.',
    anyStatus: 'any status',
    anyJob: 'any job',
    live: 'live',
    badOrigin: 'This request did not come from a page of this site, so it was refused.',
    badHost:
      'This server does not answer to the name {{host}}. Open it by its own address, or add the name to JOB_RUNNER_ALLOWED_HOSTS.',
    tooLarge: 'The form is larger than {{limit}} bytes.',
    throttled: 'Too many wrong tokens from your address: try again in {{seconds}} s.',
    loginRequired: 'Log in first.',
  },
  statuses: {
    queued: 'queued',
    running: 'running',
    succeeded: 'succeeded',
    failed: 'failed',
    cancelled: 'cancelled',
  },
};

const ru: typeof en = {
  list: {
    header: 'Задания ({{count}})',
    none: 'Задания не найдены. Положите модули заданий или исполняемые файлы с описанием .job.json в {{dirs}}.',
  },
  describe: {
    fields: 'Поля:',
    noFields: 'Полей нет.',
    required: 'обязательно',
    secret: 'секрет',
    default: 'по умолчанию {{value}}',
    options: 'одно из {{options}}',
  },
  run: {
    queued: 'Запуск {{id}} задания {{job}} поставлен в очередь.',
    started: 'Запуск {{id}} задания {{job}} начат.',
    finished: 'Запуск {{id}}: {{status}}{{exit}}.',
    exitCode: ', код выхода {{code}}',
    prompt: '{{label}}',
  },
  runs: { none: 'Запусков нет.', header: 'ID  СТАТУС  ЗАДАНИЕ  НАЧАЛО  ПАРАМЕТРЫ' },
  cancel: {
    requested: 'Запрошена отмена запуска {{id}} (статус {{status}}).',
    finished: 'Запуск {{id}} уже завершён ({{status}}).',
  },
  prune: { done: 'Удалено завершённых запусков старше {{olderThan}}: {{count}}.' },
  doctor: {
    ok: 'Найдено заданий: {{count}}; у всех кандидатов полные метаданные.',
    problems: 'Не попали в список ({{count}}):',
    database: 'База данных: {{kind}}',
  },
  serve: { listening: 'Веб-интерфейс запуска заданий: {{url}}', stopped: 'Сервер остановлен.' },
  worker: {
    started:
      'Обработчик берёт запуски из очереди (по {{concurrency}} одновременно). Остановка: Ctrl-C.',
    stopped: 'Обработчик остановлен.',
  },
  errors: {
    params: 'Неверные параметры задания {{job}}: {{problems}}',
    noJob: 'Задания «{{job}}» нет (см. job-runner list).',
    noRun: 'Запуска {{run}} нет.',
    badSet: 'Используйте --set имя=значение (получено «{{item}}»).',
    badDuration: 'Укажите срок вида 30d, 12h или 90m (получено «{{value}}»).',
    queueNeedsPostgres: 'Очереди запусков нужен PostgreSQL: задайте DATABASE_URL.',
    detachNeedsPostgres:
      'Запуск в очередь требует PostgreSQL (DATABASE_URL); со встроенной базой запуск живёт в этом процессе.',
    needSecretKey:
      'Задайте JOB_RUNNER_SECRET_KEY (общий для serve и обработчиков), чтобы ставить в очередь запуски с секретными параметрами.',
    secretKey:
      'Секретные параметры запуска не открываются: JOB_RUNNER_SECRET_KEY отличается от того, с которым запуск поставлен в очередь.',
    needToken:
      'Для адреса {{host}} нужен токен входа: задайте JOB_RUNNER_TOKEN (или используйте 127.0.0.1).',
    workerNeedsPostgres:
      'job-runner worker берёт запуски из PostgreSQL: задайте DATABASE_URL. Со встроенной базой serve выполняет запуски сам.',
  },
  web: {
    title: 'Запуск заданий',
    jobs: 'Задания',
    history: 'История',
    execute: 'Выполнить',
    required: 'обязательно',
    status: 'Статус',
    exitCode: 'Код выхода',
    reason: 'Причина',
    job: 'Задание',
    run: 'Запуск',
    started: 'Начало',
    parameters: 'Параметры',
    search: 'Найти',
    rerun: 'Повторить',
    cancel: 'Отменить',
    earlier: 'Более ранние строки',
    lines: 'строк: {{count}}',
    noJobs: 'В библиотеке нет заданий.',
    noRuns: 'Запусков ещё не было.',
    login: 'Войти',
    token: 'Токен',
    badToken: 'Неверный токен.',
    notFound: 'Не найдено.',
    badCsrf: 'Форма устарела или пришла не с этого сайта: обновите страницу и попробуйте снова.',
    anyStatus: 'любой статус',
    anyJob: 'любое задание',
    live: 'в реальном времени',
    badOrigin: 'Запрос пришёл не со страницы этого сайта и отклонён.',
    badHost:
      'Этот сервер не отвечает на имя {{host}}. Откройте его по его собственному адресу или добавьте имя в JOB_RUNNER_ALLOWED_HOSTS.',
    tooLarge: 'Форма больше {{limit}} байт.',
    throttled: 'Слишком много неверных токенов с вашего адреса: повторите через {{seconds}} с.',
    loginRequired: 'Сначала войдите.',
  },
  statuses: {
    queued: 'в очереди',
    running: 'выполняется',
    succeeded: 'успешно',
    failed: 'ошибка',
    cancelled: 'отменён',
  },
};

/** The job runner's message catalogs (namespace `job-runner`). */
export const catalogs: Record<string, Bilingual> = { 'job-runner': { en, ru } };
