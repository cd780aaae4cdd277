/** English messages of support-rota (namespace `support-rota`), grouped by kind. */
export const en = {
  /** Settings problems, all reported at once (`settings.ts`). */
  problems: {
    invalidGroup: '{{name}} is an invalid group name.',
    duplicate: 'Remove the duplicate value "{{name}}" from {{groups}}.',
    emptyGroup: 'Group {{group}} needs at least one member.',
    blankName: 'Group {{group}} has an empty name.',
    groupCount: 'support_team needs exactly two named groups (found {{count}}).',
    noTeam:
      'support_team is missing: pass --config with a rota file (see examples/support-rota/rota.yaml).',
    badDate: '{{setting}}: "{{value}}" is not a date (YYYY-MM-DD).',
    badCycles:
      '{{setting}}: the number of cycles must be a whole number of at least 1 (got "{{value}}").',
    startOutOfRange:
      '{{setting}}: {{value}} is outside {{min}} to {{max}}, the range a rota may start in.',
    tooManyCycles: '{{setting}}: {{value}} cycles is more than the limit of {{max}}.',
    tooManyDays:
      '{{setting}}: {{value}} cycles of {{people}} people make {{days}} working days, more than the limit of {{max}}.',
    badSeed: 'The seed must be a whole number of 0 or more (got {{value}}).',
    unknownCalendar: 'Unknown calendar "{{name}}": use one of {{known}} or a calendar id.',
  },
  errors: {
    invalidSettings: 'The rota settings are invalid:',
    configInvalid: 'The config file {{path}} is not valid YAML or JSON: {{reason}}',
    holidaysMalformed: {
      notJson: 'The holidays file {{path}} is malformed: not JSON',
      notList: 'The holidays file {{path}} is malformed: expected a list of dates',
      notDate: 'The holidays file {{path}} is malformed: {{value}} is not a YYYY-MM-DD date',
      notIcs: 'The holidays file {{path}} is malformed: not an iCalendar file',
    },
    calendarChanged:
      'The calendar {{location}} was changed by someone else while this run planned the rota "{{rota}}"; nothing was written. Run it again.',
  },
  prompts: {
    replaceAll:
      'Delete {{delete}} events (any owner) from {{start}} on in {{location}} and write {{write}} rota events?',
  },
  /** Words of the human output (`render.ts`). */
  ui: {
    header:
      'Rota "{{rota}}": {{start}} to {{end}}, {{cycles}} cycles, {{days}} days (seed {{seed}}).',
    summary:
      '{{location}}: {{insert}} inserted, {{update}} updated, {{delete}} deleted, {{unchanged}} unchanged.',
    summaryDry:
      '{{location}} (dry run, nothing written): {{insert}} to insert, {{update}} to update, {{delete}} to delete, {{unchanged}} unchanged.',
    notConfirmed: 'Not confirmed: nothing was written.',
    reports: 'Reports: {{paths}}',
    diffColumns: { change: 'Change', date: 'Date', summary: 'Event' },
    kinds: { insert: 'insert', update: 'update', delete: 'delete' },
    fairnessColumns: {
      person: 'Person',
      group: 'Group',
      leads: 'Leads',
      assists: 'Assists',
      total: 'Total',
    },
    spread: 'Spread in {{group}}: leads {{leads}}, assists {{assists}}.',
    failed: 'Failed: {{kind}} {{id}}: {{message}}',
    progress: 'calendar',
  },
  log: {
    planned: 'Planned {{days}} days with seed {{seed}}.',
    retry: '{{method}}: {{status}} {{reason}}, retry {{attempt}} in {{delayMs}} ms.',
    partial: '{{failed}} calendar changes failed; the others were written.',
  },
};
