import type { Argument, Command, Option } from 'commander';

export type Shell = 'bash' | 'zsh' | 'fish';

/**
 * What a shell needs to complete one option or argument, read from the program itself, so the
 * scripts can never fall behind the commands, options and choices polev really has.
 */
interface Opt {
  short?: string;
  long: string;
  description: string;
  /** Takes a value; `choices` lists them, `files` says the value is a path. */
  value: boolean;
  choices: string[];
  files: boolean;
  repeatable: boolean;
}
interface Positional {
  name: string;
  description: string;
  choices: string[];
  kind: 'file' | 'dir' | 'choice' | 'none';
  variadic: boolean;
}
interface Cmd {
  name: string;
  description: string;
  options: Opt[];
  positionals: Positional[];
}

const HELP: Opt = { short: '-h', long: '--help', description: 'show help', value: false, choices: [], files: false, repeatable: false };

// Options whose values are paths; every other free value (an id, a number) gets no completion.
const PATH_OPTIONS = new Set(['--output']);

function opt(o: Option): Opt {
  const value = o.required || o.optional;
  return {
    ...(o.short ? { short: o.short } : {}),
    long: o.long ?? '',
    description: o.description,
    value,
    choices: o.argChoices ?? [],
    files: value && PATH_OPTIONS.has(o.long ?? ''),
    repeatable: o.description.includes('repeatable'),
  };
}

function positional(a: Argument): Positional {
  const name = a.name();
  const choices = a.argChoices ?? [];
  return { name, description: a.description, choices, kind: choices.length ? 'choice' : name === 'dir' ? 'dir' : 'file', variadic: a.variadic };
}

function describe(program: Command): { globals: Opt[]; commands: Cmd[] } {
  return {
    globals: [...program.options.map(opt), HELP],
    commands: program.commands.map((c) => ({
      name: c.name(),
      description: c.description(),
      options: [...c.options.map(opt), HELP],
      positionals: c.registeredArguments.map(positional),
    })),
  };
}

const flags = (o: Opt) => (o.short ? [o.short, o.long] : [o.long]);

function bash(program: Command): string {
  const { globals, commands } = describe(program);
  const words = (xs: string[]) => xs.join(' ');
  const positionalCase = (c: Cmd) => {
    const p = c.positionals[0];
    if (!p) return '';
    if (p.kind === 'choice') return `COMPREPLY=($(compgen -W "${words(p.choices)}" -- "$cur"))`;
    if (p.kind === 'dir') return 'COMPREPLY=($(compgen -d -- "$cur")); compopt -o filenames 2>/dev/null';
    return 'COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null';
  };
  const commandCase = (c: Cmd) => {
    const valued = c.options.filter((o) => o.value);
    const prevCases = valued
      .map((o) => {
        const action = o.choices.length
          ? `COMPREPLY=($(compgen -W "${words(o.choices)}" -- "$cur"))`
          : o.files
            ? 'COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null'
            : ':';
        return `        ${flags(o).join('|')}) ${action}; return ;;`;
      })
      .join('\n');
    return `    ${c.name})
${prevCases ? `      case "$prev" in\n${prevCases}\n      esac\n` : ''}      if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "${words(c.options.flatMap(flags))}" -- "$cur")); return; fi
      ${positionalCase(c) || ':'}
      ;;`;
  };
  return `# bash completion for polev. Load it with: source <(polev completion bash)
_polev() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" cmd="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      -*) ;;
      *) cmd="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  case "$cmd" in
    "")
      COMPREPLY=($(compgen -W "${words(commands.map((c) => c.name))} ${words(globals.flatMap(flags))}" -- "$cur"))
      ;;
${commands.map(commandCase).join('\n')}
  esac
}
complete -F _polev polev
`;
}

