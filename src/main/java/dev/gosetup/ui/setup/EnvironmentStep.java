package dev.gosetup.ui.setup;

import dev.gosetup.i18n.Messages;
import dev.gosetup.settings.ManagedSettings;
import dev.gosetup.settings.PolicySetting;
import dev.gosetup.settings.Settings;
import dev.gosetup.ui.common.ManagedMarks;
import dev.gosetup.shell.Conflict;
import dev.gosetup.shell.EnvSetup;
import dev.gosetup.shell.EnvSpec;
import dev.gosetup.shell.Shell;
import dev.gosetup.shell.sources.ShellSources;
import dev.gosetup.shell.MachinePathFix;
import dev.gosetup.ui.common.MachinePathFixBox;
import dev.gosetup.shell.WindowsEnvPlan;
import dev.gosetup.ui.common.BackgroundTasks;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Wizard step 4, "Environment": which shells and files, the exact diff of each, the choices that go into
 * it (GOPATH, GOROOT, GOPROXY, GOPRIVATE), consent for each conflicting line, then Apply — and the one
 * thing to do next, with a copy button. Planning and writing run off the FX thread; nothing is written
 * before Apply.
 */
public final class EnvironmentStep extends VBox {
    private static final Logger LOG = Logger.getLogger(EnvironmentStep.class.getName());

    private final Messages messages;
    private final Supplier<ShellSources> where;
    private final java.util.function.Function<ShellSources, java.util.Optional<MachinePathFix>> machineFixes;
    private final Supplier<Settings> settings;
    private final Consumer<Settings> saveSettings;
    private final FlowPane shellBoxes = new FlowPane(12, 6);
    private final TextField gopath = new TextField();
    private final CheckBox goroot;
    private final TextField goproxy = new TextField();
    private final TextField goprivate = new TextField();
    private final VBox files = new VBox(4);
    private final VBox conflicts = new VBox(4);
    /** The Windows environment's change, when Windows is chosen (the startup files' diffs are in {@link #files}). */
    private final TextArea windowsDiff = new TextArea();
    private final Label status = new Label();
    /** The outcome of Apply or Undo; kept while the preview refreshes after it. */
    private final Label result = new Label();
    /** True once the shells are set up (applied now, or found set up on entering): the wizard may finish. */
    private final javafx.beans.property.BooleanProperty setUp = new javafx.beans.property.SimpleBooleanProperty();
    /** The opt-in per-folder Go for .go-version / .tool-versions projects (shell/FolderGoHook). */
    private final CheckBox folderVersions;
    private final Button apply;
    private final Button undo;
    private final Set<Conflict> consent = new HashSet<>();
    private EnvSetup.Plan plan;
    /** Whose shells and where, found once per visit of the step (off the FX thread). */
    private ShellSources sources;
    private int generation;
    /** The choices the shown preview was made for: leaving a field unchanged must not re-plan (and disable Apply mid-click). */
    private Object previewed;

    public EnvironmentStep(Messages messages, Supplier<ShellSources> where, Supplier<Settings> settings, Consumer<Settings> saveSettings) {
        this(messages, where, settings, saveSettings, ManagedSettings.NONE);
    }

    /** @param managed the organisation's policy: the GOPATH and Go variables it locks cannot be edited here */
    public EnvironmentStep(Messages messages, Supplier<ShellSources> where, Supplier<Settings> settings, Consumer<Settings> saveSettings,
                           ManagedSettings managed) {
        this(messages, where, settings, saveSettings, managed, ShellSources::machinePathFix);
    }

