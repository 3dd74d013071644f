package dev.gosetup.ui.settings;

import dev.gosetup.i18n.Language;
import dev.gosetup.i18n.Messages;
import dev.gosetup.settings.ManagedSettings;
import dev.gosetup.settings.MirrorPreset;
import dev.gosetup.settings.PolicySetting;
import dev.gosetup.settings.Settings;
import dev.gosetup.settings.UserInput;
import dev.gosetup.signature.Strictness;
import dev.gosetup.ui.common.BackgroundTasks;
import dev.gosetup.ui.common.FileManager;
import dev.gosetup.ui.common.ManagedMarks;
import dev.gosetup.ui.common.WhyDisabled;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/**
 * Settings: the language; where settings and the log are (the log with Open and Copy); where Go comes from,
 * as a preset (official, China mainland) or field by field, with a word on how downloads are verified; the
 * install root, GOPATH and the proxy. What the organisation's policy sets is shown as such and locked where it
 * says so. Saving checks what was typed and says what to write instead.
 */
public final class SettingsPage extends BorderPane {
    private static final Logger LOG = Logger.getLogger(SettingsPage.class.getName());

    private final Messages messages;
    private final ManagedSettings managed;
    private final ManagedMarks marks;
    private final Path home;
    private final Consumer<Settings> onSaved;
    private Settings settings;

    private final TextField releaseList;
    private final TextField fileMirror;
    private final TextField plainHttp;
    private final TextField goproxy;
    private final TextField gosumdb;
    private final TextField sdkRoot;
    private final TextField gopath;
    private final TextField proxy;
    private final TextField noProxy;
    private final ComboBox<MirrorPreset> preset = new ComboBox<>();
    private final ComboBox<Strictness> strictness = new ComboBox<>();
    private final Label verification = new Label();
    private final Label status = new Label();
    private boolean filling;

