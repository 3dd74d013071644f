package dev.gosetup.ui.common;

import dev.gosetup.i18n.Messages;
import dev.gosetup.settings.ManagedSettings;
import dev.gosetup.settings.PolicySetting;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * Shows what the organisation's policy sets: a locked control is disabled with a "Set by your
 * organisation" badge beside it; an unlocked one keeps working and says where its default comes from. The
 * file path is on the badge's tooltip — a disabled control shows no tooltip, so the badge carries it.
 */
public final class ManagedMarks {
    private final Messages messages;
    private final ManagedSettings managed;

    public ManagedMarks(Messages messages, ManagedSettings managed) {
        this.messages = messages;
        this.managed = managed;
    }

    /**
     * Marks {@code control} for {@code setting} and returns what to put in its place in a layout: the
     * control alone when the policy leaves the setting alone, else the control with its badge.
     */
    public Node mark(Control control, PolicySetting setting) {
        if (!managed.managed(setting)) {
            return control;
        }
        String file = managed.file().map(Object::toString).orElse("");
        Label badge = new Label(messages.get("settings.managed"));
        badge.setId("managed-" + setting.jsonName);
        badge.getStyleClass().add("managed-badge");
        badge.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the control gives way, never the badge
        if (managed.locked(setting)) {
            control.setDisable(true);
            badge.setTooltip(new Tooltip(messages.get("settings.managed.locked", file)));
        } else {
            String hint = messages.get("settings.managed.default", file);
            badge.setTooltip(new Tooltip(hint));
            control.setTooltip(new Tooltip(hint));
        }
        HBox box = new HBox(8, control, badge);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    /** A badge for a fact the policy sets that has no control of its own (the pinned version). */
    public Label badge(String id) {
        Label badge = new Label(messages.get("settings.managed"));
        badge.setId(id);
        badge.getStyleClass().add("managed-badge");
        badge.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        badge.setTooltip(new Tooltip(messages.get("settings.managed.locked", managed.file().map(Object::toString).orElse(""))));
        return badge;
    }
}
