import { Command, CommanderError, Option } from 'commander';
import { UsageError } from './errors.js';
import { setLang, t, type Message } from './i18n/lang.js';
import { TemplateError } from './template/load.js';

/** Every command is imported only when it runs: `pvd lint` never loads the render pipeline. */
// Options arrive as commander parsed them; each command declares the shape it reads.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type CommandModule = { run(options: any, ...args: any[]): Promise<number> };

const say = (fr: string, en: string): string => t({ fr, en });

function languageFromArgv(argv: readonly string[]): string | undefined {
  const index = argv.findIndex((argument) => argument === '--lang' || argument.startsWith('--lang='));
  if (index === -1) return undefined;
  const argument = argv[index]!;
  return argument.includes('=') ? argument.split('=')[1] : argv[index + 1];
}

function buildProgram(): Command {
  const program = new Command('pvd')
    .description(say("La Lettre d'information Petites villes de demain, écrite comme du code.", 'The Petites villes de demain newsletter, written as code.'))
    .addOption(new Option('--lang <lang>', say('langue des messages', 'language of messages')).choices(['fr', 'en']))
    .showHelpAfterError(say('(lancez « pvd --help » pour l’aide)', '(run "pvd --help" for help)'))
    .exitOverride()
    .helpOption('-h, --help', say("affiche l'aide", 'display help'))
    .helpCommand('help [command]', say("affiche l'aide d'une commande", 'display help for a command'))
    .configureOutput({ writeErr: (text) => process.stderr.write(translateCommanderError(text)) });

  const action = (load: () => Promise<CommandModule>) => async (...args: unknown[]) => {
    const command = args.at(-1) as Command;
    const options = { ...command.optsWithGlobals() };
    const { run } = await load();
    process.exitCode = await run(options, ...args.slice(0, -2));
  };

  program
    .command('lint')
    .description(say('vérifie les numéros (tout issues/ par défaut)', 'check issues (all of issues/ by default)'))
    .argument('[paths...]', say('fichiers issue.md, dossiers ou numéros', 'issue.md files, folders or numbers'))
    .addOption(new Option('--format <format>', say('format de sortie', 'output format')).choices(['stylish', 'json', 'github']).default('stylish'))
    .option('--quiet', say('erreurs seulement', 'errors only'))
    .option('--max-warnings <n>', say("échoue au-delà de n avertissements", 'fail above n warnings'))
    .option('--fix', say('corrige ce qui peut l’être sans risque (typographie, espaces)', 'fix what is safely fixable (typography, whitespace)'))
    .action(action(() => import('./commands/lint.js')));

  program
    .command('build')
    .description(say('produit le HTML, le texte et le .eml dans out/NNN/', 'render HTML, text and .eml into out/NNN/'))
    .argument('[numbers...]', say('numéros à produire', 'issue numbers to build'))
    .option('--all', say('tous les numéros', 'every issue'))
    .option('--out-dir <dir>', say('dossier de sortie', 'output folder'), 'out')
    .addOption(new Option('--target <tool>', say("outil d'envoi (balises de fusion)", 'mailing tool (merge tags)')).choices(['generic', 'brevo', 'mailchimp', 'mailjet', 'listmonk', 'sendy']))
    .addOption(new Option('--stdout <part>', say('écrit une seule sortie sur la sortie standard', 'print one output to stdout')).choices(['html', 'text']))
    .action(action(() => import('./commands/build.js')));

  program
    .command('new')
    .description(say('prépare le numéro suivant', 'scaffold the next issue'))
    .option('--number <n>', say('numéro', 'issue number'))
    .option('--date <AAAA-MM-JJ>', say("date d'envoi", 'send date'))
    .option('--subject <text>', say("objet de l'e-mail", 'email subject'))
    .option('--preheader <text>', say("texte d'aperçu", 'preview text'))
    .option('--sections <ids>', say('rubriques facultatives, séparées par des virgules', 'optional sections, comma-separated'))
    .option('--carry-over', say('reprend les blocs récurrents du numéro précédent', 'carry over the recurring blocks of the previous issue'))
    .option('--no-carry-over', say('ne reprend pas les blocs récurrents', 'do not carry over recurring blocks'))
    .option('-y, --yes', say('accepte les valeurs par défaut', 'accept defaults'))
    .action(action(() => import('./commands/new.js')));

  program
    .command('preview')
    .description(say('aperçu local avec rechargement automatique', 'local preview with live reload'))
    .argument('<number>', say('numéro', 'issue number'))
    .option('--port <port>', say('port', 'port'), '4200')
    .option('--host <host>', say('adresse d’écoute (127.0.0.1 par défaut)', 'address to listen on (127.0.0.1 by default)'), '127.0.0.1')
    .option('--open', say('ouvre le navigateur', 'open a browser'))
    .action(action(() => import('./commands/preview.js')));

  program
    .command('words')
    .description(say('liste de mots du correcteur orthographique (noms de lieux, de personnes)', "the spelling checker's word list (names of places and people)"))
    .command('add')
    .description(say('ajoute des mots à la liste du gabarit (templates/pvd/mots.txt)', "add words to the template's list (templates/pvd/mots.txt)"))
    .argument('<mots...>', say('les mots, tels qu’ils s’écrivent (Forcalquier, projetothèque)', 'the words, as they are written (Forcalquier, projetothèque)'))
    .action(action(() => import('./commands/words.js')));

  program
    .command('hooks')
    .description(say('intégration git', 'git integration'))
    .command('install')
    .description(say('installe le hook pre-commit qui vérifie les numéros modifiés', 'install the pre-commit hook that lints staged issues'))
    .option('--force', say('remplace un hook existant', 'replace an existing hook'))
    .action(action(() => import('./commands/hooks.js')));

  return program;
}

