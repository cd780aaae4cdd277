import * as vitest from 'vitest';
import { describe } from 'vitest';
import { usageMistakes } from '@toolbelt/testkit/usage-mistakes';

const mistakes = usageMistakes(import.meta.url, vitest);
const walkMistakes = (...args: Parameters<typeof mistakes.walkMistakes>) =>
  mistakes.walkMistakes(...args);

await mistakes.describeTypedFlagMistakes('log-keep');

describe('the everyday mistakes of learning-etl', () => {
  walkMistakes([
    [['rn'], 64, 'Unknown command "rn". Did you mean "run"?', 'Возможно, имелась в виду «run»?'],
    // No date and no terminal, and no API credentials either: the date comes first.
    [
      ['run'],
      64,
      'Error: Input is needed but this is not an interactive terminal: pass --date.\n',
      'Ошибка: Требуется ввод, но это не интерактивный терминал: передайте --date.',
    ],
    [
      ['run', '--date', '2023-05-31', '--date', '2023-06-01'],
      64,
      '--date was given more than once; give it once.',
      '--date указан больше одного раза; укажите его один раз.',
    ],
    [['run', '--from', '2023-05-01'], 64, '--from also needs --to.', '--from требует также --to.'],
    [
      ['run', '--date', '2023-05-31', '--from', '2023-05-01', '--to', '2023-05-02'],
      64,
      '--date cannot be used together with --from.',
      '--date нельзя использовать вместе с --from.',
    ],
    [
      ['run', '--date', '2023-05-31', '--source-file', 'nope.json'],
      64,
      'Error: cannot read nope.json: no such file.\n',
      'Ошибка: не удалось прочитать nope.json: нет такого файла.',
    ],
    [
      ['run', '--date', '31.05.2023'],
      64,
      '--date must be a date YYYY-MM-DD, got "31.05.2023"',
      '--date должен быть датой ГГГГ-ММ-ДД, получено «31.05.2023».',
    ],
    [
      ['run', '--date', '2023-05-31', '--dry-run'],
      78,
      'Configuration is missing or invalid:\n  - ITRESUME_CLIENT (or client): required',
      'Настройки отсутствуют или неверны:',
    ],
    [
      ['run', '--date', '2023-05-31', '--dotenv', 'missing.env'],
      78,
      'cannot read missing.env: no such file. Check the --dotenv path.',
      'не удалось прочитать missing.env: нет такого файла.',
    ],
  ]);
});

describe('settings of learning-etl: every problem in one list, in the run language, dry runs too', () => {
  walkMistakes(
    [
      [
        ['run', '--date', '2023-05-31', '--dry-run'],
        78,
        '  - ITRESUME_RETRIES: must be an integer >= 0, got "x"\n  - ITRESUME_CLIENT (or client): required to call the statistics API (or pass --source-file)\n  - ITRESUME_CLIENT_KEY (or client_key): required to call the statistics API (or pass --source-file)\n  - MAIL_TO: "oops" is not an e-mail address\n',
        '  - MAIL_TO: «oops» не является адресом электронной почты',
      ],
    ],
    // a@b.c is an address nodemailer delivers to: not a problem.
    { MAIL_TO: 'oops, a@b.c', ITRESUME_RETRIES: 'x' },
  );
});

describe("mail server settings of learning-etl: notify's problems in the run language", () => {
  walkMistakes(
    [
      [
        ['run', '--date', '2023-05-31', '--dry-run'],
        78,
        '  - MAIL_TO: "oops" is not an e-mail address\n  - SMTP_PORT: must be a port number from 1 to 65535, got "abc"\n  - SMTP_SECURE: must be true or false, got "maybe"\n',
        '  - MAIL_TO: «oops» не является адресом электронной почты\n  - SMTP_PORT: должен быть номером порта от 1 до 65535, получено «abc»\n  - SMTP_SECURE: должно быть true или false, получено «maybe»\n',
      ],
    ],
    { MAIL_TO: 'oops', SMTP_HOST: 'smtp.example.org', SMTP_PORT: 'abc', SMTP_SECURE: 'maybe' },
  );
});
