/** English texts of `@toolbelt/google`, grouped by kind. */
export const en = {
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
    notGoogleSheet: '{{input}} is not a Google spreadsheet id or URL',
  },
  hints: {
    authDocs: 'See docs/google-auth.md.',
    signInAgain: 'Check the credentials file or sign in again.',
  },
};
