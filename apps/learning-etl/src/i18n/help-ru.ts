import type { HelpCatalog } from '@toolbelt/cli-kit';

/** Russian help texts by command id; English stays in the command classes. */
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
      'dry-run':
        'Только получить и проверить данные: показать, что будет загружено; без базы, отчёта и почты.',
    },
  },
};
