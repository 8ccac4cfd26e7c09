import { Command, CommanderError, Help, Option, type Argument } from 'commander';
import { TemplateError, UsageError } from './errors.js';
import { prefixed, printable, setLang, t, type Message } from './i18n/lang.js';
import { TARGETS } from './text/merge-tags.js';

/** Every command is imported only when it runs: `pvd lint` never loads the render pipeline. */
// Options arrive as commander parsed them; each command declares the shape it reads.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type CommandModule = { run(options: any, ...args: any[]): Promise<number> };

const say = (fr: string, en: string): string => t({ fr, en });

/** Users type what they read: every command line pvd shows starts with `npx pvd`. */
const RUN = 'npx pvd';

function languageFromArgv(argv: readonly string[]): string | undefined {
  const index = argv.findIndex((argument) => argument === '--lang' || argument.startsWith('--lang='));
  if (index === -1) return undefined;
  const argument = argv[index]!;
  return argument.includes('=') ? argument.split('=')[1] : argv[index + 1];
}

/** commander's help, with its frame in the reader's language: « Utilisation », « Options », « par défaut »… */
class FrenchHelp extends Help {
  override styleTitle(title: string): string {
    const titles: Record<string, Message> = {
      'Usage:': { fr: 'Utilisation :', en: 'Usage:' },
      'Options:': { fr: 'Options :', en: 'Options:' },
      'Commands:': { fr: 'Commandes :', en: 'Commands:' },
      'Arguments:': { fr: 'Arguments :', en: 'Arguments:' },
      'Global Options:': { fr: 'Options globales :', en: 'Global options:' },
    };
    return titles[title] ? t(titles[title]) : title;
  }

  override commandUsage(command: Command): string {
    return `npx ${super.commandUsage(command)}`.replace('[command]', say('[commande]', '[command]'));
  }

  override optionDescription(option: Option): string {
    const extra: string[] = [];
    if (option.argChoices) extra.push(say(`valeurs possibles : ${option.argChoices.join(', ')}`, `choices: ${option.argChoices.join(', ')}`));
    if (option.defaultValue !== undefined && (option.required || option.optional)) extra.push(say(`par défaut : ${String(option.defaultValue)}`, `default: ${String(option.defaultValue)}`));
    return extra.length > 0 ? `${option.description} (${extra.join(', ')})` : option.description;
  }

  override argumentDescription(argument: Argument): string {
    return argument.description;
  }
}

/** Every command of pvd's, with the help above. */
class PvdCommand extends Command {
  override createCommand(name?: string): Command {
    return new PvdCommand(name);
  }

  override createHelp(): Help {
    return Object.assign(new FrenchHelp(), this.configureHelp());
  }
}

