package dev.gosetup.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.ui.common.WhyDisabled;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.text.Text;

/** What a user sees on a page, checked the same way on every page: texts shown whole, disabled buttons explained. */
final class PageChecks {
    private PageChecks() {}

    static List<Node> all(Node root) {
        List<Node> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<Node> out) {
        out.add(n);
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    /**
     * Every shown Labeled (buttons, labels, headers; table cells may elide a long folder, the details show it
     * whole) renders its whole text: its skin's text node holds the same string, not one cut to "…"; a button
     * lies inside the window.
     */
    static void nothingCut(Node page, double windowWidth) {
        List<String> cut = new ArrayList<>();
        for (Node n : all(page)) {
            if (!(n instanceof Labeled l) || n instanceof TableCell<?, ?> || !n.isVisible() || l.getText() == null || l.getText().isBlank()) {
                continue;
            }
            String expected = l.isMnemonicParsing() ? l.getText().replace("_", "") : l.getText();
            Text shown = l.getChildrenUnmodifiable().stream().filter(c -> c instanceof Text).map(c -> (Text) c).findFirst().orElse(null);
            if (shown == null || !shown.getText().replace("\n", "").replace(" ", "").equals(expected.replace("\n", "").replace(" ", ""))) {
                cut.add("\"" + l.getText() + "\" shown as \"" + (shown == null ? null : shown.getText()) + "\"");
            }
            if (n instanceof ButtonBase) {
                Bounds b = n.localToScene(n.getLayoutBounds());
                if (b.getMaxX() > windowWidth + 0.5) {
                    cut.add("\"" + l.getText() + "\" ends at x=" + b.getMaxX() + ", outside the " + windowWidth + " px window");
                }
            }
        }
        assertThat(cut).as("texts not shown whole").isEmpty();
    }

    /** Every disabled button sits in a {@link WhyDisabled} that says why, in words. */
    static void everyDisabledButtonSaysWhy(Node page) {
        List<String> silent = new ArrayList<>();
        for (Node n : all(page)) {
            if (n instanceof ButtonBase b && b.isDisabled() && !insideDisabledParent(b)) {
                if (!(b.getParent() instanceof WhyDisabled holder) || holder.getTooltip() == null
                        || holder.getTooltip().getText() == null || holder.getTooltip().getText().isBlank()) {
                    silent.add(b.getText() + " (" + b.getId() + ")");
                }
            }
        }
        assertThat(silent).as("disabled buttons that do not say why").isEmpty();
    }

    /** A button inside a disabled container (a locked section) is explained by that section's badge. */
    private static boolean insideDisabledParent(ButtonBase b) {
        return b.getParent() != null && !(b.getParent() instanceof WhyDisabled) && b.getParent().isDisabled();
    }
}