// commander writes its refusals in English; the team reads French.
const suggestion = (rest: string): Message => {
  const suggested = /Did you mean (.+?)\?\)/.exec(rest)?.[1];
  return suggested ? { fr: ` : vouliez-vous dire « ${suggested} » ?`, en: `: did you mean "${suggested}"?` } : { fr: '', en: '' };
};
const optionName = (flags: string) => flags.split(' ')[0]!;

const COMMANDER_ERRORS: [RegExp, (...groups: string[]) => Message][] = [
  [/^error: unknown option '([^']*)'(.*)$/s, (option, rest) => ({ fr: `option inconnue « ${option} »${suggestion(rest!).fr}`, en: `unknown option '${option}'${suggestion(rest!).en}` })],
  [/^error: unknown command '([^']*)'(.*)$/s, (command, rest) => ({ fr: `commande inconnue « ${command} »${suggestion(rest!).fr || ' : les commandes sont new, lint, build, preview, hooks et words.'}`, en: `unknown command '${command}'${suggestion(rest!).en || ': the commands are new, lint, build, preview, hooks and words.'}` })],
  [/^error: missing required argument '([^']*)'/, (argument) => ({ fr: `il manque l'argument « ${argument} » (par exemple « pvd preview 42 »).`, en: `missing required argument '${argument}' (for instance "pvd preview 42").` })],
  [/^error: option '([^']*)' argument missing/, (option) => ({ fr: `l'option ${optionName(option!)} attend une valeur.`, en: `option ${optionName(option!)} needs a value.` })],
  [/^error: option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\.$/s, (option, value, choices) => ({ fr: `« ${value} » n'est pas une valeur permise pour ${optionName(option!)} : choisissez parmi ${choices}.`, en: `"${value}" is not allowed for ${optionName(option!)}: choose from ${choices}.` })],
  [/^error: too many arguments(.*)$/s, () => ({ fr: "trop d'arguments : lancez « pvd --help ».", en: 'too many arguments: run "pvd --help".' })],
];

function translateCommanderError(text: string): string {
  for (const [pattern, message] of COMMANDER_ERRORS) {
    const match = pattern.exec(text.trim());
    if (match) return `${PREFIX()}${t(message(...match.slice(1)))}\n`;
  }
  return text;
}

// French puts a space before the colon; English does not.
const PREFIX = (): string => t({ fr: 'pvd : ', en: 'pvd: ' });

function printError(message: Message): void {
  process.stderr.write(`${PREFIX()}${t(message)}\n`);
}

export async function main(argv: readonly string[]): Promise<void> {
  setLang(languageFromArgv(argv));
  // `pvd build --stdout html | head` closes the pipe early: not an error of pvd's. The rest
  // of the output is dropped and the command still ends with its own exit code.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are not errors; everything else commander refuses is a usage error.
      process.exitCode = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2;
    } else if (error instanceof UsageError) {
      printError(error.text);
      process.exitCode = 2;
    } else if (error instanceof TemplateError) {
      const { diagnostic } = error;
      process.stderr.write(`${diagnostic.file}:${diagnostic.line}:${diagnostic.column}  ${t(diagnostic.message)}\n`);
      process.exitCode = 2;
    } else {
      const detail = error instanceof Error ? error.message : String(error);
      printError({
        fr: `erreur inattendue (${detail}). Relancez avec PVD_DEBUG=1 pour le détail et signalez-la à l'équipe.`,
        en: `unexpected error (${detail}). Run again with PVD_DEBUG=1 for details and report it to the team.`,
      });
      if (process.env.PVD_DEBUG) console.error(error);
      process.exitCode = 2;
    }
  }
}

await main(process.argv.slice(2));