/** zsh `_arguments` specs: `[`, `]`, `:` and `\\` are special inside them, `'` ends the quoted word. */
const zq = (s: string) => s.replace(/\\/g, '\\\\').replace(/([[\]:])/g, '\\$1').replace(/'/g, `'\\''`);

function zsh(program: Command): string {
  const { globals, commands } = describe(program);
  const spec = (o: Opt) => {
    const action = o.value ? `:${zq(o.long.slice(2))}:${o.choices.length ? `(${o.choices.join(' ')})` : o.files ? '_files' : ' '}` : '';
    const names = flags(o);
    const exclusion = names.length > 1 ? `(${names.join(' ')})` : '';
    const star = o.repeatable ? '*' : '';
    const body = `[${zq(o.description)}]${action}`;
    return names.length > 1 ? `'${exclusion}'{${names.join(',')}}'${body}'` : `'${star}${names[0]}${body}'`;
  };
  const positionalSpec = (p: Positional, i: number) => {
    const action = p.kind === 'choice' ? `(${p.choices.join(' ')})` : p.kind === 'dir' ? '_files -/' : '_files';
    return `'${p.variadic ? '*' : String(i + 1)}:${zq(p.description || p.name)}:${action}'`;
  };
  const commandCase = (c: Cmd) => `        ${c.name})
          _arguments -s \\
            ${[...c.options.map(spec), ...c.positionals.map(positionalSpec)].join(' \\\n            ')}
          ;;`;
  return `#compdef polev
# zsh completion for polev. Install it with: polev completion zsh > "\${fpath[1]}/_polev"
_polev() {
  local curcontext="$curcontext" state line
  local -a commands
  commands=(
${commands.map((c) => `    '${c.name}:${zq(c.description)}'`).join('\n')}
  )
  _arguments -C \\
    ${globals.map(spec).join(' \\\n    ')} \\
    '1: :->command' \\
    '*:: :->args'
  case $state in
    command) _describe -t commands 'polev command' commands ;;
    args)
      case $words[1] in
${commands.map(commandCase).join('\n')}
      esac
      ;;
  esac
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then _polev "$@"; else compdef _polev polev; fi
`;
}

/** fish quotes: only `\\` and `'` are special inside single quotes. */
const fq = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function fish(program: Command): string {
  const { globals, commands } = describe(program);
  const option = (condition: string, o: Opt) => {
    const parts = ['complete -c polev', `-n ${fq(condition)}`];
    if (o.short) parts.push(`-s ${o.short.slice(1)}`);
    parts.push(`-l ${o.long.slice(2)}`);
    if (o.value) parts.push(o.choices.length ? `-x -a ${fq(o.choices.join(' '))}` : o.files ? '-r -F' : '-x');
    parts.push(`-d ${fq(o.description)}`);
    return parts.join(' ');
  };
  const lines = [
    '# fish completion for polev. Install it with: polev completion fish > ~/.config/fish/completions/polev.fish',
    'complete -c polev -f',
    ...globals.map((o) => option('__fish_use_subcommand', o)),
    ...commands.map((c) => `complete -c polev -n '__fish_use_subcommand' -a ${c.name} -d ${fq(c.description)}`),
  ];
  for (const c of commands) {
    const seen = `__fish_seen_subcommand_from ${c.name}`;
    lines.push(...c.options.map((o) => option(seen, o)));
    const p = c.positionals[0];
    if (p?.kind === 'choice') lines.push(`complete -c polev -n ${fq(seen)} -x -a ${fq(p.choices.join(' '))}`);
    else if (p?.kind === 'dir') lines.push(`complete -c polev -n ${fq(seen)} -x -a '(__fish_complete_directories)'`);
    else if (p) lines.push(`complete -c polev -n ${fq(seen)} -F`);
  }
  return `${lines.join('\n')}\n`;
}

/** The completion script for a shell, generated from the program's commands, options and choices. */
export function completionScript(program: Command, shell: Shell): string {
  return shell === 'bash' ? bash(program) : shell === 'zsh' ? zsh(program) : fish(program);
}
