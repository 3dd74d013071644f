package dev.gosetup.ui.setup;

import dev.gosetup.i18n.Messages;
import dev.gosetup.install.InstallSources;
import dev.gosetup.release.GoVersion;
import dev.gosetup.release.Platform;
import dev.gosetup.doctor.Finding;
import dev.gosetup.doctor.TerminalFindings;
import dev.gosetup.shell.Shell;
import dev.gosetup.shell.sources.ShellSources;
import dev.gosetup.shell.terminal.NewTerminal;
import dev.gosetup.shell.terminal.TerminalReport;
import dev.gosetup.ui.common.BackgroundTasks;
import dev.gosetup.ui.common.FindingLine;
import java.util.Set;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The wizard's last step, "Ready": what a new terminal will run — found out by starting the real shells as
 * a terminal does ({@link NewTerminal}), not from this window's own environment, which predates the change —
 * and the one thing left to do: open a new terminal and type {@code go version}, with the line it should print.
 */
public final class ReadyStep extends VBox {
    private static final Logger LOG = Logger.getLogger(ReadyStep.class.getName());
    static final String COMMAND = "go version";

    private final Messages messages;
    private final Supplier<InstallSources> sources;
    private final Supplier<Platform> platform;
    private final Supplier<ShellSources> shells;
    private final Supplier<Set<Shell>> chosenShells;
    private final java.nio.file.Path home;
    private final Label headline = new Label();
    private final Label expected = new Label();
    private final VBox terminals = new VBox(6);
    private final Label stale = new Label();
    private int generation;

    /**
     * @param chosenShells the shells step 4 set up: each is started as a new terminal
     * @param home         paths inside it are shown as ~/…
     */
    public ReadyStep(Messages messages, Supplier<InstallSources> sources, Supplier<Platform> platform,
                     Supplier<ShellSources> shells, Supplier<Set<Shell>> chosenShells, java.nio.file.Path home) {
        this.messages = messages;
        this.sources = sources;
        this.platform = platform;
        this.shells = shells;
        this.chosenShells = chosenShells;
        this.home = home;
        setSpacing(12);
        getStyleClass().add("step");
        headline.setId("readyHeadline");
        headline.setWrapText(true);
        headline.getStyleClass().add("host-consequence");
        Label open = new Label(messages.get("setup.ready.openTerminal"));
        open.setWrapText(true);
        TextField command = new TextField(COMMAND);
        command.setEditable(false);
        command.setPrefColumnCount(12);
        command.getStyleClass().add("path-field");
        Button copy = new Button(messages.get("setup.env.copy"));
        copy.setId("readyCopy");
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(COMMAND);
            Clipboard.getSystemClipboard().setContent(c);
            copy.setText(messages.get("setup.env.copied"));
        });
        HBox run = new HBox(8, command, copy);
        run.setAlignment(Pos.CENTER_LEFT);
        expected.setId("readyExpected");
        expected.setWrapText(true);
        terminals.setId("readyTerminals");
        stale.setId("readyStale");
        stale.setWrapText(true);
        stale.getStyleClass().add("muted");
        Label checked = new Label(messages.get("setup.ready.checked"));
        checked.getStyleClass().add("section-title");
        checked.setWrapText(true); // a sentence, not a word: wraps rather than ending in "…"
        getChildren().addAll(headline, checked, terminals, stale, open, run, expected);
    }

    private record Checked(Optional<GoVersion> active, TerminalReport report) {}

    /**
     * Called when the step is shown: reads the active version and starts the chosen shells as new terminals,
     * in parallel, off the FX thread (a few seconds at most: each shell has a time limit).
     */
    public void enter() {
        int mine = ++generation;
        headline.setText(messages.get("setup.ready.checking"));
        headline.getStyleClass().setAll("label");
        expected.setText("");
        stale.setText("");
        terminals.getChildren().setAll(new Label(messages.get("setup.ready.starting")));
        Set<Shell> chosen = chosenShells.get();
        BackgroundTasks.run(() -> {
            Optional<GoVersion> active = sources.get().sdk().active();
            ShellSources where = shells.get();
            TerminalReport report = chosen.isEmpty() ? TerminalReport.NONE
                    : NewTerminal.check(where, chosen, NewTerminal.Options.defaults());
            return new Checked(active, report);
        }, checked -> {
            if (mine == generation) {
                show(checked);
            }
        }, error -> {
            LOG.log(Level.WARNING, "The new-terminal check failed", error);
            show(new Checked(Optional.empty(), TerminalReport.NONE));
        });
    }

    private void show(Checked checked) {
        terminals.getChildren().clear();
        for (Finding f : TerminalFindings.of(checked.report(), home)) {
            terminals.getChildren().add(FindingLine.of(messages, f));
        }
        Optional<GoVersion> active = checked.active();
        Platform p = platform.get();
        if (active.isEmpty() || p == null) {
            headline.setText(messages.get("setup.ready.noActive"));
            headline.getStyleClass().setAll("label", "note");
            return;
        }
        TerminalReport report = checked.report();
        boolean fine = !report.ran() || report.newTerminalsFine();
        // This window was started before the change: its own PATH is old; new terminals are what count.
        String ownPath = System.getenv().getOrDefault("PATH", "");
        String goBin = sources.get().sdk().path().resolve("go").resolve("bin").toString();
        if (fine && report.ran() && !java.util.Arrays.asList(ownPath.split(java.io.File.pathSeparator)).contains(goBin)) {
            stale.setText(messages.get("setup.ready.staleWindow"));
        }
        // What `go version` prints: "go version go1.22.5 darwin/arm64".
        expected.setText(messages.get("setup.ready.expected", "go version " + active.get().name() + " " + p.os() + "/" + p.arch()));
        // The headline last: it is what says the check is over.
        headline.setText(fine ? messages.get("setup.ready.done", active.get().name())
                : messages.get("setup.ready.notYet", active.get().name()));
        headline.getStyleClass().setAll("label", fine ? "host-consequence" : "note");
    }
}
