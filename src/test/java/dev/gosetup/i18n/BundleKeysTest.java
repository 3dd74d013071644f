package dev.gosetup.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.gosetup.testing.MessagePattern;
import dev.gosetup.testing.Sources;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundles and the code agree (issue 14): every key in the bundles is used by the code, every key the code
 * asks for is in the bundles, every {@code X.todo} (what to do) has its {@code X} (what happened), and both
 * languages fill in the same arguments. (That both bundles have the same keys is {@link BundlesTest}.)
 *
 * <p>A key is <em>used</em> when the main sources hold it as a string literal, or when the code builds it by one of
 * the rules below ({@link #DYNAMIC_PREFIXES}, {@link #FINDING_SUFFIXES}, picocli's own keys). A prefix the code
 * builds keys from but this test does not list fails, and so does a listed prefix that matches no key.
 */
class BundleKeysTest {
    /**
     * Keys the code builds as prefix + a value (an enum constant's name, an id), each with where and why. A key under
     * one of these prefixes counts as used. Add a prefix here when the code starts building keys from it.
     */
    static final Map<String, String> DYNAMIC_PREFIXES = new TreeMap<>(Map.ofEntries(
            Map.entry("doctor.fix.", "Fix kind: DoctorCommand, TerminalLines, HealthPage"),
            Map.entry("startup.unusable.", "StartupFiles.Kind + .title/.detail: doctor Checks, EnvCommand, EnvironmentStep"),
            Map.entry("inventory.warning.", "Inventory warning kind: ListCommand, VersionsPage"),
            Map.entry("inventory.source.", "who installed a Go: ListCommand, VersionsPage"),
            Map.entry("host.arch.words.", "GOARCH in words: HostSummary"),
            Map.entry("host.translated.", "translator (rosetta2, windows-emulation, emulator): HostSummary"),
            Map.entry("host.fact.translatedBy.", "translator, as a fact line: HostSummary"),
            Map.entry("env.conflict.", "Conflict.Kind: Conflict"),
            Map.entry("project.folderHook.", "ProjectReport.FolderHook: ProjectCommand, ProjectsPage"),
            Map.entry("health.status.", "Finding status: HealthPage"),
            Map.entry("settings.preset.", "mirror preset id: SettingsPage"),
            Map.entry("setup.env.shell.", "Shell id: EnvironmentStep"),
            Map.entry("versions.status.", "install status: VersionsPage"),
            Map.entry("cli.mark.", "Finding status as the CLI's ok/WARN/FAIL mark: TerminalLines"),
            Map.entry("doctor.unsigned.", "why a version was never signature-checked (never, none, off): doctor SignatureFindings"),
            Map.entry("doctor.switching.", "GOTOOLCHAIN mode (auto, local, path): doctor Checks.toolchainSwitching"),
            Map.entry("project.gotoolchain.", "where GOTOOLCHAIN came from (project.Gotoolchain.Where): ProjectCommand, ProjectsPage"),
            Map.entry("project.result.", "what go runs in a project (project.ProjectReport.Result): ProjectCommand, ProjectsPage"),
            Map.entry("cli.mirror.state.", "what a mirror folder has of an archive (mirror.MirrorPlan.State): MirrorBuildCommand"),
            Map.entry("cli.mirror.verify.kind.", "a mirror verify finding (mirror.MirrorVerifier.Kind): MirrorVerifyCommand"),
            Map.entry("doctor.archGo.", "how a wrong-CPU Go install hurts (translated, cannotRun): doctor ArchitectureFindings"),
            Map.entry("doctor.archTool.", "how a wrong-CPU tool hurts (dlv, translated, cannotRun, goFirst): doctor ArchitectureFindings"),
            // ide cleanup
            Map.entry("doctor.ide.vscode.goroot.", "how VS Code's go.goroot compares (missing, wrongArch, differs, unresolved): IdeFindings"),
            Map.entry("doctor.ide.vscode.alternate.", "how VS Code's go.alternateTools go compares: IdeFindings"),
            Map.entry("doctor.ide.jetbrains.", "how a GoLand project's GOROOT compares: IdeFindings"),
            Map.entry("cli.cleanup.ask.", "Cleanup.Choice: CleanupCommand"),
            Map.entry("cli.cleanup.choice.", "Cleanup.Choice: CleanupCommand, CleanupSection"),
            Map.entry("cli.cleanup.failed.", "Cleanup.Choice: CleanupCommand, CleanupSection"),
            Map.entry("cli.cleanup.freed.", "Cleanup.Choice: CleanupCommand, CleanupSection"),
            Map.entry("settings.signatures.", "Strictness.jsonName: SettingsPage")));

    /**
     * A doctor finding (doctor.Finding) carries a key K; the faces show K.title and K.detail (FindingLine, HealthPage),
     * and Finding.ok uses K.ok; a problem's advice is K.todo (Problem.todoKey).
     */
    static final List<String> FINDING_SUFFIXES = List.of(".title", ".detail", ".ok", ".todo");

    /**
     * picocli's own keys (setResourceBundle): the sections of a usage message ("usage.description",
     * "usage.footer.N"...), the standard --help and --version options, and per command
     * "QUALIFIED-NAME.usage.description" and the descriptionKey of each option. printf-style, not MessageFormat.
     */
    static boolean isPicocliKey(String key, Set<String> commandNames) {
        if (key.startsWith("usage.") || key.equals("help") || key.equals("version")) {
            return true;
        }
        if (key.endsWith(".usage.description")) {
            String[] parts = key.substring(0, key.length() - ".usage.description".length()).split("\\.");
            return List.of(parts).stream().allMatch(commandNames::contains);
        }
        return false;
    }

    /** Keys in picocli's printf style (%s, %n) rather than MessageFormat's ({0}). */
    static boolean isPrintf(String key) {
        return key.startsWith("gosetup.") || key.startsWith("usage.") || key.equals("help") || key.equals("version");
    }

    private static final Pattern KEY_SHAPE = Pattern.compile("[a-z][A-Za-z0-9]*(\\.[A-Za-z0-9_\\-]+)+");

    private static Properties en;
    private static Properties zh;
    private static List<Sources.Unit> sources;
    private static Set<String> literals;
    private static Set<String> commandNames;

    @BeforeAll
    static void read() throws IOException {
        en = Sources.bundle("messages.properties");
        zh = Sources.bundle("messages_zh_CN.properties");
        sources = Sources.parse(area -> true);
        literals = new TreeSet<>();
        commandNames = new TreeSet<>();
        for (Sources.Unit unit : sources) {
            unit.cu().findAll(StringLiteralExpr.class).forEach(s -> literals.add(s.getValue()));
            for (AnnotationExpr a : unit.cu().findAll(AnnotationExpr.class)) {
                if (a.getNameAsString().equals("Command")) {
                    a.findAll(MemberValuePair.class).stream().filter(p -> p.getNameAsString().equals("name"))
                            .forEach(p -> commandNames.add(p.getValue().asStringLiteralExpr().getValue()));
                }
            }
        }
    }

    @Test
    void picocliTextHasNoMessageFormatQuoting() {
        // picocli prints its texts as they are: a MessageFormat '' would reach the help screen doubled (it did).
        for (Properties bundle : List.of(en, zh)) {
            for (String key : bundle.stringPropertyNames()) {
                if (isPrintf(key)) {
                    assertThat(bundle.getProperty(key)).as(key).doesNotContain("''");
                }
            }
        }
    }

    @Test
    void everyKeyIsUsed() {
        assertThat(unused(en.stringPropertyNames(), literals, commandNames))
                .as("keys no code uses (not a literal in src/main/java, no listed prefix or suffix rule)").isEmpty();
    }

    static Set<String> unused(Set<String> keys, Set<String> literals, Set<String> commandNames) {
        Set<String> unused = new TreeSet<>();
        for (String key : keys) {
            if (!isUsed(key, literals, commandNames)) {
                unused.add(key);
            }
        }
        return unused;
    }

    private static boolean isUsed(String key, Set<String> literals, Set<String> commandNames) {
        if (literals.contains(key) || isPicocliKey(key, commandNames)) {
            return true;
        }
        if (DYNAMIC_PREFIXES.keySet().stream().anyMatch(key::startsWith)) {
            return true;
        }
        for (String suffix : FINDING_SUFFIXES) {
            if (key.endsWith(suffix) && isUsed(key.substring(0, key.length() - suffix.length()), literals, commandNames)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyListedPrefixMatchesKeysAndIsBuiltByTheCode() {
        List<String> stale = new ArrayList<>();
        for (String prefix : DYNAMIC_PREFIXES.keySet()) {
            if (en.stringPropertyNames().stream().noneMatch(k -> k.startsWith(prefix))) {
                stale.add(prefix + " matches no key");
            }
            if (!literals.contains(prefix)) {
                stale.add(prefix + " is no literal in src/main/java any more");
            }
        }
        assertThat(stale).as("DYNAMIC_PREFIXES entries that no longer apply").isEmpty();
    }

    /** A literal key prefix in a concatenation ("x.y." + kind) is either listed in DYNAMIC_PREFIXES or no key's prefix. */
    @Test
    void everyPrefixTheCodeBuildsKeysFromIsListed() {
        Set<String> unlisted = new TreeSet<>();
        for (Sources.Unit unit : sources) {
            for (BinaryExpr b : unit.cu().findAll(BinaryExpr.class)) {
                if (b.getOperator() == BinaryExpr.Operator.PLUS && b.getLeft() instanceof StringLiteralExpr s
                        && s.getValue().endsWith(".") && KEY_SHAPE.matcher(s.getValue() + "x").matches()
                        && en.stringPropertyNames().stream().anyMatch(k -> k.startsWith(s.getValue()))
                        && !DYNAMIC_PREFIXES.containsKey(s.getValue())) {
                    unlisted.add(unit.where(b) + " \"" + s.getValue() + "\"");
                }
            }
        }
        assertThat(unlisted).as("key prefixes the code builds keys from, missing in DYNAMIC_PREFIXES").isEmpty();
    }

    /**
     * Every literal key handed to the calls that look keys up exists in the English bundle: Messages.get/has,
     * Problem.of, Note.of, new Problem/Note, host Findings.note, and picocli's descriptionKey. A concatenation's
     * literal start ("startup.unusable." + kind) must begin at least one key.
     */
    @Test
    void everyKeyTheCodeAsksForExists() {
        List<String> missing = new ArrayList<>();
        for (Sources.Unit unit : sources) {
            for (MethodCallExpr call : unit.cu().findAll(MethodCallExpr.class)) {
                if (looksUpAKey(call) && !call.getArguments().isEmpty()) {
                    check(unit, call.getArgument(0), missing);
                }
            }
            for (var creation : unit.cu().findAll(com.github.javaparser.ast.expr.ObjectCreationExpr.class)) {
                String type = creation.getType().getNameAsString();
                if ((type.equals("Problem") || type.equals("Note")) && !creation.getArguments().isEmpty()) {
                    check(unit, creation.getArgument(0), missing);
                }
            }
            for (MemberValuePair p : unit.cu().findAll(MemberValuePair.class)) {
                if (p.getNameAsString().equals("descriptionKey")) {
                    check(unit, p.getValue(), missing);
                }
            }
        }
        assertThat(missing).as("keys the code asks for that the English bundle lacks").isEmpty();
    }

    static boolean looksUpAKey(MethodCallExpr call) {
        String name = call.getNameAsString();
        String scope = call.getScope().map(Object::toString).orElse("");
        return switch (name) {
            case "get", "has" -> scope.equals("m") || scope.endsWith("messages") || scope.endsWith("messages()")
                    || scope.endsWith("english()");
            case "of" -> scope.equals("Problem") || scope.equals("Note") || scope.endsWith(".Problem") || scope.endsWith(".Note");
            case "note" -> true; // host Findings.note(code, args)
            default -> false;
        };
    }

    private static void check(Sources.Unit unit, Expression arg, List<String> missing) {
        if (arg instanceof StringLiteralExpr s) {
            // key-shaped only: "m" is also many a Map's name (m.get("bytes")); every bundle key has a dot
            if (KEY_SHAPE.matcher(s.getValue()).matches() && !en.containsKey(s.getValue())) {
                missing.add(unit.where(arg) + " \"" + s.getValue() + "\"");
            }
        } else if (arg instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            Expression left = b;
            while (left instanceof BinaryExpr l && l.getOperator() == BinaryExpr.Operator.PLUS) {
                left = l.getLeft();
            }
            if (left instanceof StringLiteralExpr s && en.stringPropertyNames().stream().noneMatch(k -> k.startsWith(s.getValue()))) {
                missing.add(unit.where(arg) + " \"" + s.getValue() + "…\" (no key starts so)");
            }
        }
    }

    /**
     * The prefixes built from an enum constant: a key under one names a constant that exists (a removed kind leaves no
     * key behind). The other direction, every constant has its key, is BundlesTest.everyDynamicKeyExists.
     */
    @Test
    void noKeyOutlivesItsEnumConstant() {
        Map<String, Set<String>> constants = new TreeMap<>();
        constants.put("env.conflict.", names(dev.gosetup.shell.Conflict.Kind.values()));
        constants.put("startup.unusable.", names(dev.gosetup.shell.StartupFiles.Kind.values()));
        constants.put("inventory.source.", names(dev.gosetup.inventory.Source.values()));
        constants.put("doctor.fix.", names(dev.gosetup.doctor.Finding.Fix.values()));
        constants.put("cli.mirror.state.", names(dev.gosetup.mirror.MirrorPlan.State.values()));
        constants.put("cli.mirror.verify.kind.", names(dev.gosetup.mirror.MirrorVerifier.Kind.values()));
        Set<String> shells = new TreeSet<>();
        for (dev.gosetup.shell.Shell shell : dev.gosetup.shell.Shell.values()) {
            shells.add(shell.id);
        }
        constants.put("setup.env.shell.", shells);
        Set<String> stale = new TreeSet<>();
        for (String key : en.stringPropertyNames()) {
            constants.forEach((prefix, names) -> {
                if (key.startsWith(prefix) && !names.contains(key.substring(prefix.length()).split("\\.")[0])) {
                    stale.add(key);
                }
            });
        }
        assertThat(stale).as("keys for enum constants that no longer exist").isEmpty();
    }

    private static Set<String> names(Enum<?>[] values) {
        Set<String> names = new TreeSet<>();
        for (Enum<?> v : values) {
            names.add(v.name());
        }
        return names;
    }

    @Test
    void everyTodoHasItsWhatHappened() {
        Set<String> orphans = new TreeSet<>();
        for (String key : en.stringPropertyNames()) {
            if (key.endsWith(".todo") && !en.containsKey(key.substring(0, key.length() - ".todo".length()))) {
                orphans.add(key);
            }
        }
        assertThat(orphans).as("X.todo (what to do) without X (what happened)").isEmpty();
    }

    /** Both languages fill in the same arguments: {0} {1} for MessageFormat keys, %s %d for picocli's. */
    @Test
    void bothLanguagesUseTheSameArguments() {
        List<String> differ = new ArrayList<>();
        for (String key : new TreeSet<>(en.stringPropertyNames())) {
            String zhValue = zh.getProperty(key);
            if (zhValue == null) {
                continue; // BundlesTest reports missing keys
            }
            Set<String> a = arguments(key, en.getProperty(key));
            Set<String> b = arguments(key, zhValue);
            if (!a.equals(b)) {
                differ.add(key + ": en " + a + ", zh_CN " + b);
            }
        }
        assertThat(differ).as("keys whose English and Chinese take different arguments").isEmpty();
    }

    static Set<String> arguments(String key, String value) {
        Set<String> args = new TreeSet<>();
        if (isPrintf(key)) {
            var m = Pattern.compile("%(\\d+\\$)?[-#+ 0,(]*\\d*(\\.\\d+)?[a-zA-Z]").matcher(value);
            while (m.find()) {
                if (!m.group().equals("%n")) {
                    args.add(m.group());
                }
            }
            return args;
        }
        for (MessagePattern.Part part : MessagePattern.parse(value)) {
            if (part.placeholder()) {
                args.add("{" + part.text().substring(1).split("[,}]")[0].strip() + "}");
            }
        }
        return args;
    }

    @Test
    void argumentReadingKnowsQuotes() {
        assertThat(arguments("a.b", "It''s {0} of {1,number}; '{'2'}' is literal")).containsExactly("{0}", "{1}");
        assertThat(arguments("gosetup.x", "Give %s, then %d%n")).containsExactly("%d", "%s");
        assertThat(unused(Set.of("doctor.path.missing.title", "doctor.gone.title", "startup.unusable.LINK.detail",
                "gosetup.install.usage.description", "gosetup.nope.usage.description"),
                Set.of("doctor.path.missing"), Set.of("gosetup", "install")))
                .containsExactly("doctor.gone.title", "gosetup.nope.usage.description");
    }
}
