package dev.gosetup.ui.setup;

import dev.gosetup.fetch.CancelToken;
import dev.gosetup.fetch.ChecksumMismatchException;
import dev.gosetup.fetch.DownloadException;
import dev.gosetup.fetch.ProgressListener;
import dev.gosetup.files.HomePaths;
import dev.gosetup.i18n.ByteSize;
import dev.gosetup.i18n.Messages;
import dev.gosetup.install.InstallPlan;
import dev.gosetup.install.InstallResult;
import dev.gosetup.install.InstallSources;
import dev.gosetup.install.UnsafeArchiveException;
import dev.gosetup.ui.common.BackgroundTasks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Wizard step 3, "Download and install": progress with rate and time left, cancel; then verifying,
 * unpacking, checking {@code go version}; a result that shows the installed version and arch, or what
 * happened and what to do.
 */
public final class InstallStep extends VBox {
    private static final Logger LOG = Logger.getLogger(InstallStep.class.getName());

    private final Messages messages;
    private final Path home;
    private final Supplier<InstallSources> sources;
    private final Label what = new Label();
    private final ProgressBar bar = new ProgressBar(0);
    private final Label progressText = new Label();
    private final Label phase = new Label();
    private final Label result = new Label();
    private final Button install;
    private final Button cancel;
    private final javafx.beans.property.BooleanProperty ready = new javafx.beans.property.SimpleBooleanProperty();
    private InstallPlan plan;
    private CancelToken token;

    public InstallStep(Messages messages, Supplier<InstallSources> sources) {
        this(messages, sources, dev.gosetup.settings.UserHome.current());
    }

    /** @param home paths inside it are shown as ~/… */
    public InstallStep(Messages messages, Supplier<InstallSources> sources, Path home) {
        this.home = home;
        this.messages = messages;
        this.sources = sources;
        setSpacing(12);
        getStyleClass().add("step");
        what.setId("installWhat");
        what.setWrapText(true);
        bar.setId("installProgress");
        bar.setPrefWidth(520);
        progressText.setId("installProgressText");
        progressText.getStyleClass().add("muted");
        phase.setId("installPhase");
        result.setId("installResult");
        result.setWrapText(true);
        install = new Button(messages.get("setup.install.start"));
        install.setId("startInstall");
        install.getStyleClass().add("primary");
        install.setOnAction(e -> start());
        cancel = new Button(messages.get("setup.install.cancel"));
        cancel.setId("cancelInstall");
        cancel.setDisable(true);
        cancel.setOnAction(e -> {
            if (token != null) {
                token.cancel();
            }
        });
        HBox buttons = new HBox(8, install, cancel);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(what, buttons, bar, progressText, phase, result);
    }

    /** True once there is an active Go for the environment step to point at. */
    public javafx.beans.property.ReadOnlyBooleanProperty readyProperty() {
        return ready;
    }

    public void setPlan(InstallPlan plan) {
        this.plan = plan;
        InstallSources s = sources.get();
        ready.set(s.sdk().active().isPresent());
        what.setText(plan == null ? messages.get("setup.install.nothing")
                : messages.get("setup.install.what", plan.version().name(), plan.file().filename(),
                        new ByteSize(plan.file().size()), HomePaths.display(sources.get().sdk().versionDir(plan.version()), home)));
        install.setDisable(plan == null);
    }

    private void start() {
        token = new CancelToken();
        install.setDisable(true);
        cancel.setDisable(false);
        result.setText("");
        result.getStyleClass().removeAll("host-consequence", "note");
        phase.setText(messages.get("setup.install.downloading"));
        InstallSources s = sources.get();
        InstallPlan p = plan;
        CancelToken t = token;
        ProgressListener listener = new ProgressListener() {
            @Override
            public void bytes(long done, long total, double rate) {
                Platform.runLater(() -> showBytes(done, total, rate));
            }

            @Override
            public void retrying(int attempt, Duration wait, dev.gosetup.i18n.Problem reason) {
                Platform.runLater(() -> phase.setText(messages.get("setup.install.retrying", reason)));
            }

            @Override
            public void phase(String key) {
                Platform.runLater(() -> phase.setText(messages.get(key)));
            }
        };
        BackgroundTasks.run(() -> {
            InstallResult r = s.installer().install(p, listener, t);
            // The wizard sets up the Go the user chose: it becomes the active one, which the next step puts on PATH.
            s.sdk().activate(p.version());
            return r;
        }, this::done, this::failed);
    }

    private void showBytes(long done, long total, double rate) {
        bar.setProgress(total > 0 ? (double) done / total : ProgressBar.INDETERMINATE_PROGRESS);
        if (rate <= 0 || total <= 0) {
            // No rate yet (or a local mirror that finished at once): no "0.0 MB/s", no made-up time left.
            progressText.setText(messages.get("setup.install.bytesNoRate", new ByteSize(done), new ByteSize(total)));
            return;
        }
        String left = formatDuration((long) ((total - done) / rate));
        progressText.setText(messages.get("setup.install.bytes", new ByteSize(done), new ByteSize(total),
                new ByteSize((long) rate), left));
    }

    private static String formatDuration(long seconds) {
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    private void done(InstallResult r) {
        cancel.setDisable(true);
        bar.setProgress(1);
        phase.setText(messages.get("setup.install.finished"));
        String checked = r.goVersion() != null ? r.goVersion() : messages.get("cli.install.notRun");
        String where = HomePaths.display(r.dir(), home);
        result.setText(messages.get(r.alreadyInstalled() ? "install.summary.alreadyActive" : "install.summary.active", where)
                + "\n" + messages.text(dev.gosetup.install.VerificationRecord.summary(r.verified()))
                + "\n" + messages.get("setup.install.says", checked, r.binaryPlatform() == null ? "?" : r.binaryPlatform()));
        result.getStyleClass().add("host-consequence");
        ready.set(true);
    }

    private void failed(Throwable error) {
        cancel.setDisable(true);
        install.setDisable(false);
        bar.setProgress(0);
        LOG.log(Level.WARNING, "Install failed", error);
        String advice = switch (error) {
            case CancelToken.CancelledException c -> "setup.install.advice.cancelled";
            case ChecksumMismatchException c -> "setup.install.advice.checksum";
            case dev.gosetup.install.UnnameableEntryException c -> "setup.install.advice.other";
            case UnsafeArchiveException c -> "setup.install.advice.archive";
            case DownloadException c -> "setup.install.advice.download";
            default -> "setup.install.advice.other";
        };
        phase.setText(messages.get("setup.install.failed"));
        // What happened and what to do, in the user's language; then where in this window to do it.
        result.setText(messages.describe(error) + "\n\n" + messages.get(advice));
        result.getStyleClass().add("note");
    }
}
