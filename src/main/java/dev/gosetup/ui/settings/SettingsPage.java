package dev.gosetup.ui.settings;

import dev.gosetup.i18n.Language;
import dev.gosetup.i18n.Messages;
import java.nio.file.Path;
import java.util.function.Consumer;
import dev.gosetup.settings.ManagedSettings;
import dev.gosetup.settings.PolicySetting;
import dev.gosetup.settings.Settings;
import dev.gosetup.ui.common.ManagedMarks;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Settings: the language (the OS's by default), and where settings and logs live. */
public final class SettingsPage extends VBox {

    public SettingsPage(Messages messages, Language current, Path settingsFile, Path logFile,
                        Consumer<Language> onLanguageChosen, Settings settings, Consumer<Settings> onSourcesSaved) {
        this(messages, current, settingsFile, logFile, onLanguageChosen, settings, onSourcesSaved, ManagedSettings.NONE);
    }

    /** @param managed the organisation's policy: what it sets is shown as such, and locked where it says so */
    public SettingsPage(Messages messages, Language current, Path settingsFile, Path logFile,
                        Consumer<Language> onLanguageChosen, Settings settings, Consumer<Settings> onSourcesSaved,
                        ManagedSettings managed) {
        super(12);
        ManagedMarks marks = new ManagedMarks(messages, managed);
        getStyleClass().add("page");
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

        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(10);
        grid.addRow(0, label(messages.get("settings.language")), language);
        grid.addRow(1, label(messages.get("settings.settingsFile")), path(settingsFile.toString()));
        grid.addRow(2, label(messages.get("settings.logFile")),
                path(logFile == null ? messages.get("settings.logFile.none") : logFile.toString()));
        Label hint = new Label(messages.get("settings.language.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("muted");

        Label sourcesTitle = new Label(messages.get("settings.sources"));
        sourcesTitle.getStyleClass().add("section-title");
        TextField releaseList = editable("releaseListField", settings.releaseList(), messages.get("settings.releaseList.prompt"));
        TextField fileMirror = editable("fileMirrorField", settings.fileMirror(), messages.get("settings.fileMirror.prompt"));
        TextField plainHttp = editable("plainHttpField", String.join(", ", settings.plainHttpHosts()), "");
        GridPane sources = new GridPane();
        sources.setHgap(16);
        sources.setVgap(10);
        sources.addRow(0, label(messages.get("settings.releaseList")), marks.mark(releaseList, PolicySetting.RELEASE_LIST));
        sources.addRow(1, label(messages.get("settings.fileMirror")), marks.mark(fileMirror, PolicySetting.FILE_MIRROR));
        sources.addRow(2, label(messages.get("settings.plainHttp")), marks.mark(plainHttp, PolicySetting.PLAIN_HTTP_HOSTS));
        Label saved = new Label();
        saved.getStyleClass().add("muted");
        Button save = new Button(messages.get("settings.sources.save"));
        save.setId("saveSources");
        save.setOnAction(e -> {
            java.util.List<String> hosts = java.util.Arrays.stream(plainHttp.getText().split("[,\\s]+"))
                    .map(String::strip).filter(h -> !h.isEmpty()).toList();
            onSourcesSaved.accept(settings.withSources(releaseList.getText(), fileMirror.getText(), hosts));
            saved.setText(messages.get("settings.sources.saved"));
        });
        Label sourcesHint = new Label(messages.get("settings.sources.hint"));
        sourcesHint.setWrapText(true);
        sourcesHint.getStyleClass().add("muted");
        save.setDisable(managed.locked(PolicySetting.RELEASE_LIST) && managed.locked(PolicySetting.FILE_MIRROR)
                && (managed.locked(PolicySetting.PLAIN_HTTP_HOSTS) || !managed.managed(PolicySetting.PLAIN_HTTP_HOSTS)));
        getChildren().addAll(title, grid, hint);
        managed.file().ifPresent(file -> {
            Label inUse = new Label(messages.get("settings.policy.inUse", file));
            inUse.setId("policyInUse");
            inUse.setWrapText(true);
            inUse.getStyleClass().add("muted");
            getChildren().add(inUse);
        });
        getChildren().addAll(sourcesTitle, sources, new javafx.scene.layout.HBox(10, save, saved), sourcesHint);
        GridPane network = networkFacts(messages, settings, managed, marks);
        if (!network.getChildren().isEmpty()) {
            Label networkTitle = new Label(messages.get("settings.network"));
            networkTitle.getStyleClass().add("section-title");
            getChildren().addAll(networkTitle, network);
        }
    }

    /** The proxy, CA certificates and install root the policy sets: shown (read-only) so users see why downloads behave so. */
    private static GridPane networkFacts(Messages messages, Settings settings, ManagedSettings managed, ManagedMarks marks) {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(10);
        int row = 0;
        if (managed.managed(PolicySetting.PROXY)) {
            grid.addRow(row++, label(messages.get("settings.proxy")), marks.mark(readOnly("proxyField", settings.proxy()), PolicySetting.PROXY));
        }
        if (managed.managed(PolicySetting.NO_PROXY)) {
            grid.addRow(row++, label(messages.get("settings.noProxy")),
                    marks.mark(readOnly("noProxyField", String.join(", ", settings.noProxy())), PolicySetting.NO_PROXY));
        }
        if (managed.active() && !managed.policy().caCertificates().isEmpty()) {
            grid.addRow(row++, label(messages.get("settings.caCertificates")), new javafx.scene.layout.HBox(8,
                    readOnly("caField", String.join(", ", managed.policy().caCertificates())), marks.badge("managed-caCertificates")));
        }
        if (managed.managed(PolicySetting.SDK_ROOT)) {
            grid.addRow(row, label(messages.get("settings.sdkRoot")), marks.mark(readOnly("sdkRootField", settings.sdkRoot()), PolicySetting.SDK_ROOT));
        }
        return grid;
    }

    private static TextField readOnly(String id, String text) {
        TextField f = path(text == null ? "" : text);
        f.setId(id);
        return f;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("fact-label");
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the field gives way, never the label
        return l;
    }

    private static TextField editable(String id, String value, String prompt) {
        TextField f = new TextField(value == null ? "" : value);
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(42);
        return f;
    }

    /** Selectable, so a path can be copied. */
    private static TextField path(String text) {
        TextField f = new TextField(text);
        f.setEditable(false);
        f.setPrefColumnCount(42);
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
}
