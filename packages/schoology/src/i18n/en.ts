/** The Schoology client's texts in English. */
export const en = {
  errors: {
    settingsMissing: 'Missing settings: {{names}}',
    answered: '{{method}} {{url}} answered {{status}}',
  },
  problems: {
    notSet: '{{name}} is not set',
  },
  log: {
    wouldSet: 'would set user {{id}}: building {{building}}, additional [{{additional}}]',
    chunkUpdated: 'chunk {{chunk}}: updated {{written}} of {{size}} parents',
  },
};