    /**
     * @param home        the home folder: "~" in what is shown and typed
     * @param installRoot where installs go when no install root is set (shown as the default)
     * @param onLanguageChosen called at once when a language is picked
     * @param onSaved     the settings to apply and save (then Choose Go reloads its release list when sources changed)
     * @param managed     the organisation's policy: what it sets is shown as such, and locked where it says so
     */
    public SettingsPage(Messages messages, Language current, Path settingsFile, Path logFile, Consumer<Language> onLanguageChosen,
                        Settings settings, Consumer<Settings> onSaved, ManagedSettings managed, Path home, Path installRoot) {
        this.messages = messages;
        this.managed = managed;
        this.marks = new ManagedMarks(messages, managed);
        this.home = home;
        this.onSaved = onSaved;
        this.settings = settings;
        Label title = new Label(messages.get("nav.settings"));
        title.getStyleClass().add("page-title");

        ComboBox<Language> language = new ComboBox<>();
        language.setId("languageChoice");
        language.getItems().addAll(Language.values());
        language.setValue(current);
        language.setCellFactory(list -> new LanguageCell(messages));
        language.setButtonCell(new LanguageCell(messages));
        language.valueProperty().addListener((obs, old, chosen) -> {
            if (chosen != null && chosen != old) {
                onLanguageChosen.accept(chosen);
            }
        });
        // One grid for every section, so the fields line up down the page.
        GridPane grid = grid();
        int[] row = {0};
        java.util.function.BiConsumer<String, Node> add = (text, value) -> grid.addRow(row[0]++, label(text), value);
        java.util.function.Consumer<Node> span = node -> grid.add(node, 0, row[0]++, 2, 1);
        add.accept(messages.get("settings.language"), language);
        add.accept(messages.get("settings.settingsFile"), path("settingsFileField", settingsFile.toString()));
        add.accept(messages.get("settings.logFile"), logRow(logFile));
        span.accept(muted(messages.get("settings.language.hint")));
        managed.file().ifPresent(file -> {
            Label inUse = muted(messages.get("settings.policy.inUse", file));
            inUse.setId("policyInUse");
            span.accept(inUse);
        });

        // Where Go comes from: a preset fills the four fields below it; editing a field makes it "Custom".
        releaseList = field("releaseListField", settings.releaseList(), messages.get("settings.releaseList.prompt"));
        fileMirror = field("fileMirrorField", settings.fileMirror(), messages.get("settings.fileMirror.prompt"));
        plainHttp = field("plainHttpField", String.join(", ", settings.plainHttpHosts()), "");
        goproxy = field("goproxyField", settings.goEnv().get("GOPROXY"), messages.get("settings.goproxy.prompt"));
        gosumdb = field("gosumdbField", settings.goEnv().get("GOSUMDB"), messages.get("settings.gosumdb.prompt"));
        preset.setId("mirrorPreset");
        preset.getItems().addAll(MirrorPreset.values());
        preset.setCellFactory(list -> new PresetCell(messages));
        preset.setButtonCell(new PresetCell(messages));
        preset.setValue(MirrorPreset.of(settings));
        preset.setMaxWidth(Double.MAX_VALUE);
        preset.valueProperty().addListener((o, was, chosen) -> fill(chosen));
        for (TextField f : List.of(releaseList, fileMirror, goproxy, gosumdb)) {
            f.textProperty().addListener((o, was, now) -> presetFromFields());
        }
        releaseList.textProperty().addListener((o, was, now) -> verification.setText(verificationText(now)));
        verification.setId("verification");
        verification.setText(verificationText(releaseList.getText()));
        verification.setWrapText(true);
        verification.setMinHeight(Region.USE_PREF_SIZE);
        verification.getStyleClass().add("note");
        verification.setMaxWidth(Double.MAX_VALUE);
        boolean presetLocked = managed.locked(PolicySetting.RELEASE_LIST) || managed.locked(PolicySetting.FILE_MIRROR)
                || managed.locked(PolicySetting.GOPROXY) || managed.locked(PolicySetting.GOSUMDB);
        preset.setDisable(presetLocked);
        span.accept(section(messages.get("settings.sources")));
        add.accept(messages.get("settings.preset"), presetLocked ? withBadge(preset, marks.badge("managed-preset")) : preset);
        add.accept(messages.get("settings.releaseList"), marked(releaseList, PolicySetting.RELEASE_LIST));
        add.accept(messages.get("settings.fileMirror"), marked(fileMirror, PolicySetting.FILE_MIRROR));
        add.accept(messages.get("settings.plainHttp"), marked(plainHttp, PolicySetting.PLAIN_HTTP_HOSTS));
        add.accept("GOPROXY", marked(goproxy, PolicySetting.GOPROXY));
        add.accept("GOSUMDB", marked(gosumdb, PolicySetting.GOSUMDB));
        span.accept(verification);
        // How strictly Go's OpenPGP signatures are asked for: the saved choice, else the default for this machine
        // (required where a policy applies). A policy that sets it marks it; one that locks it disables it.
        strictness.setId("signatureStrictness");
        strictness.getItems().addAll(Strictness.values());
        strictness.setCellFactory(list -> new StrictnessCell(messages));
        strictness.setButtonCell(new StrictnessCell(messages));
        strictness.setValue(Strictness.named(settings.signatures()).orElse(Strictness.defaultFor(managed.active())));
        strictness.setMaxWidth(Double.MAX_VALUE);
        add.accept(messages.get("settings.signatures"), marks.mark(strictness, PolicySetting.SIGNATURES));
        span.accept(muted(messages.get("settings.signatures.hint")));

        // Folders and network
        sdkRoot = field("sdkRootField", settings.sdkRoot(), messages.get("settings.default", shown(installRoot)));
        gopath = field("gopathField", settings.gopath(), messages.get("settings.gopath.prompt", shown(home.resolve("go"))));
        proxy = field("proxyField", settings.proxy(), messages.get("settings.proxy.prompt"));
        noProxy = field("noProxyField", String.join(", ", settings.noProxy()), "localhost, .corp.example.com");
        span.accept(section(messages.get("settings.folders")));
        add.accept(messages.get("settings.sdkRoot"), browsable(sdkRoot, PolicySetting.SDK_ROOT, "browseSdkRoot"));
        add.accept("GOPATH", browsable(gopath, PolicySetting.GOPATH, "browseGopath"));
        add.accept(messages.get("settings.proxy"), marked(proxy, PolicySetting.PROXY));
        add.accept(messages.get("settings.noProxy"), marked(noProxy, PolicySetting.NO_PROXY));
        if (managed.active() && !managed.policy().caCertificates().isEmpty()) {
            TextField ca = path("caField", String.join(", ", managed.policy().caCertificates()));
            add.accept(messages.get("settings.caCertificates"), withBadge(ca, marks.badge("managed-caCertificates")));
        }
        span.accept(muted(messages.get("settings.folders.hint")));

        Button save = new Button(messages.get("settings.sources.save"));
        save.setId("saveSources");
        save.getStyleClass().add("primary");
        save.setOnAction(e -> save());
        status.setId("settingsStatus");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(status, Priority.ALWAYS);
        boolean allLocked = Arrays.stream(new PolicySetting[] {PolicySetting.RELEASE_LIST, PolicySetting.FILE_MIRROR,
                PolicySetting.PLAIN_HTTP_HOSTS, PolicySetting.GOPROXY, PolicySetting.GOSUMDB, PolicySetting.SDK_ROOT,
                PolicySetting.GOPATH, PolicySetting.PROXY, PolicySetting.NO_PROXY, PolicySetting.SIGNATURES}).allMatch(managed::locked);
        HBox saveRow = new HBox(10, new WhyDisabled(save, allLocked ? messages.get("settings.why.allLocked") : null), status);
        saveRow.setAlignment(Pos.CENTER_LEFT);

        saveRow.getStyleClass().add("save-bar");
        VBox content = new VBox(12, title, grid);
        content.getStyleClass().add("page");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("page-scroll");
        setCenter(scroll);
        setBottom(saveRow); // Save stays in view however long the page is
    }

