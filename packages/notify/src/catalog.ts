import type { Bilingual } from '@toolbelt/i18n';

/**
 * Messages of the `notify` namespace: the `key`s of the errors this package returns. Apps
 * register it with `createI18n({ namespaces: { notify: notifyCatalog, ... } })`.
 */
export const notifyCatalog: Bilingual = {
  en: {
    smtp: {
      auth: 'The mail server {{target}} refused the login of {{user}}: {{reason}}',
      unreachable: 'Cannot reach the mail server {{target}}: {{reason}}',
      timeout: 'The mail server {{target}} did not answer in time: {{reason}}',
      deferred: 'The mail server {{target}} deferred the message; try again later: {{reason}}',
      deferredRetried:
        'The mail server {{target}} deferred the message {{attempts}} times; try again later: {{reason}}',
      recipientsRejected:
        'The mail server {{target}} rejected the recipients {{recipients}}: {{reason}}',
      senderRejected: 'The mail server {{target}} refused the sender {{from}}: {{reason}}',
      messageRejected: 'The mail server {{target}} refused the message: {{reason}}',
      failed: 'Sending mail through {{target}} failed: {{reason}}',
    },
    mail: {
      invalidRecipients: 'Not e-mail addresses, not sent: {{recipients}}',
    },
    outbox: {
      notWritable: 'Cannot write to the outbox folder {{dir}}: {{reason}}',
      failed: 'Writing the mail into the outbox folder {{dir}} failed: {{reason}}',
    },
    settings: {
      port: '{{name}}: must be a port number from 1 to 65535, got "{{value}}"',
      optionPort: '{{name}}: must be a whole number from 1 to 65535, got {{value}}',
      boolean: '{{name}}: must be true or false, got "{{value}}"',
      address: '{{name}}: "{{value}}" is not an e-mail address',
      smtpUrl: '{{name}}: not a URL; expected smtp://user:password@host:port or smtps://...',
      smtpScheme: '{{name}}: the scheme must be smtp:// or smtps://, not {{scheme}}//',
      noHost: '{{name}}: no host name',
      urlEncoding: '{{name}}: user or password is not correctly URL-encoded',
      hostRequired: '{{name}}: required (or give url)',
      passwordRequired: '{{name}}: required when a user is given',
      userRequired: '{{name}}: required when a password is given',
      requiredWith: '{{name}}: required when {{other}} is set',
      gmailPassword: '{{name}}: required when {{other}} is set (a Google app password)',
      webhookUrl: '{{name}}: not a URL; expected https://hooks.slack.com/services/...',
      webhookHttps: '{{name}}: must be an https:// URL',
    },
    slack: {
      invalidPayload: 'Slack refused the message as malformed ({{status}} {{reason}})',
      forbidden: 'Slack refused the webhook ({{status}} {{reason}}); check SLACK_WEBHOOK_URL',
      gone: 'The Slack webhook no longer works ({{status}} {{reason}}); create a new one and set SLACK_WEBHOOK_URL',
      rateLimited: 'Slack is still rate limiting after {{attempts}} attempts; try again later',
      timeout: 'Slack did not answer in time after {{attempts}} attempts; try again later',
      unavailable: 'Slack is unreachable after {{attempts}} attempts: {{reason}}',
      rejected: 'Slack refused the message ({{status}} {{reason}})',
    },
  },
  ru: {
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
    },
    mail: {
      invalidRecipients: 'Это не адреса электронной почты, письмо им не отправлено: {{recipients}}',
    },
    outbox: {
      notWritable: 'Нет доступа на запись в папку исходящих {{dir}}: {{reason}}',
      failed: 'Не удалось записать письмо в папку исходящих {{dir}}: {{reason}}',
    },
    settings: {
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
  },
};
