import type { Catalog } from '@toolbelt/i18n';

export const ru = {
  errors: {
    envMissing: "Невозможно запустить задание. Не задана переменная окружения: '{{name}}'",
    jobNotFound: 'Задание не найдено: {{id}}',
    credentialMissing: "Невозможно запустить задание. Не задан ключ учётных данных: '{{name}}'",
    credentialsUnreadable: 'Не удалось расшифровать учётные данные задания: проверьте MASTER_HASH.',
    connectorNotRegistered: "Коннектора '{{id}}' нет в реестре {{file}}.",
    connectorUnknown: "Коннектор типа {{kind}} с именем '{{id}}' не установлен.",
    runNotOverridden: 'Коннектор {{name}} не переопределяет run(): поместите свой код в run().',
    replaceNotSupported: 'Коннектор {{name}} не умеет очищать приёмник для задания с заменой.',
    historyMissing: 'История {{id}} задания {{job}} не найдена.',
    notADate: "Это не дата: '{{value}}'",
    registryInvalid: 'Реестр коннекторов {{file}} содержит ошибки.',
    registryMissing: 'Не удаётся прочитать реестр коннекторов {{file}}.',
    registryNotYaml: 'Реестр коннекторов {{file}} не является правильным YAML.',
    objectMissing: 'Объект не найден: {{key}}',
    s3Failed: 'Ошибка S3 при операции {{action}}: {{reason}}',
    rowNotJson: 'Строку нельзя записать в JSON.',
    batchNotJson: 'Пакет {{key}} не является правильным JSON.',
    batchNotList: 'Пакет {{key}} не является списком строк.',
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
  problems: {
    registryNotList: '{{file}} должен содержать список коннекторов.',
    registryNoId: '{{where}}: не задан connector_id.',
    registryTwice: '{{where}}: указан дважды.',
    registryNames: '{{where}}: {{field}} должен быть списком имён.',
    jobNotObject: 'Файл задания должен содержать один объект JSON.',
    jobName: 'name должен быть непустой строкой.',
    endNotObject: '{{where}} должен быть объектом с полями connector и object.',
    endConnector: '{{where}}.connector должен быть идентификатором коннектора.',
    endObject: '{{where}}.object должен быть строкой.',
    endOptions: '{{where}}.options должен быть объектом.',
    endCredentials: '{{where}}.credentials должен сопоставлять имена строкам.',
    boundSelection: '{{where}}.selection должен быть одним из: {{selections}}.',
    boundValue: '{{where}}.value должен быть датой (YYYY-MM-DD или метка времени ISO) для Custom.',
    filterColumn: 'filter.column должен быть именем столбца.',
    filterOffset: 'filter.timezoneOffset должен быть числом часов.',
    updateMethod: 'updateMethod должен быть append или replace.',
    mappingNotList: '{{field}} должен быть списком {column, mapped}.',
    mappingColumn: '{{field}}[{{index}}].column должен быть непустой строкой.',
    mappingTwice: "{{field}}[{{index}}].column '{{column}}' встречается дважды.",
    mappingMapped: '{{field}}[{{index}}].mapped должен быть строкой.',
  },
  log: {
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
    dryRun:
      'Пробный запуск: было бы загружено строк: {{rows}}, пакетов: {{batches}} ({{bytes}} байт).',
    historyInterrupted:
      'История {{id}} осталась в состоянии Running после запуска, который не завершился; отмечена как Failed.',
    alreadyLoaded:
      'История {{history}} уже загружена в {{object}} (строк: {{rows}}); повторно ничего не загружено.',
  },
} satisfies Catalog;