    /** The log file, whole, with Open (its folder in the file manager) and Copy. */
    private Node logRow(Path logFile) {
        TextField field = path("logFileField", logFile == null ? messages.get("settings.logFile.none") : logFile.toString());
        String none = logFile == null ? messages.get("settings.logFile.none") : null;
        Button open = new Button(messages.get("settings.logFile.open"));
        open.setId("openLogFolder");
        open.setOnAction(e -> BackgroundTasks.run(() -> {
            FileManager.reveal(logFile.getParent());
            return null;
        }, ok -> { }, error -> fail(messages.get("settings.logFile.openFailed", messages.describe(error)))));
        Button copy = new Button(messages.get("settings.logFile.copy"));
        copy.setId("copyLogPath");
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(logFile.toString());
            Clipboard.getSystemClipboard().setContent(c);
            ok(messages.get("common.copied"));
        });
        // the path on a line of its own, so it shows whole even in a small window
        return new VBox(6, field, new HBox(8, new WhyDisabled(open, none), new WhyDisabled(copy, none)));
    }

    /** A folder field with Browse…, which a policy lock disables with its reason. */
    private Node browsable(TextField field, PolicySetting setting, String browseId) {
        Button browse = new Button(messages.get("settings.browse"));
        browse.setId(browseId);
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(messages.get("settings.browse.title"));
            File start = startFolder(field.getText().isBlank() ? field.getPromptText() : field.getText());
            if (start != null) {
                chooser.setInitialDirectory(start);
            }
            File chosen = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
            if (chosen != null) {
                field.setText(shown(chosen.toPath()));
            }
        });
        String reason = managed.locked(setting) ? messages.get("settings.managed.locked", managed.file().map(Object::toString).orElse("")) : null;
        HBox row = new HBox(8, marked(field, setting), new WhyDisabled(browse, reason));
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** The nearest existing folder of what the field says, for the chooser to open in. */
    private File startFolder(String text) {
        String t = text.replaceFirst("\\s*\\(.*$", "").strip();
        Path p = t.equals("~") || t.startsWith("~/") ? home.resolve(t.substring(Math.min(2, t.length()))) : Path.of(t.isEmpty() ? "/" : t);
        while (p != null && !Files.isDirectory(p)) {
            p = p.getParent();
        }
        return p == null ? null : p.toFile();
    }

    private void fill(MirrorPreset chosen) {
        if (filling || chosen == null || chosen == MirrorPreset.CUSTOM) {
            return;
        }
        filling = true;
        try {
            setUnlessLocked(releaseList, chosen.releaseList, PolicySetting.RELEASE_LIST);
            setUnlessLocked(fileMirror, chosen.fileMirror, PolicySetting.FILE_MIRROR);
            setUnlessLocked(goproxy, chosen.goproxy, PolicySetting.GOPROXY);
            setUnlessLocked(gosumdb, chosen.gosumdb, PolicySetting.GOSUMDB);
        } finally {
            filling = false;
        }
    }

    private void setUnlessLocked(TextField f, String value, PolicySetting setting) {
        if (!managed.locked(setting)) {
            f.setText(value == null ? "" : value);
        }
    }

    /** The preset the fields now match (typing a different mirror makes it "Custom"). */
    private void presetFromFields() {
        if (filling) {
            return;
        }
        Settings typed = settings.withSources(releaseList.getText(), fileMirror.getText(), settings.plainHttpHosts())
                .withGoVariable("GOPROXY", goproxy.getText()).withGoVariable("GOSUMDB", gosumdb.getText());
        filling = true;
        try {
            preset.setValue(MirrorPreset.of(typed));
        } finally {
            filling = false;
        }
    }

    /** Where the checksums every download is verified against come from. */
    private String verificationText(String list) {
        if (MirrorPreset.officialList(list)) {
            String host = list == null || list.isBlank() ? "go.dev" : URI.create(list.strip()).getHost();
            return messages.get("settings.verify.official", host);
        }
        return messages.get("settings.verify.other", list.strip());
    }

    private void save() {
        try {
            List<String> hosts = list(plainHttp.getText());
            String listValue = checked(releaseList, () -> UserInput.location(releaseList.getText(), hosts));
            String mirrorValue = checked(fileMirror, () -> UserInput.location(fileMirror.getText(), hosts));
            String rootValue = checked(sdkRoot, () -> UserInput.folder(sdkRoot.getText(), home));
            String gopathValue = checked(gopath, () -> UserInput.folder(gopath.getText(), home));
            String proxyValue = checked(proxy, () -> UserInput.proxy(proxy.getText()));
            Map<String, String> vars = new LinkedHashMap<>(settings.goEnv());
            vars.put("GOPROXY", goproxy.getText());
            vars.put("GOSUMDB", gosumdb.getText());
            Settings updated = settings.withSources(listValue, mirrorValue, hosts).withSdkRoot(rootValue)
                    .withEnvironment(gopathValue, settings.setGoroot(), vars).withProxy(proxyValue, list(noProxy.getText()))
                    .withSignatures(strictness.getValue() == null ? null : strictness.getValue().jsonName, settings.signingKeys());
            onSaved.accept(updated);
            settings = updated;
            LOG.info("Settings saved: release list " + orDefault(listValue) + ", file mirror " + orDefault(mirrorValue)
                    + ", install root " + orDefault(rootValue) + ", GOPATH " + orDefault(gopathValue));
            ok(messages.get("settings.sources.saved"));
        } catch (UserInput.Invalid invalid) {
            fail(messages.get(invalid.key(), invalid.args()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not save the settings", e);
            fail(messages.get("settings.saveFailed", messages.describe(e)));
        }
    }

    /** Checks one field; on bad input it takes the focus, so the user sees which one to change. */
    private static String checked(TextInputControl field, java.util.function.Supplier<String> check) {
        try {
            return check.get();
        } catch (UserInput.Invalid e) {
            field.requestFocus();
            field.selectAll();
            throw e;
        }
    }

    private static String orDefault(String v) {
        return v == null ? "(default)" : v;
    }

    private void ok(String text) {
        status.getStyleClass().remove("input-error");
        status.getStyleClass().add("muted");
        status.setText(text);
    }

    private void fail(String text) {
        status.getStyleClass().remove("muted");
        status.getStyleClass().add("input-error");
        status.setText(text);
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split("[,\\s]+")).map(String::strip).filter(h -> !h.isEmpty()).toList();
    }

    /** ~/sdk rather than /home/name/sdk. */
    private String shown(Path p) {
        return dev.gosetup.files.HomePaths.display(p, home);
    }

    private Node marked(TextField field, PolicySetting setting) {
        HBox.setHgrow(field, Priority.ALWAYS);
        Node node = marks.mark(field, setting);
        HBox.setHgrow(node, Priority.ALWAYS);
        return node;
    }

    private static Node withBadge(javafx.scene.control.Control control, Label badge) {
        HBox box = new HBox(8, control, badge);
        HBox.setHgrow(control, Priority.ALWAYS);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(10);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE); // the field gives way, never the label
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, values);
        return grid;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("fact-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.getStyleClass().add("muted");
        return l;
    }

    private static TextField field(String id, String value, String prompt) {
        TextField f = new TextField(value == null ? "" : value);
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(24);
        f.setMaxWidth(Double.MAX_VALUE);
        return f;
    }

    /** Read-only and selectable, so a path can be copied. */
    private static TextField path(String id, String text) {
        TextField f = new TextField(text);
        f.setId(id);
        f.setEditable(false);
        f.setPrefColumnCount(24);
        f.setMaxWidth(Double.MAX_VALUE);
        f.getStyleClass().add("path-field");
        return f;
    }

    /** Each language in its own words, so a user who cannot read the current one still finds theirs. */
    private static final class LanguageCell extends ListCell<Language> {
        private final Messages messages;

        LanguageCell(Messages messages) {
            this.messages = messages;
        }

        @Override
        protected void updateItem(Language item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : switch (item) {
                case SYSTEM -> messages.get("settings.language.system");
                case ENGLISH -> "English";
                case SIMPLIFIED_CHINESE -> "简体中文";
            });
        }
    }

    /** Each strictness in words, with what a missing signature means under it. */
    private static final class StrictnessCell extends ListCell<Strictness> {
        private final Messages messages;

        StrictnessCell(Messages messages) {
            this.messages = messages;
        }

        @Override
        protected void updateItem(Strictness item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : messages.get("settings.signatures." + item.jsonName));
        }
    }

    private static final class PresetCell extends ListCell<MirrorPreset> {
        private final Messages messages;

        PresetCell(Messages messages) {
            this.messages = messages;
        }

        @Override
        protected void updateItem(MirrorPreset item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : messages.get("settings.preset." + item.name()));
        }
    }
}
