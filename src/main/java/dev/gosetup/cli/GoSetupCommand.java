package dev.gosetup.cli;

import dev.gosetup.AppContext;
import dev.gosetup.host.SnapshotException;
import dev.gosetup.i18n.Language;
import dev.gosetup.logging.LogSetup;
import dev.gosetup.secrets.Redaction;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gosetup}: the root command. With no subcommand it opens the window when there is a display. */
@Command(name = "gosetup", mixinStandardHelpOptions = true, versionProvider = GoSetupCommand.Version.class,
        usageHelpAutoWidth = true)
public final class GoSetupCommand implements Runnable {
    private static final Logger LOG = Logger.getLogger(GoSetupCommand.class.getName());

    /** Every subcommand, in the order help lists them. */
    static final java.util.List<Class<?>> SUBCOMMANDS = java.util.List.of(DetectCommand.class, ReportCommand.class,
            ReleasesCommand.class, InstallCommand.class, UseCommand.class, UpdateCommand.class, RollbackCommand.class,
            RemoveCommand.class, CleanupCommand.class, ListCommand.class, ProjectCommand.class, EnvCommand.class,
            DoctorCommand.class, ToolsCommand.class, IdeCommand.class, MirrorCommand.class, GuiCommand.class);

    /** The root's options that take a value: skipped when looking for the subcommand's name. */
    private static final java.util.Set<String> ROOT_OPTIONS_WITH_VALUE = java.util.Set.of("--lang", "--policy");

    @Spec
    CommandLine.Model.CommandSpec spec;

    final AppContext context;

