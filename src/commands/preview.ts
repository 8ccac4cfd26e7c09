import { UsageError } from '../errors.js';

export async function run(): Promise<number> {
  throw new UsageError({ fr: 'Cette commande arrive bientôt.', en: 'This command is coming soon.' });
}
