import type { Catalog } from '@toolbelt/i18n';

export const ru = {
  errors: {
    noTestServer:
      'Этому прогону тестов не передан сервер PostgreSQL: добавьте глобальную настройку testkit в vitest.config.ts',
    badDatabaseName: 'Недопустимое имя базы данных "{{name}}" (используйте a-z, 0-9 и _)',
    databaseUrlInvalid: 'DATABASE_URL не является правильным URL',
    binariesMissing: 'Программы сервера PostgreSQL (initdb, pg_ctl) не найдены в {{places}}',
    noPostgresUser:
      'Запуск от root, но нет пользователя "postgres", от имени которого запустить тестовый кластер',
    clusterFailed: 'Не удалось запустить тестовый кластер PostgreSQL: {{detail}}',
  },
  hints: {
    globalSetup:
      "test: { globalSetup: [fileURLToPath(import.meta.resolve('@toolbelt/testkit/vitest-postgres'))] }",
    installPostgres:
      'Установите их командой `apt-get install postgresql` или задайте DATABASE_URL существующего сервера',
    installCreatesUser:
      'Установите сервер командой `apt-get install postgresql` (она создаёт пользователя)',
  },
  ui: {
    nothingToSearch: '(искать негде)',
  },
} satisfies Catalog;
