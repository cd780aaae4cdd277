import type { Catalog } from '@toolbelt/i18n';

/** Russian texts of `@toolbelt/google`. */
export const ru = {
  errors: {
    noCredentials:
      'Нет учётных данных Google: укажите в {{variables}} файл ключа сервисного аккаунта или файл OAuth-клиента для настольного приложения, либо задайте GOOGLE_ACCESS_TOKEN.',
    credentialsFileMissing: 'Файл учётных данных Google {{file}} (из {{variable}}) не существует.',
    credentialsFileInvalid:
      'Файл учётных данных Google {{file}} (из {{variable}}) не является ключом сервисного аккаунта или файлом OAuth-клиента: {{reason}}',
    oauthNeedsTerminal:
      'Нужен вход в Google, но терминал не интерактивный: запустите команду один раз в терминале, чтобы войти (токен сохранится в {{tokenFile}}), или используйте ключ сервисного аккаунта в {{variable}}.',
    refused: 'Google отклонил учётные данные из {{source}} для {{method}}: {{message}}',
    permission:
      'Google запретил доступ для {{method}} с учётными данными из {{source}}: {{message}}. Откройте доступ к таблице или календарю для этого аккаунта.',
    rateLimited:
      'Google ограничил частоту запросов {{method}}, повторы не прошли за {{seconds}} с: попробуйте позже.',
    rateLimitedRetryAfter:
      'Google ограничил частоту запросов {{method}} и попросил повторить через {{retryAfterSeconds}} с, это дольше допустимых {{budgetSeconds}} с, поэтому больше повторов не было (попыток: {{attempts}}): попробуйте позже.',
    quota: 'Квота Google API для {{method}} исчерпана: {{message}}. Попробуйте позже.',
    unavailable: 'Google не ответил на {{method}} после {{attempts}} попыток: {{message}}',
    notFound:
      'Google ничего не нашёл для {{method}} ({{target}}): проверьте идентификатор и доступ для используемого аккаунта.',
    badRequest: 'Google отклонил {{method}}: {{message}}',
    tabMissing: 'Лист(ы) {{missing}} не найдены в {{location}}; есть: {{existing}}.',
    notSpreadsheet:
      '{{input}} не является ни идентификатором или ссылкой Google-таблицы, ни путём к файлу .xlsx.',
    xlsxUnreadable:
      '{{path}} не является читаемой книгой .xlsx: откройте её в программе электронных таблиц и сохраните как .xlsx.',
    icsUnreadable: 'Не удалось прочитать файл календаря {{path}}: {{message}}',
    badRange: 'Неверный диапазон {{range}} для листа {{tab}}.',
    notGoogleSheet: '{{input}} не является идентификатором или ссылкой Google-таблицы',
  },
  hints: {
    authDocs: 'См. docs/google-auth.md.',
    signInAgain: 'Проверьте файл учётных данных или войдите заново.',
  },
} satisfies Catalog;
