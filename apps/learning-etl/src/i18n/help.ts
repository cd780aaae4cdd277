import type { HelpCatalog } from '@toolbelt/cli-kit';

/** English help texts by command id (the command classes read them). */
export const helpEn = {
  run: {
    summary:
      'Load a day of learning activity from the statistics API into PostgreSQL, report the stats and e-mail them.',
    description:
      'Fetches the day (or, with --test-mode, its first hour), validates every record, replaces that day in lms_activities by COPY in one transaction, computes the statistics, writes them to the report spreadsheet and e-mails MAIL_TO. Without a date it asks for one on a terminal.',
    flags: {
      date: 'Day to process, YYYY-MM-DD (asked for on a terminal when omitted).',
      from: 'First day of a backfill, YYYY-MM-DD.',
      to: 'Last day of a backfill, YYYY-MM-DD (included).',
      'test-mode': 'Request only the first hour of the day (the original TEST_APP_MODE).',
      reset: 'Empty the whole lms_activities table first (the original DB_MAIN_TABLE_OPEN_RESET).',
      'source-file': 'Load a saved API response (JSON array) instead of calling the API.',
      report:
        'Report spreadsheet: Google Sheets id or URL, or an .xlsx path (env REPORT_SPREADSHEET_ID; default reports/learning-report.xlsx).',
      'no-report': 'Do not write the report.',
      'no-email': 'Do not send the notification e-mail.',
      'no-wait':
        'Fail at once (exit 75, naming the holder) when another run has the data folder open, instead of waiting for it.',
      'dry-run':
        'Fetch and validate only: print what would be loaded; no database, report or mail.',
    },
  },
} as const satisfies HelpCatalog;

/** Russian help texts by command id. */
export const helpRu: HelpCatalog = {
  run: {
    summary:
      'Загрузить день учебной активности из API статистики в PostgreSQL, построить отчёт и разослать его по почте.',
    description:
      'Получает данные за день (с --test-mode — только за первый час), проверяет каждую запись, заменяет этот день в lms_activities загрузкой COPY в одной транзакции, считает статистику, пишет её в таблицу отчёта и отправляет письмо адресатам MAIL_TO. Без даты спрашивает её в терминале.',
    flags: {
      date: 'День обработки, ГГГГ-ММ-ДД (если не указан, спрашивается в терминале).',
      from: 'Первый день дозагрузки, ГГГГ-ММ-ДД.',
      to: 'Последний день дозагрузки, ГГГГ-ММ-ДД (включительно).',
      'test-mode': 'Запрашивать только первый час дня (TEST_APP_MODE оригинала).',
      reset:
        'Сначала полностью очистить таблицу lms_activities (DB_MAIN_TABLE_OPEN_RESET оригинала).',
      'source-file': 'Загрузить сохранённый ответ API (JSON-массив) вместо обращения к API.',
      report:
        'Таблица отчёта: id или адрес Google Sheets либо путь к .xlsx (переменная REPORT_SPREADSHEET_ID; по умолчанию reports/learning-report.xlsx).',
      'no-report': 'Не записывать отчёт.',
      'no-email': 'Не отправлять письмо-уведомление.',
      'no-wait':
        'Сразу завершиться (код 75, с именем владельца), если папку данных держит другой запуск, а не ждать его.',
      'dry-run':
        'Только получить и проверить данные: показать, что будет загружено; без базы, отчёта и почты.',
    },
  },
};
