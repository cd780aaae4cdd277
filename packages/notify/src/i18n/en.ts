/** English texts of `@toolbelt/notify`, grouped by kind. */
export const en = {
  errors: {
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
      internal: 'Internal error while sending mail through {{target}}: {{reason}}',
    },
    mail: {
      invalidRecipients: 'Not e-mail addresses, not sent: {{recipients}}',
    },
    outbox: {
      notWritable: 'Cannot write to the outbox folder {{dir}}: {{reason}}',
      failed: 'Writing the mail into the outbox folder {{dir}} failed: {{reason}}',
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
    notifier: {
      failed: 'Sending the notification through {{target}} failed: {{reason}}',
    },
  },
  problems: {
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
    wholeNumberRange: '{{name}}: must be a whole number from {{min}} to {{max}}',
    nonNegativeMs: '{{name}}: must be zero or a positive number of milliseconds',
    positiveMs: '{{name}}: must be a positive number of milliseconds',
  },
  hints: {
    smtpAuth:
      'Check SMTP_USER/SMTP_PASSWORD (for Gmail: GMAIL_USER and an app password in GMAIL_PWD).',
    smtpUnreachable:
      'Check SMTP_HOST/SMTP_PORT/SMTP_SECURE (or SMTP_URL) and that the server is up.',
    smtpSender: 'Set MAIL_FROM to an address the server lets this account send as.',
    outboxDir: 'Set OUTBOX_DIR to a folder this user can write to.',
    recipients:
      'Separate addresses with commas or semicolons, e.g. MAIL_TO=ann@example.org,bob@example.org',
    mail: 'Set SMTP_URL (smtp://user:password@host:port) or SMTP_HOST with SMTP_PORT/SMTP_USER/SMTP_PASSWORD; leave them unset to write .eml files to OUTBOX_DIR.',
    webhook: 'Copy the webhook URL from the Slack app settings (Incoming Webhooks).',
  },
};
