package dev.gosetup.ui.update;

import dev.gosetup.fetch.CancelToken;
import dev.gosetup.fetch.ProgressListener;
import dev.gosetup.i18n.Messages;
import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.ProblemException;
import dev.gosetup.install.InstallPlan;
import dev.gosetup.install.InstallSources;
import dev.gosetup.release.ArchiveChooser;
import dev.gosetup.release.GoFile;
import dev.gosetup.release.Platform;
import dev.gosetup.release.Release;
import dev.gosetup.settings.ManagedSettings;
import dev.gosetup.ui.common.BackgroundTasks;
import dev.gosetup.update.NewGoCheck;
import dev.gosetup.update.NoticeSchedule;
import dev.gosetup.update.UpdateNotice;
import dev.gosetup.update.UpdateNotices;
import dev.gosetup.update.Updater;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The quiet bar at the top of the window that says a newer Go is out: looked for at start at most once a day
 * ({@link NoticeSchedule}), from the release list (the cached copy when offline, and then it says so and how old it
 * is). "Update to go1.X.Y" runs the engine's {@link Updater} on a background task with progress, the same flow as
 * {@code gosetup update}; "Not now" hides it until the next day's check. Hidden (and taking no space) otherwise.
 */
public final class UpdateBanner extends VBox {
    private static final Logger LOG = Logger.getLogger(UpdateBanner.class.getName());

    private final Messages messages;
    private final Supplier<InstallSources> sources;
    private final ManagedSettings managed;
    private final Path configDir;
    private final Supplier<Platform> hostPlatform;
    private final Runnable onUpdated;
    private final Label text = new Label();
    private final Button update = new Button();
    private final Button notNow = new Button();
    private final ProgressBar bar = new ProgressBar(0);
    private final Label status = new Label();
    private UpdateNotice notice;

    /**
     * @param hostPlatform this machine's platform (detection: called off the FX thread)
     * @param onUpdated    what to refresh once another Go is active (the page shown)
     */
    public UpdateBanner(Messages messages, Supplier<InstallSources> sources, ManagedSettings managed, Path configDir,
                        Supplier<Platform> hostPlatform, Runnable onUpdated) {
        this.messages = messages;
        this.sources = sources;
        this.managed = managed;
        this.configDir = configDir;
        this.hostPlatform = hostPlatform;
        this.onUpdated = onUpdated;
        setId("updateBanner");
        getStyleClass().add("update-banner");
        text.setId("updateText");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        update.setId("updateNow");
        update.setDefaultButton(false);
        update.setOnAction(e -> startUpdate());
        notNow.setId("updateNotNow");
        notNow.setText(messages.get("ui.update.notNow"));
        notNow.setOnAction(e -> hideBanner());
        // The buttons keep their words; the sentence wraps instead.
        update.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        notNow.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox row = new HBox(8, text, update, notNow);
        row.setAlignment(Pos.CENTER_LEFT);
        bar.setId("updateProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        status.setId("updateStatus");
        status.setWrapText(true);
        status.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(row, bar, status);
        setSpacing(4);
        show(bar, false);
        show(status, false);
        hideBanner();
    }

    /** Looks for a newer Go on a background thread, if a day has passed since the last look ({@code clock} is the seam). */
    public void check(Clock clock) {
        BackgroundTasks.run(() -> {
            NoticeSchedule schedule = new NoticeSchedule(configDir, clock);
            if (!UpdateNotices.enabled(managed) || !schedule.due()) {
                return Optional.<UpdateNotices.Found>empty();
            }
            InstallSources s = sources.get();
            Optional<UpdateNotices.Found> found = UpdateNotices.check(s.catalog(), s.releaseList(), s.sdk(), managed);
            schedule.markChecked(); // looked (online or from the cache): not again today
            return found;
        }, found -> found.ifPresent(f -> showNotice(f, clock)), error -> LOG.log(Level.INFO, "No update check this time", error));
    }

    private void showNotice(UpdateNotices.Found found, Clock clock) {
        notice = found.notice();
        String sentence = messages.get(notice.key(), notice.args());
        text.setText(found.fromCache() ? messages.get("ui.update.banner.cached", sentence, Math.round(found.listAge(clock.instant()).toMinutes() / 60.0))
                : messages.get("ui.update.banner.fresh", sentence));
        update.setText(messages.get("ui.update.button", notice.target().name()));
        update.setDisable(false);
        notNow.setDisable(false);
        show(bar, false);
        show(status, false);
        show(this, true);
    }

    private void hideBanner() {
        show(this, false);
    }

    private static void show(javafx.scene.Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    private void startUpdate() {
        UpdateNotice n = notice;
        update.setDisable(true);
        notNow.setDisable(true);
        bar.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        show(bar, true);
        status.setText(messages.get("ui.update.running", n.target().name()));
        show(status, true);
        ProgressListener listener = new ProgressListener() {
            @Override
            public void bytes(long done, long total, double rate) {
                javafx.application.Platform.runLater(() -> bar.setProgress(total > 0 ? (double) done / total : ProgressBar.INDETERMINATE_PROGRESS));
            }

            @Override
            public void phase(String key) {
                javafx.application.Platform.runLater(() -> status.setText(messages.get(key)));
            }
        };
        BackgroundTasks.run(() -> {
            InstallSources s = sources.get();
            Release release = s.catalog().load(s.releaseList()).list().find(n.target().name())
                    .orElseThrow(() -> new ProblemException(Problem.of("cli.install.noSuchVersion", n.target().name())));
            Platform platform = hostPlatform.get();
            if (platform == null) {
                throw new ProblemException(Problem.of("cli.install.noPlatform"));
            }
            GoFile file = switch (new ArchiveChooser().choose(release, platform)) {
                case ArchiveChooser.Choice.Found f -> f.file();
                case ArchiveChooser.Choice.NoBuild nb -> throw new ProblemException(Problem.of("cli.install.noBuild",
                        release.version().name(), nb.platform()));
            };
            InstallPlan plan = s.plan(release.version(), file);
            Updater.Result r = new Updater(s.sdk(), s.installer(), NewGoCheck.standard()).update(plan, listener, new CancelToken());
            return new Updated(r, dev.gosetup.tools.ToolRebuilder.staleAfterUpdate(dev.gosetup.settings.UserHome.current(), r.install().dir(), r.now(), platform.arch()));
        }, this::updated, this::failed);
    }

    /** @param staleTools tools in GOPATH/bin built with an older Go or for another CPU, which `gosetup tools --rebuild` rebuilds */
    private record Updated(Updater.Result result, int staleTools) {}

    private void updated(Updated u) {
        Updater.Result r = u.result();
        // The notice is answered: the bar now says what happened, nothing else.
        String done = messages.get("ui.update.done", r.now().name(), r.previous().name());
        text.setText(u.staleTools() > 0 ? messages.get("text.then", done, messages.get("cli.update.toolsStale", u.staleTools())) : done);
        show(bar, false);
        show(status, false);
        show(update, false);
        notNow.setText(messages.get("common.close"));
        notNow.setDisable(false);
        onUpdated.run();
    }

    private void failed(Throwable error) {
        LOG.log(Level.WARNING, "Update failed", error);
        bar.setProgress(0);
        show(bar, false);
        status.setText(messages.get("ui.update.failed", messages.describe(error)));
        update.setDisable(false);
        notNow.setDisable(false);
    }
}
