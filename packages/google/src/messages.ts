/**
 * Messages of the `google` i18n namespace (en + ru). Errors thrown by this package carry
 * `key: 'google:errors.<name>'` and `params` so the CLI shell renders them in the user's language.
 */
export const googleCatalog = {
  en: {
    errors: {
      noCredentials:
        'No Google credentials: set {{variables}} to a service-account key file or an OAuth desktop client file, or GOOGLE_ACCESS_TOKEN.',
      credentialsFileMissing:
        'The Google credentials file {{file}} (from {{variable}}) does not exist.',
      credentialsFileInvalid:
        'The Google credentials file {{file}} (from {{variable}}) is not a service-account key or an OAuth client file: {{reason}}',
      oauthNeedsTerminal:
        'Google sign-in is needed and this is not an interactive terminal: run the command once at a terminal to sign in (the token is then cached in {{tokenFile}}), or use a service-account key in {{variable}}.',
      refused: 'Google refused the credentials from {{source}} for {{method}}: {{message}}',
      permission:
        'Google denied access for {{method}} with the credentials from {{source}}: {{message}}. Share the spreadsheet or calendar with that account.',
      rateLimited:
        'Google rate-limited {{method}} and retries did not get through within {{seconds}} s: try again later.',
      rateLimitedRetryAfter:
        'Google rate-limited {{method}} and asked to retry after {{retryAfterSeconds}} s, beyond the retry budget of {{budgetSeconds}} s, so it was not retried again (attempts: {{attempts}}): try again later.',
      quota: 'The Google API quota for {{method}} is used up: {{message}}. Try again later.',
      unavailable: 'Google did not answer {{method}} after {{attempts}} attempts: {{message}}',
      notFound:
        'Google found nothing for {{method}} ({{target}}): check the id and that it is shared with the account in use.',
      badRequest: 'Google rejected {{method}}: {{message}}',
      tabMissing: 'Tab(s) {{missing}} not found in {{location}}; it has: {{existing}}.',
      notSpreadsheet:
        '{{input}} is neither a Google spreadsheet id or URL nor a path to an .xlsx file.',
      // Our words; the library's own text is the error's cause (the log, --json `cause`).
      xlsxUnreadable:
        '{{path}} is not an .xlsx workbook that can be read: open it in a spreadsheet program and save it as .xlsx.',
      icsUnreadable: 'Cannot read the calendar file {{path}}: {{message}}',
      badRange: 'Bad range {{range}} for tab {{tab}}.',
    },
  },
  ru: {
    errors: {
      noCredentials:
        'Нет учётных данных Google: укажите в {{variables}} файл ключа сервисного аккаунта или файл OAuth-клиента для настольного приложения, либо задайте GOOGLE_ACCESS_TOKEN.',
      credentialsFileMissing:
        'Файл учётных данных Google {{file}} (из {{variable}}) не существует.',
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
    },
  },
} as const;

/** Fill `{{name}}` placeholders of an English message (the `message` of a ToolbeltError). */
export function englishMessage(
  name: keyof (typeof googleCatalog)['en']['errors'],
  params: Record<string, unknown>,
): string {
  return googleCatalog.en.errors[name].replace(/\{\{(\w+)\}\}/g, (_, k: string) =>
    String(params[k] ?? ''),
  );
}
