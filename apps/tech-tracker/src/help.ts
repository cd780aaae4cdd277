import { createLocalizedHelp } from '@toolbelt/cli-kit/help';
import { helpRu } from './i18n/help.js';

export default createLocalizedHelp(helpRu);