    /**
     * @param machineFixes the machine-Path fix for these shells' owner (Windows only: the registry and one UAC prompt;
     *                     tests give a fake-backed one)
     */
    public EnvironmentStep(Messages messages, Supplier<ShellSources> where, Supplier<Settings> settings, Consumer<Settings> saveSettings,
                           ManagedSettings managed, java.util.function.Function<ShellSources, java.util.Optional<MachinePathFix>> machineFixes) {
        this.machineFixes = machineFixes;
        this.messages = messages;
        ManagedMarks marks = new ManagedMarks(messages, managed);
        this.where = where;
        this.settings = settings;
        this.saveSettings = saveSettings;
        setSpacing(10);
        getStyleClass().add("step");
        Label intro = new Label(messages.get("setup.env.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("muted");

        goroot = new CheckBox(messages.get("setup.env.goroot"));
        goroot.setId("envGoroot");
        goroot.setWrapText(true); // a long sentence: on the next line in a narrow window or a longer language
        folderVersions = new CheckBox(messages.get("setup.env.folderVersions"));
        folderVersions.setId("envFolderVersions");
        folderVersions.setWrapText(true);
        gopath.setId("envGopath");
        goproxy.setId("envGoproxy");
        goprivate.setId("envGoprivate");
        goproxy.setPromptText(messages.get("setup.env.goproxyPrompt"));
        goprivate.setPromptText(messages.get("setup.env.goprivatePrompt"));
        GridPane choices = new GridPane();
        choices.setHgap(10);
        choices.setVgap(6);
        choices.addRow(0, label("setup.env.shells"), shellBoxes);
        choices.addRow(1, label("setup.env.gopath"), marks.mark(gopath, PolicySetting.GOPATH));
        choices.addRow(2, label("setup.env.goproxy"), marks.mark(goproxy, PolicySetting.GOPROXY));
        choices.addRow(3, label("setup.env.goprivate"), marks.mark(goprivate, PolicySetting.GOPRIVATE));
        choices.add(goroot, 1, 4);
        choices.add(folderVersions, 1, 5);
        gopath.setPrefColumnCount(30);
        goproxy.setPrefColumnCount(30);
        goprivate.setPrefColumnCount(30);
        for (TextField f : List.of(gopath, goproxy, goprivate)) {
            f.setOnAction(e -> refresh());
            f.focusedProperty().addListener((o, was, is) -> {
                if (!is) {
                    refresh();
                }
            });
        }
        goroot.setOnAction(e -> refresh());
        folderVersions.setOnAction(e -> refresh()); // the env scripts' diff shows the hook before Apply writes it

        files.setId("envFiles");
        conflicts.setId("envConflicts");
        windowsDiff.setId("envWindowsDiff");
        windowsDiff.setEditable(false);
        windowsDiff.getStyleClass().add("path-field");
        status.setId("envStatus");
        status.setWrapText(true);
        result.setId("envResult");
        result.setWrapText(true);
        apply = new Button(messages.get("setup.env.apply"));
        apply.setId("envApply");
        apply.getStyleClass().add("primary");
        apply.setOnAction(e -> write(false));
        undo = new Button(messages.get("setup.env.undo"));
        undo.setId("envUndo");
        undo.setOnAction(e -> write(true));
        HBox buttons = new HBox(8, apply, undo);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label changes = new Label(messages.get("setup.env.files"));
        changes.getStyleClass().add("section-title");
        // Read first, then act: each file with its own diff, the lines that undo the setup, then Apply. The
        // wizard's Back/Next stay in view below the scrolling step, so a long diff hides nothing.
        getChildren().addAll(intro, choices, changes, files, windowsDiff, conflicts, status, buttons, result);
    }

    private Label label(String key) {
        Label l = new Label(messages.get(key));
        l.getStyleClass().add("fact-label");
        // The grid's field column would squeeze the name to "GOPA…" in a longer language: the name keeps its width.
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    /**
     * Called when the step is shown. Finding the shells (the login shell through getpwuid, the files that
     * exist) runs off the FX thread, once per visit; then the choices are filled and the preview made.
     */
    public void enter() {
        apply.setDisable(true);
        status.setText(messages.get("setup.env.planning"));
        BackgroundTasks.run(() -> {
            ShellSources w = where.get();
            return new Found(w, w.defaultShells(), w.windows().isPresent());
        }, this::fill, this::failed);
    }

    private record Found(ShellSources sources, Set<Shell> shells, boolean windows) {}

    private void fill(Found found) {
        sources = found.sources();
        Settings s = settings.get();
        gopath.setText(s.gopath() == null ? "" : s.gopath());
        gopath.setPromptText(shown(sources.home().resolve("go"))); // the default, as people write it
        goroot.setSelected(s.setGoroot());
        folderVersions.setSelected(s.folderVersions());
        goproxy.setText(s.goEnv().getOrDefault("GOPROXY", ""));
        goprivate.setText(s.goEnv().getOrDefault("GOPRIVATE", ""));
        shellBoxes.getChildren().clear();
        Set<Shell> detected = found.shells();
        for (Shell shell : Shell.values()) {
            if (shell == Shell.CMD && !found.windows()) {
                continue;
            }
            CheckBox box = new CheckBox(messages.get("setup.env.shell." + shell.id));
            box.setId("envShell-" + shell.id);
            box.setUserData(shell);
            box.setSelected(detected.contains(shell));
            box.setOnAction(e -> refresh());
            shellBoxes.getChildren().add(box);
        }
        refresh(true);
    }

    private Settings chosenSettings() {
        Map<String, String> vars = new LinkedHashMap<>(settings.get().goEnv());
        vars.put("GOPROXY", goproxy.getText());
        vars.put("GOPRIVATE", goprivate.getText());
        return settings.get().withEnvironment(gopath.getText(), goroot.isSelected(), vars).withFolderVersions(folderVersions.isSelected());
    }

    /** The shells ticked in this step (the ones set up). */
    public Set<Shell> chosenShells() {
        Set<Shell> out = EnumSet.noneOf(Shell.class);
        shellBoxes.getChildren().forEach(n -> {
            if (n instanceof CheckBox b && b.isSelected()) {
                out.add((Shell) b.getUserData());
            }
        });
        return out;
    }

    /** Recomputes the preview off the FX thread; a later refresh wins over an earlier one still running. */
    private void refresh() {
        refresh(false);
    }

    private void refresh(boolean force) {
        ShellSources w = sources;
        if (w == null) {
            return; // still finding the shells: fill() makes the first preview
        }
        Settings s = chosenSettings();
        Set<Shell> shells = chosenShells();
        Set<Conflict> agreed = Set.copyOf(consent);
        Object key = List.of(s, shells, agreed);
        if (!force && key.equals(previewed)) {
            return;
        }
        if (!force) {
            result.setText(""); // the choices changed: an earlier outcome no longer describes them
            result.getStyleClass().setAll("label");
        }
        previewed = key;
        int mine = ++generation;
        apply.setDisable(true);
        status.setText(messages.get("setup.env.planning"));
        BackgroundTasks.run(() -> {
            EnvSpec spec = w.spec(s);
            EnvSetup.Plan p = w.setup().plan(spec, shells, agreed);
            WindowsEnvPlan win = shells.contains(Shell.CMD) && w.windows().isPresent() ? w.windows().get().plan(spec) : null;
            // An MSI's Go on the machine Path comes before anything in the user Path, in every new process (cmd,
            // IDEs started from Explorer), whichever shells are ticked here.
            java.util.Optional<MachinePathFix> fix = machineFixes.apply(w);
            java.util.Optional<dev.gosetup.i18n.Problem> machineGo = fix.isEmpty() ? java.util.Optional.empty()
                    : fix.get().check(spec).problem(w.sdkRoot());
            return new Preview(p, win, dev.gosetup.shell.WslWindowsGo.forThisProcess().orElse(List.of()),
                    p.effective().isEmpty() ? Current.of(w, shells) : null, machineGo, fix, spec);
        }, preview -> {
            if (mine == generation) {
                show(preview);
            }
        }, this::failed);
    }

    /**
     * @param current the files that carry our block now and when env.sh was written: what "set up" means when
     *                there is nothing to change
     */
    private record Preview(EnvSetup.Plan plan, WindowsEnvPlan windows, List<java.nio.file.Path> wslWindowsGo, Current current,
                           java.util.Optional<dev.gosetup.i18n.Problem> machineGo, java.util.Optional<MachinePathFix> fix, EnvSpec spec) {}

    /** The setup as it is on disk: the startup files with our block, and env.sh's time. */
    private record Current(List<java.nio.file.Path> files, java.time.Instant since) {
        static Current of(ShellSources w, Set<Shell> shells) {
            List<java.nio.file.Path> withBlock = w.setup().planUndo(shells).effective().stream().map(EnvSetup.FileChange::path)
                    .filter(p -> !p.getFileName().toString().startsWith("env.")).toList();
            java.time.Instant since = null;
            try {
                java.nio.file.Path script = w.setup().scriptsDir().resolve("env.sh");
                if (java.nio.file.Files.isRegularFile(script)) {
                    since = java.nio.file.Files.getLastModifiedTime(script).toInstant();
                }
            } catch (java.io.IOException e) {
                LOG.log(Level.FINE, "No time for env.sh", e);
            }
            return new Current(withBlock, since);
        }
    }

    private void show(Preview preview) {
        plan = preview.plan();
        files.getChildren().clear();
        for (EnvSetup.FileChange c : plan.effective()) {
            String key = c.after() == null ? "setup.env.delete" : c.before().exists() ? "setup.env.change" : "setup.env.create";
            Label line = new Label(messages.get(key, shown(c.path())) + (c.before().viaLink()
                    ? "  " + messages.get("setup.env.viaLink", shown(c.before().real())) : ""));
            line.setWrapText(true);
            line.getStyleClass().add("env-file");
            files.getChildren().add(line);
            if (c.target() != null) {
                Label why = new Label(messages.get(c.target().why()));
                why.getStyleClass().add("muted");
                why.setWrapText(true);
                files.getChildren().add(why);
            }
            files.getChildren().add(diffArea(dev.gosetup.secrets.Redaction.redact(c.diff()))); // as the command line shows it
        }
        for (dev.gosetup.shell.StartupFiles.Unusable u : plan.skipped()) { // left alone; the others still get set up
            Label left = new Label(messages.get("startup.unusable." + u.kind().name() + ".detail", shown(u.file()), shown(u.real()),
                    String.valueOf(u.sizeMb())));
            left.setWrapText(true);
            left.getStyleClass().add("note");
            files.getChildren().add(left);
        }
        conflicts.getChildren().clear();
        for (Conflict c : plan.conflicts()) {
            String text = messages.get("setup.env.conflict", c.file().getFileName(), c.line() + 1, c.text().strip(), messages.get(c.explanationKey()));
            if (c.canDisable()) {
                CheckBox box = new CheckBox(text);
                box.setWrapText(true);
                box.setSelected(consent.contains(c));
                box.setOnAction(e -> {
                    if (box.isSelected()) {
                        consent.add(c);
                    } else {
                        consent.remove(c);
                    }
                    refresh();
                });
                conflicts.getChildren().add(box);
            } else {
                Label l = new Label(text);
                l.setWrapText(true);
                l.getStyleClass().add("note");
                conflicts.getChildren().add(l);
            }
        }
        if (!preview.wslWindowsGo().isEmpty()) {
            Label wsl = new Label(messages.get("env.wsl.windowsGo", preview.wslWindowsGo().getFirst(), dev.gosetup.shell.WslWindowsGo.WSL_CONF_FIX));
            wsl.setWrapText(true);
            wsl.getStyleClass().add("note");
            conflicts.getChildren().add(wsl);
        }
        machineGo = preview.machineGo().map(messages::describe);
        if (sources.files().os().equals("windows") && !sources.files().windowsPowerShellRunsScripts()) {
            Label ps51 = new Label(messages.get("env.windows.ps51NoScripts"));
            ps51.setWrapText(true);
            ps51.getStyleClass().add("note");
            conflicts.getChildren().add(ps51);
        }
        // What is wrong, the two ways out, and the button that takes the second with one UAC prompt.
        preview.machineGo().ifPresent(problem -> conflicts.getChildren().add(new MachinePathFixBox(messages, problem,
                () -> new MachinePathFixBox.Target(preview.fix().orElseThrow(), preview.spec()), after -> {
                    result.getStyleClass().setAll("label", "host-consequence");
                    result.setText(messages.get("setup.env.fixMachinePath.fixed", preview.spec().goBin()));
                    refresh(true); // the registry, read again, decides what the step says now
                })));
        String windowsChange = preview.windows() != null && preview.windows().changesAnything()
                ? messages.get("cli.env.windows") + "\n" + String.join("\n", preview.windows().diffText().stream().map(messages::text).toList()) : "";
        windowsDiff.setText(dev.gosetup.secrets.Redaction.redact(windowsChange)); // as the command line shows it
        windowsDiff.setPrefRowCount(rows(windowsChange));
        windowsDiff.setVisible(!windowsChange.isEmpty());
        windowsDiff.setManaged(!windowsChange.isEmpty());
        boolean nothing = plan.effective().isEmpty() && windowsChange.isEmpty();
        if (!plan.problems().isEmpty()) {
            status.setText(messages.get("setup.env.problems") + "\n" + String.join("\n",
                    plan.problems().stream().map(p -> messages.describe(p.what())).toList()));
            status.getStyleClass().setAll("label", "note");
        } else {
            status.setText(nothing ? currentState(preview.current()) : "");
            status.getStyleClass().setAll("label");
        }
        apply.setDisable(!plan.problems().isEmpty() || nothing);
        setUp.set(nothing && plan.problems().isEmpty() && preview.current() != null && !preview.current().files().isEmpty());
    }

    /** "Set up on 3 Dec 2026, 09:14: ~/.zshrc, ~/.bashrc": what is there now, not "nothing to change". */
    private String currentState(Current current) {
        if (current == null || current.files().isEmpty()) {
            return messages.get("setup.env.upToDate");
        }
        String files = String.join(", ", current.files().stream().map(this::shown).toList());
        if (current.since() == null) {
            return messages.get("setup.env.setUpFiles", files);
        }
        String when = java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM,
                java.time.format.FormatStyle.SHORT).withLocale(messages.locale())
                .format(current.since().atZone(java.time.ZoneId.systemDefault()));
        return messages.get("setup.env.setUpOn", when, files);
    }

    /** One file's diff, as tall as it is (up to 24 lines, then it scrolls), as wide as the step. */
    private static TextArea diffArea(String text) {
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.setWrapText(false);
        area.setPrefRowCount(rows(text));
        area.setMaxWidth(Double.MAX_VALUE);
        area.getStyleClass().addAll("path-field", "env-diff");
        return area;
    }

    private static int rows(String text) {
        return Math.max(2, Math.min(24, (int) text.lines().count() + 1));
    }

    /** Whether the shells are set up now (after Apply, or found so): the wizard's last step may follow. */
    public javafx.beans.property.ReadOnlyBooleanProperty setUpProperty() {
        return setUp;
    }

    /** ~/.zshrc rather than /Users/name/.zshrc: what people recognise as theirs. */
    private String shown(java.nio.file.Path p) {
        return dev.gosetup.files.HomePaths.display(p, sources.home());
    }

    /** What the last preview found on Windows: a machine-wide Go that beats ours, in words; empty elsewhere. */
    private java.util.Optional<String> machineGo = java.util.Optional.empty();

    private void write(boolean undoing) {
        ShellSources w = sources;
        Settings s = chosenSettings();
        Set<Shell> shells = chosenShells();
        EnvSetup.Plan current = plan;
        apply.setDisable(true);
        undo.setDisable(true);
        result.setText(messages.get("setup.env.writing"));
        result.getStyleClass().setAll("label");
        BackgroundTasks.run(() -> {
            EnvSetup setup = w.setup();
            // under the same lock as the files: a command line applying at the same time waits its turn
            return setup.apply(undoing ? setup.planUndo(shells) : current, () -> {
                if (shells.contains(Shell.CMD) && w.windows().isPresent()) {
                    if (undoing) {
                        w.windows().get().undo();
                    } else {
                        w.windows().get().apply(w.spec(s));
                    }
                }
            });
        }, r -> {
            undo.setDisable(false);
            if (!undoing) {
                saveSettings.accept(s);
            }
            // Written, but a machine-wide Go still wins in new terminals: say that first, never plain "done".
            boolean beaten = !undoing && machineGo.isPresent();
            result.getStyleClass().setAll("label", beaten ? "note" : "host-consequence");
            StringBuilder text = new StringBuilder(beaten ? machineGo.get() : messages.get(undoing ? "setup.env.undone" : "setup.env.done"));
            Set<java.nio.file.Path> existed = new HashSet<>();
            current.effective().stream().filter(c -> c.before().exists()).forEach(c -> existed.add(c.path()));
            for (java.nio.file.Path written : r.written()) {
                java.util.Optional<java.nio.file.Path> backup = r.backups().stream()
                        .filter(b -> java.util.Objects.equals(b.getParent(), written.getParent())
                                && b.getFileName().toString().startsWith(written.getFileName() + ".gosetup-backup")).findFirst();
                String line = !existed.contains(written) ? messages.get("setup.env.wroteNew", shown(written))
                        : backup.isPresent() ? messages.get("setup.env.wroteWithBackup", shown(written), shown(backup.get()))
                        : messages.get("setup.env.wrote", shown(written));
                text.append("\n").append(line);
            }
            r.deleted().forEach(d -> text.append("\n").append(messages.get("setup.env.removed", shown(d))));
            result.setText(text.toString());
            setUp.set(!undoing);
            refresh(true);
        }, error -> {
            undo.setDisable(false);
            failed(error);
        });
    }

    private void failed(Throwable error) {
        LOG.log(Level.WARNING, "Shell environment failed", error);
        result.getStyleClass().setAll("label", "note");
        result.setText(messages.get("setup.env.failed", messages.describe(error)));
        apply.setDisable(plan == null || !plan.problems().isEmpty());
    }
}
