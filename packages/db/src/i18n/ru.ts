import type { Catalog } from '@toolbelt/i18n';

/** Russian texts of the `db` namespace. */
export const ru = {
  errors: {
    unreachable: 'База данных {{target}} недоступна: {{message}}',
    unreachableHint: 'Проверьте, что сервер запущен и что DATABASE_URL указывает на него',
    auth: 'База данных {{target}} отклонила учётные данные: {{message}}',
    authHint: 'Проверьте имя пользователя и пароль в DATABASE_URL',
    noDatabase: 'База данных {{target}}: {{message}}',
    noDatabaseHint: 'Создайте базу данных или исправьте её имя в DATABASE_URL',
    unavailable: 'База данных {{target}} не отвечает: {{message}}',
    busy: 'База данных {{target}} перегружена: {{message}}',
    busyHint: 'Повторите позже',
    sql: 'Ошибка SQL {{sqlState}}: {{message}}',
    other: 'База данных {{target}}: {{message}}',
    urlInvalid: 'DATABASE_URL не является правильным URL',
    urlScheme: 'DATABASE_URL должен начинаться с postgres:// или postgresql:// (получено {{url}})',
    urlHint: 'Используйте postgres://пользователь:пароль@хост:5432/база',
    embeddedOpen: 'Не удалось открыть встроенную базу данных в {{dataDir}}: {{message}}',
    embeddedOpenHint: 'Проверьте, что в папку можно писать и что её не занял другой процесс',
    noConnectionString:
      'У встроенной базы данных нет строки подключения; задайте DATABASE_URL, чтобы работать с общим сервером PostgreSQL',
    ownerLost: 'Процесс, открывший встроенную базу данных {{target}}, завершился, не ответив',
    ownerLostHint: 'Запустите команду ещё раз',
    ownerNoTransaction: 'Нет открытой транзакции {{id}}',
    ownerUnknownCall: 'Владелец базы не отвечает на «{{name}}»',
    ownerUnknownRequest: 'Неизвестный запрос',
    ownerFailed: 'Ошибка у владельца встроенной базы данных: {{message}}',
    transactionFinished: 'Эта транзакция уже завершена',
    migrationFailed: 'Миграция {{migration}} не выполнена: {{message}}',
    migrationList: 'Неверный список миграций:',
    migrationListHint:
      'Дайте миграциям идентификаторы с ведущими нулями в порядке применения, например 0001-create-users',
    identifier: 'Недопустимый идентификатор SQL {{name}}',
    copyNoColumns: 'copyFrom требует хотя бы один столбец',
    copyRowWidth: 'В строке для COPY {{values}} значений, а столбцов названо {{columns}}',
    copyInvalidDate: 'Нельзя загрузить неверную дату (Invalid Date)',
    copyValueType: 'Нельзя загрузить значение типа {{type}}',
  },
  problems: {
    migrationNoId: 'у миграции №{{number}} нет идентификатора',
    migrationOrder:
      '«{{id}}» должна идти после «{{previous}}» (идентификаторы по возрастанию, без повторов)',
  },
  log: {
    waiting: 'ожидание: {{command}} (pid {{pid}}) занимает {{dataDir}}, ждём освобождения',
  },
} satisfies Catalog;
