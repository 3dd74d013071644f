package dev.gosetup.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/**
 * Holds a button that says why it cannot be pressed. JavaFX shows no tooltip on a disabled control and picks
 * the node behind it instead, so this holder carries the reason as its tooltip while the button is disabled;
 * the reason is also the button's accessible help (read by screen readers). Put the holder in the layout.
 */
public final class WhyDisabled extends Label {
    private final ButtonBase button;
    private final StringProperty reason = new SimpleStringProperty(this, "reason");

    /** @param reason why the button is disabled, or null for enabled */
    public WhyDisabled(ButtonBase button, String reason) {
        super(null, button);
        this.button = button;
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        getStyleClass().add("why-disabled");
        setMinWidth(Region.USE_PREF_SIZE);
        button.setMinWidth(Region.USE_PREF_SIZE); // never "…": a row too narrow wraps (FlowPane) instead
        BooleanBinding disabled = Bindings.createBooleanBinding(() -> this.reason.get() != null && !this.reason.get().isBlank(),
                this.reason);
        button.disableProperty().bind(disabled);
        button.accessibleHelpProperty().bind(this.reason);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(this.reason);
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        tooltipProperty().bind(Bindings.when(disabled).then(tip).otherwise((Tooltip) null));
        this.reason.set(reason);
    }

    public ButtonBase button() {
        return button;
    }

    /** The button is disabled exactly while a reason is set. */
    public StringProperty reasonProperty() {
        return reason;
    }

    public void setReason(String why) {
        reason.set(why);
    }

    public String getReason() {
        return reason.get();
    }
}
