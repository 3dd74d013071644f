package dev.gosetup.ui.versions;

import dev.gosetup.cleanup.Cleanup;
import dev.gosetup.files.HomePaths;
import dev.gosetup.i18n.ByteSize;
import dev.gosetup.i18n.Messages;
import dev.gosetup.release.GoVersion;
import dev.gosetup.ui.common.BackgroundTasks;
import dev.gosetup.ui.common.WhyDisabled;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * "Free disk space" on the Installed versions page: first what can be freed and how much (checked off the FX
 * thread), one tick box per kind; nothing is freed until the user ticks and presses Free. What gosetup cannot
 * explain is listed as left alone.
 */
public final class CleanupSection extends VBox {
    /** The cleanup and what the known projects need, both made off the FX thread. */
    public record Source(Cleanup cleanup, Map<GoVersion, Path> needed) {}

    private final Messages messages;
    private final Callable<Source> source;
    private final Path home;
    private final Runnable onFreed;
    private final VBox found = new VBox(6);
    private final Label status = new Label();
    private final Map<Cleanup.Choice, CheckBox> boxes = new EnumMap<>(Cleanup.Choice.class);
    private final Button free = new Button();
    private final WhyDisabled freeWhy;
    private Source scanned;
    private Cleanup.Plan plan;

    /** @param onFreed called on the FX thread after something was freed (the page rescans) */
    public CleanupSection(Messages messages, Callable<Source> source, Path home, Runnable onFreed) {
        super(8);
        this.messages = messages;
        this.source = source;
        this.home = home;
        this.onFreed = onFreed;
        setId("cleanupSection");
        Label title = new Label(messages.get("versions.cleanup.title"));
        title.getStyleClass().add("section-title");
        Label intro = wrapped(messages.get("versions.cleanup.intro"));
        intro.getStyleClass().add("muted");
        Button scan = new Button(messages.get("versions.cleanup.scan"));
        scan.setId("cleanupScan");
        scan.setOnAction(e -> scan());
        free.setText(messages.get("versions.cleanup.free"));
        free.setId("cleanupFree");
        free.setOnAction(e -> free());
        freeWhy = new WhyDisabled(free, messages.get("versions.cleanup.why.notScanned"));
        status.setId("cleanupStatus");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        found.setId("cleanupFound");
        FlowPane buttons = new FlowPane(8, 8, new WhyDisabled(scan, null), freeWhy);
        getChildren().addAll(title, intro, found, buttons, status);
    }

    private void scan() {
        status.setText(messages.get("versions.cleanup.scanning"));
        freeWhy.setReason(messages.get("versions.cleanup.why.notScanned"));
        BackgroundTasks.run(() -> {
            Source s = source.call();
            return Map.entry(s, s.cleanup().scan(s.needed()));
        }, result -> {
            scanned = result.getKey();
            show(result.getValue());
        }, error -> status.setText(messages.describe(error)));
    }

    private void show(Cleanup.Plan p) {
        plan = p;
        found.getChildren().clear();
        boxes.clear();
        status.setText(p.items().isEmpty() ? messages.get("cli.cleanup.nothing") : "");
        for (Cleanup.Choice c : Cleanup.Choice.values()) {
            List<Cleanup.Item> items = p.of(c);
            if (items.isEmpty()) {
                continue;
            }
            CheckBox box = new CheckBox(messages.get("cli.cleanup.choice." + c.name(), items.size(), new ByteSize(p.bytes(c))));
            box.setId("cleanup-" + c.name());
            box.setWrapText(true);
            box.setMinHeight(Region.USE_PREF_SIZE);
            box.selectedProperty().addListener((o, was, now) -> updateFree());
            boxes.put(c, box);
            found.getChildren().add(box);
            if (c == Cleanup.Choice.VERSIONS) {
                found.getChildren().add(indented(String.join(", ", items.stream().map(Cleanup.Item::name).toList())));
            }
        }
        p.kept().forEach((v, why) -> found.getChildren().add(indented(why.equals("active") ? messages.get("cli.cleanup.keptActive", v.name())
                : messages.get("cli.cleanup.keptProject", v.name(), HomePaths.display(Path.of(why), home)))));
        for (Path other : p.notOurs()) {
            found.getChildren().add(indented(messages.get("cli.cleanup.notOurs", HomePaths.display(other, home))));
        }
        updateFree();
    }

    private void updateFree() {
        boolean any = boxes.values().stream().anyMatch(CheckBox::isSelected);
        freeWhy.setReason(plan == null ? messages.get("versions.cleanup.why.notScanned")
                : any ? null : messages.get("versions.cleanup.why.noneTicked"));
    }

    private void free() {
        Set<Cleanup.Choice> chosen = EnumSet.noneOf(Cleanup.Choice.class);
        boxes.forEach((c, box) -> {
            if (box.isSelected()) {
                chosen.add(c);
            }
        });
        Cleanup.Plan toFree = plan;
        Source s = scanned;
        freeWhy.setReason(messages.get("versions.cleanup.why.freeing"));
        status.setText(messages.get("versions.cleanup.freeing"));
        BackgroundTasks.run(() -> s.cleanup().free(toFree, chosen), freed -> {
            StringBuilder text = new StringBuilder();
            for (Cleanup.Freed f : freed) {
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                text.append(f.problem() != null ? messages.get("cli.cleanup.failed." + f.choice().name(), messages.describe(f.problem()))
                        : messages.get("cli.cleanup.freed." + f.choice().name(), new ByteSize(f.bytes()), f.done().size()));
            }
            found.getChildren().clear();
            boxes.clear();
            plan = null;
            updateFree();
            status.setText(text.toString());
            onFreed.run();
        }, error -> {
            status.setText(messages.describe(error));
            updateFree();
        });
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label indented(String text) {
        Label l = wrapped(text);
        l.getStyleClass().add("muted");
        l.setPadding(new javafx.geometry.Insets(0, 0, 0, 28));
        return l;
    }
}
