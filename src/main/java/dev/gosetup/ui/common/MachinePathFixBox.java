package dev.gosetup.ui.common;

import dev.gosetup.i18n.Messages;
import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.Text;
import dev.gosetup.shell.EnvSpec;
import dev.gosetup.shell.MachinePathFix;
import dev.gosetup.shell.WindowsUserEnvironment.MachineCheck;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

/**
 * A machine-wide Go (the MSI's) that comes before ours in every new process: the machine-Path change gosetup would
 * make, and "Fix for everyone (administrator)…", which makes it with one UAC prompt off the FX thread and then shows
 * what the registry, read again, says — never "fixed" while the other Go still wins. The other way out (remove that
 * Go in Settings → Apps) is in the problem's own words, shown above the change. Used by the Environment step and the
 * Health check's machine-go-wins finding.
 */
public final class MachinePathFixBox extends VBox {
    private static final Logger LOG = Logger.getLogger(MachinePathFixBox.class.getName());

    /** The fix and the spec it is for, found off the FX thread (finding the shells may start one). */
    public record Target(MachinePathFix fix, EnvSpec spec) {}

    private record Prepared(Target target, List<Text> change) {}

    private final Messages messages;
    private final Button button;
    private final Label outcome = new Label();
    private Target target;

    /**
     * @param problem what is wrong now (env.windows.machineGoWins), or null where the page already says it
     * @param source  the fix and its spec, called on a background thread
     * @param fixed   called on the FX thread once the registry says our Go wins
     */
    public MachinePathFixBox(Messages messages, Problem problem, Callable<Target> source, Consumer<MachineCheck> fixed) {
        super(6);
        this.messages = messages;
        setId("machinePathFixBox");
        if (problem != null) {
            Label wins = new Label(messages.describe(problem));
            wins.setId("envMachineGoWins");
            wins.setWrapText(true);
            wins.getStyleClass().add("note");
            getChildren().add(wins);
        }
        Label changeTitle = new Label(messages.get("setup.env.fixMachinePath.change"));
        changeTitle.setWrapText(true);
        changeTitle.getStyleClass().add("muted");
        TextArea change = new TextArea();
        change.setId("machinePathChange");
        change.setEditable(false);
        change.getStyleClass().add("path-field");
        change.setPrefRowCount(4);
        button = new Button(messages.get("setup.env.fixMachinePath"));
        button.setId("machinePathFix");
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        button.setDisable(true); // until the change it would make is on screen
        outcome.setId("machinePathFixResult");
        outcome.setWrapText(true);
        button.setOnAction(e -> run(fixed));
        getChildren().addAll(changeTitle, change, button, outcome);
        // Read first, then act: the machine Path before and after, as the command line shows it.
        BackgroundTasks.run(() -> {
            Target t = source.call();
            return new Prepared(t, t.fix().plan(t.spec()).diffText());
        }, prepared -> {
            target = prepared.target();
            change.setText(dev.gosetup.secrets.Redaction.redact(String.join("\n", prepared.change().stream().map(messages::text).toList())));
            change.setPrefRowCount(Math.max(2, Math.min(12, prepared.change().size() + 1)));
            button.setDisable(false);
        }, error -> {
            LOG.log(Level.WARNING, "Could not read the machine environment", error);
            change.setText(messages.describe(error));
        });
    }

    private void run(Consumer<MachineCheck> fixed) {
        Target t = target;
        button.setDisable(true);
        outcome.getStyleClass().setAll("label");
        outcome.setText(messages.get("setup.env.fixMachinePath.running"));
        BackgroundTasks.run(() -> t.fix().run(t.spec()), after -> {
            outcome.getStyleClass().setAll("label", "host-consequence");
            outcome.setText(messages.get("setup.env.fixMachinePath.fixed", t.spec().goBin()));
            fixed.accept(after);
        }, error -> {
            LOG.log(Level.INFO, "Machine Path not fixed", error);
            outcome.getStyleClass().setAll("label", "note");
            outcome.setText(messages.get("setup.env.fixMachinePath.failed", messages.describe(error)));
            button.setDisable(false); // declined, or failed: the user may try again
        });
    }
}
