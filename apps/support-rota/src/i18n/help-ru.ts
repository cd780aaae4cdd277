import type { HelpCatalog } from '@toolbelt/cli-kit';

/** Russian help texts by command id; English stays in the command classes. */
export const helpRu: HelpCatalog = {
  generate: { summary: 'Составить график дежурств и записать его в календарь.' },
};