function buildProgram(): Command {
  const program = new PvdCommand('pvd');
  program
    .description(say("La Lettre d'information Petites villes de demain, écrite comme du code.", 'The Petites villes de demain newsletter, written as code.'))
    .addOption(new Option('--lang <langue>', say('langue des messages', 'language of messages')).choices(['fr', 'en']))
    .exitOverride()
    .helpOption('-h, --help', say("affiche l'aide", 'display help'))
    .helpCommand('help [commande]', say("affiche l'aide d'une commande", 'display help for a command'))
    // Refusals are written by main(), in the reader's language.
    .configureOutput({ outputError: () => {} })
    .addHelpText('after', examples([
      ['new', say('préparer le numéro suivant', 'scaffold the next issue')],
      ['preview 43', say("voir le numéro 43 tel que les lecteurs le verront", 'see issue 43 as readers will')],
      ['lint', say('vérifier tous les numéros', 'check every issue')],
      ['build 43 --target brevo', say('produire le numéro 43 pour Brevo', 'build issue 43 for Brevo')],
      ['help build', say("l'aide d'une commande", "a command's help")],
    ]));

  const action = (load: () => Promise<CommandModule>) => async (...args: unknown[]) => {
    const command = args.at(-1) as Command;
    const options = { ...command.optsWithGlobals() };
    const { run } = await load();
    process.exitCode = await run(options, ...args.slice(0, -2));
  };

  program
    .command('lint')
    .description(say('vérifie les numéros (tout issues/ par défaut)', 'check issues (all of issues/ by default)'))
    .argument('[numéros...]', say('numéros, dossiers ou fichiers issue.md', 'issue numbers, folders or issue.md files'))
    .addOption(new Option('--format <format>', say('format de sortie', 'output format')).choices(['stylish', 'json', 'github']).default('stylish'))
    .option('--quiet', say('erreurs seulement', 'errors only'))
    .option('--max-warnings <n>', say('échoue au-delà de n avertissements', 'fail above n warnings'))
    .option('--fix', say('corrige ce qui peut l’être sans risque (typographie, espaces)', 'fix what is safely fixable (typography, whitespace)'))
    .addHelpText('after', examples([
      ['lint', say('tous les numéros', 'every issue')],
      ['lint 43', say('le numéro 43', 'issue 43')],
      ['lint 43 --fix', say('corrige la typographie et les espaces du numéro 43', "fix issue 43's typography and spaces")],
    ]))
    .action(action(() => import('./commands/lint.js')));

  program
    .command('build')
    .description(say('produit le HTML, le texte et le .eml dans out/NNN/', 'render HTML, text and .eml into out/NNN/'))
    .argument('[numéros...]', say('numéros (ou dossiers) à produire', 'issue numbers (or folders) to build'))
    .option('--all', say('tous les numéros, et l’archive web', 'every issue, and the web archive'))
    .option('--out-dir <dossier>', say('dossier de sortie', 'output folder'), 'out')
    .addOption(new Option('--target <outil>', say("outil d'envoi (balises de fusion)", 'mailing tool (merge tags)')).choices(TARGETS))
    .addOption(new Option('--stdout <sortie>', say('écrit une seule sortie sur la sortie standard', 'print one output to stdout')).choices(['html', 'text']))
    .option('--quiet', say("n'affiche que les problèmes", 'print problems only'))
    .addHelpText('after', examples([
      ['build 43', say('produit out/043/', 'builds out/043/')],
      ['build 43 --target mailchimp', say('avec les balises de Mailchimp', "with Mailchimp's merge tags")],
      ['build --all', say('tous les numéros et out/index.html', 'every issue and out/index.html')],
    ]))
    .action(action(() => import('./commands/build.js')));

  program
    .command('publish')
    .description(say("met en ligne l'archive, les numéros prêts et leurs images, puis vérifie qu'ils répondent", 'put the archive, the ready issues and their images online, then check they answer'))
    .argument('[numéros...]', say('numéros à publier (par défaut : tous les numéros prêts)', 'issue numbers to publish (by default: every ready issue)'))
    .option('--to <destination>', say('dossier ou sftp://utilisateur@serveur[:port]/chemin (par défaut : publish.to de template.yaml)', 'folder or sftp://user@server[:port]/path (by default: publish.to of template.yaml)'))
    .option('--no-check', say('ne vérifie pas que les adresses répondent (site mis en ligne plus tard, par une forge)', 'do not check that the addresses answer (site put online later, by a forge)'))
    .option('--timeout <secondes>', say('attente maximale de chaque adresse lors de la vérification (10 par défaut)', 'longest wait for each address during the check (10 by default)'))
    .addHelpText('after', examples([
      ['publish 42', say('vers publish.to de template.yaml', 'to publish.to of template.yaml')],
      ['publish 42 --to sftp://lettre@web.example.fr/var/www/lettre-pvd', say('vers un serveur SFTP', 'to an SFTP server')],
      ['publish --to public --no-check', say('pour GitLab Pages ou GitHub Pages', 'for GitLab Pages or GitHub Pages')],
    ]))
    .action(action(() => import('./commands/publish.js')));

  program
    .command('check')
    .description(say('rend la lettre comme les messageries (Gmail, Outlook, iOS, sombre) et signale ce qui casse', 'render the email as inboxes do (Gmail, Outlook, iOS, dark) and report what breaks'))
    .argument('<numéro>', say('numéro (ou dossier) à vérifier', 'issue number (or folder) to check'))
    .option('--out-dir <dossier>', say('dossier de sortie', 'output folder'), 'out')
    .addOption(new Option('--target <outil>', say("outil d'envoi (balises de fusion)", 'mailing tool (merge tags)')).choices(TARGETS))
    .addHelpText('after', examples([['check 42', say('planche de captures dans out/042/inbox/index.html', 'contact sheet in out/042/inbox/index.html')]]))
    .action(action(() => import('./commands/check.js')));

  program
    .command('new')
    .description(say('prépare le numéro suivant', 'scaffold the next issue'))
    .option('--number <n>', say('numéro', 'issue number'))
    .option('--date <AAAA-MM-JJ>', say("date d'envoi", 'send date'))
    .option('--subject <texte>', say("objet de l'e-mail", 'email subject'))
    .option('--preheader <texte>', say("texte d'aperçu", 'preview text'))
    .option('--sections <ids>', say('rubriques facultatives, séparées par des virgules', 'optional sections, comma-separated'))
    .option('--carry-over', say('reprend les blocs récurrents du numéro précédent', 'carry over the recurring blocks of the previous issue'))
    .option('--no-carry-over', say('ne reprend pas les blocs récurrents', 'do not carry over recurring blocks'))
    .option('-y, --yes', say('accepte les valeurs par défaut', 'accept defaults'))
    .addHelpText('after', examples([
      ['new', say('pose les questions une à une', 'asks its questions one by one')],
      ['new --yes --subject "Rencontres régionales"', say('sans question, avec les valeurs par défaut', 'no questions, with the defaults')],
    ]))
    .action(action(() => import('./commands/new.js')));

  program
    .command('preview')
    .description(say('aperçu local avec rechargement automatique', 'local preview with live reload'))
    .argument('<numéro>', say('numéro (ou dossier) à montrer', 'issue number (or folder) to show'))
    .option('--port <port>', say('port', 'port'), '4200')
    .option('--host <adresse>', say('adresse d’écoute', 'address to listen on'), '127.0.0.1')
    .option('--open', say('ouvre le navigateur', 'open a browser'))
    .addHelpText('after', examples([
      ['preview 43', say('puis ouvrez l’adresse affichée', 'then open the address shown')],
      ['preview 43 --open', say('ouvre aussi le navigateur', 'opens the browser too')],
    ]))
    .action(action(() => import('./commands/preview.js')));

  program
    .command('words')
    .description(say('liste de mots du correcteur orthographique (noms de lieux, de personnes)', "the spelling checker's word list (names of places and people)"))
    .command('add')
    .description(say('ajoute des mots à la liste du gabarit (templates/pvd/mots.txt)', "add words to the template's list (templates/pvd/mots.txt)"))
    .argument('<mots...>', say('les mots, tels qu’ils s’écrivent (Forcalquier, projetothèque)', 'the words, as they are written (Forcalquier, projetothèque)'))
    .addHelpText('after', examples([['words add Loudéac Forcalquier', say('le correcteur les accepte désormais', 'the spelling checker accepts them from now on')]]))
    .action(action(() => import('./commands/words.js')));

  const hooks = program
    .command('hooks')
    .description(say('intégration git', 'git integration'))
    .addHelpText('after', examples([['hooks install', say('vérifie les numéros à chaque commit', 'checks issues on every commit')]]));
  hooks
    .command('install')
    .description(say('installe le hook pre-commit qui vérifie les numéros modifiés', 'install the pre-commit hook that lints staged issues'))
    .option('--force', say('remplace un hook existant', 'replace an existing hook'))
    .addHelpText('after', examples([['hooks install', say('installe .git/hooks/pre-commit', 'installs .git/hooks/pre-commit')]]))
    .action(action(() => import('./commands/hooks.js')));

  return program;
}