    @Option(names = "--lang", paramLabel = "LANG", descriptionKey = "gosetup.lang")
    void setLanguage(String tag) {
        Language language = Language.fromTag(tag);
        if (language == Language.SYSTEM && !"system".equalsIgnoreCase(tag)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    context.messages().get("cli.error.lang", tag));
        }
        context.useLanguage(language);
        spec.commandLine().setResourceBundle(context.messages().bundle());
    }

    /**
     * A policy file for this run instead of the installer's or the OS location's (MDM scripts, trying a
     * policy out). Inherited, so it may follow the subcommand: {@code gosetup install --policy FILE}.
     */
    @Option(names = "--policy", paramLabel = "FILE", descriptionKey = "gosetup.policy", scope = CommandLine.ScopeType.INHERIT)
    void setPolicy(java.nio.file.Path file) {
        context.usePolicy(file);
    }

    /** Commands that work with a broken policy: they do not use it (detect, report) or show it (doctor, the window). */
    private static final java.util.Set<String> WITHOUT_POLICY = java.util.Set.of("gosetup", "detect", "report", "doctor", "gui");

    GoSetupCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        if (GuiCommand.displayAvailable()) {
            GuiCommand.open(context);
        } else {
            spec.commandLine().getOut().println(context.messages().get("cli.noDisplay"));
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    /** Runs the command line with the given arguments and returns the exit code. */
    public static int run(AppContext context, String[] args) {
        Charset console = consoleCharset();
        return run(context, args, new PrintWriter(new OutputStreamWriter(System.out, console), true),
                new PrintWriter(new OutputStreamWriter(System.err, console), true));
    }

    /**
     * The terminal's charset, except that an unset locale (C/POSIX: ASCII, typical of containers and
     * fresh WSL distributions, whose terminals are UTF-8) would print every "·" and every Chinese
     * character as "?": there UTF-8 is used.
     */
    static Charset consoleCharset() {
        String name = System.getProperty("stdout.encoding");
        Charset cs;
        try {
            cs = name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            cs = StandardCharsets.UTF_8;
        }
        return cs.equals(StandardCharsets.US_ASCII) ? StandardCharsets.UTF_8 : cs;
    }

    /**
     * Everything the commands print, JSON included, passes {@link Redaction}: a mirror or proxy URL with a
     * password shows as {@code https://user:***@host/}, whichever message or exception carried it.
     */
    public static int run(AppContext context, String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new GoSetupCommand(context), new Factory(context));
        for (Class<?> command : subcommandsFor(args)) {
            cli.addSubcommand(command);
        }
        cli.setResourceBundle(context.messages().bundle());
        cli.setOut(new PrintWriter(Redaction.writer(out), true));
        cli.setErr(new PrintWriter(Redaction.writer(err), true));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            int known = exitCodeFor(e);
            if (known != ExitCodes.FAILED || e instanceof java.io.IOException) {
                LOG.log(Level.INFO, "Command failed: " + String.join(" ", args), e);
                commandLine.getErr().println(context.messages().get("cli.error.input", context.messages().describe(e)));
                hintFor(e, commandLine).ifPresent(key -> commandLine.getErr().println(context.messages().get(key)));
                return known;
            }
            LOG.log(Level.SEVERE, "Command failed: " + String.join(" ", args), e); // the log masks credentials too
            LogSetup.flush();
            commandLine.getErr().println(context.messages().get("cli.error.unexpected", String.valueOf(e),
                    context.logFile() == null ? "-" : context.logFile()));
            return ExitCodes.FAILED;
        });
        cli.setExitCodeExceptionMapper(e -> ExitCodes.FAILED);
        cli.setExecutionStrategy(parseResult -> {
            Integer refused = HomeGate.check(context, parseResult, cli.getErr());
            if (refused == null) {
                refused = policyGate(context, parseResult, cli.getErr());
            }
            return refused != null ? refused : new CommandLine.RunLast().execute(parseResult);
        });
        cli.setParameterExceptionHandler((ex, a) -> {
            LOG.info("Usage error: " + ex.getMessage());
            ex.getCommandLine().getErr().println(UsageErrorText.of(ex, context.messages()));
            ex.getCommandLine().getErr().println(context.messages().get("cli.error.usageHint",
                    ex.getCommandLine().getCommandSpec().qualifiedName()));
            return ExitCodes.BAD_INPUT;
        });
        try {
            return cli.execute(args);
        } finally {
            // Autoflush acts on println only: a diff written with print() would be lost at System.exit; and
            // the redacting writers hold back an unfinished line.
            cli.getOut().flush();
            cli.getErr().flush();
        }
    }

    /**
     * For the AOT training run: the commonest commands once each, their output dropped (help builds every command);
     * {@code list} in the training's own home when it names one, not in the builder's (whose Go installs it would size).
     */
    public static void rehearse(AppContext context, java.nio.file.Path home) {
        String[] list = home == null ? new String[] {"list", "--json"} : new String[] {"list", "--json", "--home", home.toString()};
        for (String[] args : java.util.List.of(new String[] {"--help"}, list, new String[] {"detect", "--json"})) {
            run(context, args, new PrintWriter(java.io.Writer.nullWriter()), new PrintWriter(java.io.Writer.nullWriter()));
        }
    }

    /**
     * The subcommands to build for these arguments: only the one named, when the arguments plainly name one;
     * otherwise all of them (help, the window, a misspelt name that picocli suggests a correction for). picocli
     * builds each command's model from its annotations when it is added, which for all of them was most of a
     * short command's start-up (docs/benchmarks.md); the result of parsing is the same either way.
     */
    static java.util.List<Class<?>> subcommandsFor(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (ROOT_OPTIONS_WITH_VALUE.contains(arg)) {
                i++; // its value
                continue;
            }
            if (ROOT_OPTIONS_WITH_VALUE.stream().anyMatch(o -> arg.startsWith(o + "="))) {
                continue;
            }
            for (Class<?> command : SUBCOMMANDS) {
                Command annotation = command.getAnnotation(Command.class);
                if (annotation.name().equals(arg) || java.util.Arrays.asList(annotation.aliases()).contains(arg)) {
                    return java.util.List.of(command);
                }
            }
            break; // anything else (help, the version, an unknown word): everything, as picocli needs it
        }
        return SUBCOMMANDS;
    }

    /**
     * A broken policy stops every command that would act on settings (exit 2, with what is wrong: never
     * unmanaged defaults instead); a usable one's warnings go to standard error. Help is always shown.
     *
     * @return the exit code when the command must not run, else null
     */
    private static Integer policyGate(AppContext context, CommandLine.ParseResult parseResult, PrintWriter err) {
        CommandLine.ParseResult last = lastCommand(parseResult);
        if (last == null) {
            return null;
        }
        String command = last.commandSpec().name();
        java.util.Optional<dev.gosetup.settings.PolicyException> broken = context.policyError();
        if (broken.isPresent() && !WITHOUT_POLICY.contains(command)) {
            err.println(context.messages().get("cli.policy.broken", context.messages().describe(broken.get())));
            return ExitCodes.BAD_INPUT;
        }
        if (!command.equals("doctor")) { // doctor lists the warnings among its findings
            context.policyWarnings().forEach(w -> err.println(context.messages().get("cli.policy.warning", context.messages().describe(w.problem()))));
        }
        return null;
    }

    /**
     * Which options change the source that failed, for commands that have them: the engine's message says
     * what happened; this says what to type instead (the window says where in Settings).
     */
    static java.util.Optional<String> hintFor(Throwable e, CommandLine commandLine) {
        boolean hasSources = commandLine.getCommandSpec().findOption("--catalog") != null;
        if (!hasSources) {
            return java.util.Optional.empty();
        }
        return switch (e) {
            case dev.gosetup.release.ReleaseListException x -> java.util.Optional.of("cli.hint.releaseList");
            case dev.gosetup.fetch.DownloadException x -> java.util.Optional.of("cli.hint.download");
            default -> java.util.Optional.empty();
        };
    }

    /** The command that runs (the innermost subcommand), or null when help or the version was asked for. */
    static CommandLine.ParseResult lastCommand(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult last = parseResult;
        for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.isUsageHelpRequested() || p.isVersionHelpRequested()) {
                return null;
            }
            last = p;
        }
        return last;
    }

    /** What a failure means for scripts (README: exit codes). */
    static int exitCodeFor(Throwable e) {
        return switch (e) {
            case SnapshotException x -> ExitCodes.BAD_INPUT;
            // Bad input says what it is (a problem in the user's language); a bare IllegalArgumentException from the
            // engine is a bug, reported as unexpected with the log, never printed as if the user had erred.
            case dev.gosetup.i18n.Reported r when r instanceof IllegalArgumentException -> ExitCodes.BAD_INPUT;
            case java.nio.file.InvalidPathException x -> ExitCodes.BAD_INPUT; // a path the user typed
            case dev.gosetup.fetch.ChecksumMismatchException x -> ExitCodes.CHECKSUM;
            case dev.gosetup.signature.SignatureException x -> ExitCodes.CHECKSUM; // who made it cannot be proven: like wrong bytes
            case dev.gosetup.install.UnsafeArchiveException x -> ExitCodes.UNSAFE_ARCHIVE;
            case dev.gosetup.fetch.DownloadException x -> ExitCodes.DOWNLOAD_FAILED;
            case dev.gosetup.release.ReleaseListException x -> ExitCodes.DOWNLOAD_FAILED;
            case InstallCommand.NoBuildException x -> ExitCodes.NO_BUILD;
            case dev.gosetup.install.SdkRoot.InstallBusyException x -> ExitCodes.BUSY;
            case dev.gosetup.shell.EnvBusyException x -> ExitCodes.BUSY;
            case dev.gosetup.mirror.MirrorException.Busy x -> ExitCodes.BUSY;
            case dev.gosetup.mirror.MirrorException x -> ExitCodes.BAD_INPUT; // the folder as given cannot be a mirror
            case dev.gosetup.install.SdkRefusal x -> ExitCodes.BAD_INPUT;
            case dev.gosetup.update.UpdateRefusal x -> ExitCodes.BAD_INPUT;
            case dev.gosetup.update.UpdateCheckFailed x -> ExitCodes.CHECK_FAILED;
            default -> ExitCodes.FAILED;
        };
    }

    /** Gives every command the shared context. */
    private record Factory(AppContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                return cls.getDeclaredConstructor(AppContext.class).newInstance(context);
            } catch (NoSuchMethodException noContext) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {VersionText.text()};
        }
    }
}
