import type { HelpCatalog } from '@toolbelt/cli-kit';

/** Russian help texts by command id; English stays in the command classes. */
export const helpRu: HelpCatalog = {
  sync: {
    summary:
      'Перенести трекер приёма на работу от HR (MOT) в трекер Tech-команды, отмечая даты изменений.',
    description:
      'Читает лист MOT Master_{год} (зачёркнутые id — отозванные предложения), листы трекера «{год} Cleared» и «{год} Tracker», обновляет и добавляет строки, ставит даты изменений ключевых полей, сортирует по свежести и записывает одним пакетом, предварительно сохранив копию листа в --backup-dir. Таблицы — идентификаторы или ссылки Google либо пути к .xlsx.',
    flags: {
      'school-year': 'Учебный год в формате NN-NN (например, 23-24). Обязателен.',
      mot: 'Таблица MOT: идентификатор или ссылка Google либо путь к .xlsx. По умолчанию HR_MOT_SHEETS_ID, иначе mot.xlsx.',
      tracker:
        'Трекер Tech-команды: идентификатор или ссылка Google либо путь к .xlsx. По умолчанию TECH_TRACKER_SHEETS_ID, иначе tech-tracker.xlsx.',
      today: 'Дата для отметок изменений, YYYY-MM-DD. По умолчанию — сегодня в --timezone.',
      timezone: 'Часовой пояс отметок и ячейки A2.',
      'mot-columns': 'JSON-файл: поля MOT -> номер, буква или заголовок столбца.',
      'backup-dir': 'Папка резервных копий трекера (хранятся последние 10).',
      'dry-run': 'Показать изменения таблицей (или JSON с --json) и ничего не записывать.',
      'no-wait':
        'Если другой запуск пишет в тот же трекер .xlsx или папку копий, завершиться с ошибкой (код 75), а не ждать его.',
    },
  },
};
