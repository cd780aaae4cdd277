import { describe, expect, it } from 'vitest';
import { en } from './i18n/en.js';
import { messages } from './i18n/index.js';
import { englishProblem, problemTexts } from './setting-problem.js';
import { notifySettingProblems } from './settings-check.js';

describe('notifySettingProblems', () => {
  const env = {
    NOTIF_TO_ADDRESS: 'hr@@example.org',
    SMTP_HOST: 'smtp.example.org',
    SMTP_PORT: 'abc',
    SMTP_USER: 'robot',
    SLACK_WEBHOOK_URL: 'not-a-url',
  };

  it('lists every recipient, e-mail and Slack problem at once, as catalog keys', () => {
    const problems = notifySettingProblems(env);
    expect(problems.map(englishProblem)).toEqual([
      'NOTIF_TO_ADDRESS: "hr@@example.org" is not an e-mail address',
      'SMTP_PORT: must be a port number from 1 to 65535, got "abc"',
      'SMTP_PASSWORD: required when a user is given',
      'SLACK_WEBHOOK_URL: not a URL; expected https://hooks.slack.com/services/...',
    ]);
    expect(notifySettingProblems({})).toEqual([]);
  });

  it('tells each problem in Russian, naming the variable, never a password', () => {
    const ru = notifySettingProblems({
      ...env,
      SMTP_URL: 'http://u:hunter22@h.example.org',
    }).map((p) => problemTexts(p).ru);
    expect(ru).toEqual([
      'NOTIF_TO_ADDRESS: «hr@@example.org» не является адресом электронной почты',
      'SMTP_PORT: должен быть номером порта от 1 до 65535, получено «abc»',
      'SMTP_URL: схема должна быть smtp:// или smtps://, а не http://',
      'SMTP_PASSWORD: обязателен, когда задан пользователь',
      'SLACK_WEBHOOK_URL: не URL; ожидается https://hooks.slack.com/services/...',
    ]);
    expect(ru.join('\n')).not.toContain('hunter22');
  });

  it('has every settings problem in Russian, naming the setting first', () => {
    for (const key of Object.keys(en.problems) as (keyof typeof en.problems)[]) {
      expect(messages.format('ru', `problems.${key}`, { name: 'X' })).toMatch(/^X: .*[а-яё]/i);
    }
  });
});