/** « Exemples : » and one command line each, as typed. */
function examples(lines: readonly [string, string][]): string {
  const width = Math.max(...lines.map(([command]) => command.length)) + RUN.length + 3;
  return `\n${say('Exemples :', 'Examples:')}\n${lines.map(([command, what]) => `  ${`${RUN} ${command}`.padEnd(width)}${what}`).join('\n')}\n`;
}

/** The word commander quotes in its refusal: `'--x'` in "unknown option '--x'". */
const quoted = (message: string, index = 0): string => [...message.matchAll(/'([^']*)'/g)][index]?.[1] ?? '';

/** commander's refusals, by their code, in the reader's language. */
function commanderMessage(error: CommanderError): Message {
  const suggestion = /Did you mean (.+?)\?/.exec(error.message)?.[1];
  const didYouMean: Message = suggestion ? { fr: ` : vouliez-vous dire « ${suggestion} » ?`, en: `: did you mean "${suggestion}"?` } : { fr: '', en: '' };
  const help: Message = { fr: ` Lancez « ${RUN} --help » pour l’aide.`, en: ` Run "${RUN} --help" for help.` };
  switch (error.code) {
    case 'commander.unknownOption':
      return suggestion
        ? { fr: `option inconnue « ${quoted(error.message)} »${didYouMean.fr}`, en: `unknown option '${quoted(error.message)}'${didYouMean.en}` }
        : { fr: `option inconnue « ${quoted(error.message)} ».${help.fr}`, en: `unknown option '${quoted(error.message)}'.${help.en}` };
    case 'commander.unknownCommand':
      return suggestion
        ? { fr: `commande inconnue « ${quoted(error.message)} »${didYouMean.fr}`, en: `unknown command '${quoted(error.message)}'${didYouMean.en}` }
        : { fr: `commande inconnue « ${quoted(error.message)} » : les commandes sont new, lint, build, preview, check, publish, words et hooks.${help.fr}`, en: `unknown command '${quoted(error.message)}': the commands are new, lint, build, preview, check, publish, words and hooks.${help.en}` };
    case 'commander.missingArgument':
      return { fr: `il manque l'argument « ${quoted(error.message)} » (par exemple « ${RUN} preview 42 »).`, en: `missing required argument '${quoted(error.message)}' (for instance "${RUN} preview 42").` };
    case 'commander.optionMissingArgument':
      return { fr: `l'option ${quoted(error.message).split(' ')[0]} attend une valeur.`, en: `option ${quoted(error.message).split(' ')[0]} needs a value.` };
    case 'commander.invalidArgument': {
      const option = quoted(error.message).split(' ')[0];
      const value = quoted(error.message, 1);
      const choices = /Allowed choices are (.*)\./.exec(error.message)?.[1] ?? '';
      return { fr: `« ${value} » n'est pas une valeur permise pour ${option} : choisissez parmi ${choices}.`, en: `"${value}" is not allowed for ${option}: choose from ${choices}.` };
    }
    case 'commander.excessArguments':
      return { fr: `trop d'arguments.${help.fr}`, en: `too many arguments.${help.en}` };
    default:
      return { fr: `commande mal formée.${help.fr}`, en: `malformed command.${help.en}` };
  }
}

function printError(message: Message): void {
  process.stderr.write(`${prefixed(message)}\n`);
}

export async function main(argv: readonly string[]): Promise<void> {
  setLang(languageFromArgv(argv));
  // `npx pvd build --stdout html | head` closes the pipe early: not an error of pvd's. The rest
  // of the output is dropped and the command still ends with its own exit code.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are not errors; everything else commander refuses is a usage error.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
        process.exitCode = 0;
      } else {
        printError(commanderMessage(error));
        process.exitCode = 2;
      }
    } else if (error instanceof UsageError) {
      printError(error.text);
      process.exitCode = 2;
    } else if (error instanceof TemplateError) {
      const { diagnostic } = error;
      process.stderr.write(`${printable(`${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`)}  ${t(diagnostic.message)}\n`);
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

// main() reports every error itself and sets the exit code.
void main(process.argv.slice(2));
