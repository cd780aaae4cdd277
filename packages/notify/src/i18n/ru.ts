import type { Catalog } from '@toolbelt/i18n';

/** Russian texts of `@toolbelt/notify`. */
export const ru = {
  errors: {
    smtp: {
      auth: 'Почтовый сервер {{target}} отклонил вход пользователя {{user}}: {{reason}}',
      unreachable: 'Не удаётся подключиться к почтовому серверу {{target}}: {{reason}}',
      timeout: 'Почтовый сервер {{target}} не ответил вовремя: {{reason}}',
      deferred: 'Почтовый сервер {{target}} отложил письмо; повторите позже: {{reason}}',
      deferredRetried:
        'Почтовый сервер {{target}} откладывал письмо {{attempts}} раз(а); повторите позже: {{reason}}',
      recipientsRejected:
        'Почтовый сервер {{target}} отклонил получателей {{recipients}}: {{reason}}',
      senderRejected: 'Почтовый сервер {{target}} отклонил отправителя {{from}}: {{reason}}',
      messageRejected: 'Почтовый сервер {{target}} отклонил письмо: {{reason}}',
      failed: 'Не удалось отправить письмо через {{target}}: {{reason}}',
      internal: 'Внутренняя ошибка при отправке письма через {{target}}: {{reason}}',
    },
    mail: {
      invalidRecipients: 'Это не адреса электронной почты, письмо им не отправлено: {{recipients}}',
    },
    outbox: {
      notWritable: 'Нет доступа на запись в папку исходящих {{dir}}: {{reason}}',
      failed: 'Не удалось записать письмо в папку исходящих {{dir}}: {{reason}}',
    },
    slack: {
      invalidPayload: 'Slack отклонил сообщение как некорректное ({{status}} {{reason}})',
      forbidden: 'Slack отклонил вебхук ({{status}} {{reason}}); проверьте SLACK_WEBHOOK_URL',
      gone: 'Вебхук Slack больше не работает ({{status}} {{reason}}); создайте новый и задайте SLACK_WEBHOOK_URL',
      rateLimited:
        'Slack по-прежнему ограничивает частоту запросов после {{attempts}} попыток; повторите позже',
      timeout: 'Slack не ответил вовремя после {{attempts}} попыток; повторите позже',
      unavailable: 'Slack недоступен после {{attempts}} попыток: {{reason}}',
      rejected: 'Slack отклонил сообщение ({{status}} {{reason}})',
    },
    notifier: {
      failed: 'Не удалось отправить уведомление через {{target}}: {{reason}}',
    },
  },
  problems: {
    port: '{{name}}: должен быть номером порта от 1 до 65535, получено «{{value}}»',
    optionPort: '{{name}}: должно быть целым числом от 1 до 65535, получено {{value}}',
    boolean: '{{name}}: должно быть true или false, получено «{{value}}»',
    address: '{{name}}: «{{value}}» не является адресом электронной почты',
    smtpUrl: '{{name}}: не URL; ожидается smtp://user:password@host:port или smtps://...',
    smtpScheme: '{{name}}: схема должна быть smtp:// или smtps://, а не {{scheme}}//',
    noHost: '{{name}}: нет имени сервера',
    urlEncoding: '{{name}}: имя пользователя или пароль неверно закодированы для URL',
    hostRequired: '{{name}}: обязателен (или задайте url)',
    passwordRequired: '{{name}}: обязателен, когда задан пользователь',
    userRequired: '{{name}}: обязателен, когда задан пароль',
    requiredWith: '{{name}}: обязателен, когда задан {{other}}',
    gmailPassword: '{{name}}: обязателен, когда задан {{other}} (пароль приложения Google)',
    webhookUrl: '{{name}}: не URL; ожидается https://hooks.slack.com/services/...',
    webhookHttps: '{{name}}: должен быть URL https://',
    wholeNumberRange: '{{name}}: должно быть целым числом от {{min}} до {{max}}',
    nonNegativeMs: '{{name}}: должно быть нулём или положительным числом миллисекунд',
    positiveMs: '{{name}}: должно быть положительным числом миллисекунд',
  },
  hints: {
    smtpAuth:
      'Проверьте SMTP_USER/SMTP_PASSWORD (для Gmail: GMAIL_USER и пароль приложения в GMAIL_PWD).',
    smtpUnreachable:
      'Проверьте SMTP_HOST/SMTP_PORT/SMTP_SECURE (или SMTP_URL) и что сервер работает.',
    smtpSender:
      'Задайте в MAIL_FROM адрес, от имени которого сервер разрешает отправлять этой учётной записи.',
    outboxDir: 'Задайте в OUTBOX_DIR папку, в которую этот пользователь может писать.',
    recipients:
      'Разделяйте адреса запятыми или точками с запятой, например MAIL_TO=ann@example.org,bob@example.org',
    mail: 'Задайте SMTP_URL (smtp://user:password@host:port) или SMTP_HOST с SMTP_PORT/SMTP_USER/SMTP_PASSWORD; оставьте их пустыми, чтобы письма записывались файлами .eml в OUTBOX_DIR.',
    webhook: 'Скопируйте URL вебхука из настроек приложения Slack (Incoming Webhooks).',
  },
} satisfies Catalog;
