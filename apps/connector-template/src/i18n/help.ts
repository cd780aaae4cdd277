import type { HelpCatalog } from '@toolbelt/cli-kit';

/** English help texts by command id (the command classes read them). */
export const helpEn = {
  run: {
    summary: 'Run a job: its source connector, then its destination connector.',
    description:
      'The job comes from --job or JOB_ID. --stage runs one stage alone (each stage can run in its own container or CI step); the destination stage loads the batches of --history. --dry-run reads the source and reports what would be loaded.',
    flags: {
      job: 'Job id (default: env JOB_ID).',
      stage: 'Run only this stage.',
      history: 'History whose batches the destination stage loads.',
      'dry-run': 'Read the source and report what would be loaded; write nothing.',
      registry: 'Connector registry file (default ./connectors.yaml when present).',
      'no-wait':
        'Fail at once (exit 75, naming the holder) when another run has the embedded database open, instead of waiting for it.',
    },
  },
  check: {
    summary: 'Check a job without moving data: env, registry, credentials, store and reachability.',
    flags: {
      job: 'Job id (default: env JOB_ID).',
      registry: 'Connector registry file (default ./connectors.yaml when present).',
    },
  },
  history: {
    summary: 'Show job runs (history rows), or the log rows of one run.',
    flags: {
      job: 'Only this job.',
      history: 'Show the log rows of this run.',
      limit: 'Most rows to show.',
    },
  },
  new: {
    summary: 'Scaffold a new connector package: run() code, a passing test, its registry entry.',
    args: { name: 'Connector name (lower-case words joined by dashes).' },
    flags: {
      kind: 'Source or destination connector.',
      dir: 'Folder that receives the package folder.',
      registry: 'Registry file that gets the entry.',
      'sdk-version':
        "Dependency spec of @toolbelt/connector (default workspace:* inside a pnpm workspace, else ^<this tool's version>).",
    },
  },
  'jobs:add': {
    summary: 'Add a job from a JSON file; its credentials are stored encrypted with MASTER_HASH.',
    description:
      'A job with the same name is updated in place (same id, history kept), so adding the same file twice does not make a second job. CSV paths in the file are relative to the file.',
    flags: { file: 'The job definition (JSON).' },
  },
  'jobs:list': { summary: 'List the jobs (never their credentials).' },
  'jobs:show': {
    summary: 'Show one job (never its credentials).',
    args: { id: 'Job id (see jobs list).' },
  },
  'jobs:update': {
    summary: 'Replace a job with the definition in a JSON file (same id, history kept).',
    flags: { file: 'The job definition (JSON).' },
    args: { id: 'Job id (see jobs list).' },
  },
  'jobs:remove': {
    summary: 'Remove a job with its history and log rows.',
    flags: { yes: 'Do not ask for confirmation (needed without a terminal).' },
    args: { id: 'Job id (see jobs list).' },
  },
} as const satisfies HelpCatalog;

/** Russian help texts by command id; English stays in the command classes. */
export const helpRu: HelpCatalog = {
  run: {
    summary: 'Выполнить задание: коннектор-источник, затем коннектор-приёмник.',
    description:
      'Задание берётся из --job или JOB_ID. --stage выполняет один этап (каждый этап может идти в своём контейнере или шаге CI); этап приёмника загружает пакеты истории --history. --dry-run читает источник и сообщает, что было бы загружено.',
    flags: {
      job: 'Номер задания (по умолчанию переменная JOB_ID).',
      stage: 'Выполнить только этот этап.',
      history: 'История, пакеты которой загружает этап приёмника.',
      'dry-run': 'Прочитать источник и сообщить, что было бы загружено; ничего не записывать.',
      registry: 'Файл реестра коннекторов (по умолчанию ./connectors.yaml, если есть).',
      'no-wait':
        'Сразу завершиться (код 75, с именем владельца), если встроенную базу открыл другой запуск, а не ждать.',
    },
  },
  check: {
    summary:
      'Проверить задание, не перенося данные: окружение, реестр, учётные данные, хранилище и доступность.',
    flags: {
      job: 'Номер задания (по умолчанию переменная JOB_ID).',
      registry: 'Файл реестра коннекторов (по умолчанию ./connectors.yaml, если есть).',
    },
  },
  history: {
    summary: 'Показать запуски заданий (строки истории) или журнал одного запуска.',
    flags: {
      job: 'Только это задание.',
      history: 'Показать журнал этого запуска.',
      limit: 'Сколько строк показать.',
    },
  },
  new: {
    summary: 'Создать пакет нового коннектора: код run(), проходящий тест, запись в реестре.',
    args: { name: 'Имя коннектора (строчные слова через дефис).' },
    flags: {
      kind: 'Коннектор-источник или коннектор-приёмник.',
      dir: 'Папка, в которой создаётся папка пакета.',
      registry: 'Файл реестра, в который добавляется запись.',
      'sdk-version':
        'Версия @toolbelt/connector в зависимостях (по умолчанию workspace:* внутри pnpm workspace, иначе ^<версия этой программы>).',
    },
  },
  'jobs:add': {
    summary:
      'Добавить задание из JSON-файла; учётные данные хранятся зашифрованными ключом MASTER_HASH.',
    description:
      'Задание с тем же именем обновляется на месте (тот же номер, история сохраняется), поэтому повторное добавление того же файла не создаёт второе задание. Пути к CSV в файле отсчитываются от папки файла.',
    flags: { file: 'Описание задания (JSON).' },
  },
  'jobs:list': { summary: 'Список заданий (без учётных данных).' },
  'jobs:show': {
    summary: 'Показать одно задание (без учётных данных).',
    args: { id: 'Номер задания (см. jobs list).' },
  },
  'jobs:update': {
    summary: 'Заменить задание определением из JSON-файла (номер и история сохраняются).',
    flags: { file: 'Определение задания (JSON).' },
    args: { id: 'Номер задания (см. jobs list).' },
  },
  'jobs:remove': {
    summary: 'Удалить задание вместе с историей и журналом.',
    flags: { yes: 'Не спрашивать подтверждения (нужно без терминала).' },
    args: { id: 'Номер задания (см. jobs list).' },
  },
};
