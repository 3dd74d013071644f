package dev.gosetup.ui.common;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.shape.Circle;
import javafx.scene.shape.SVGPath;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

/**
 * The three marks of a check's result, told apart by shape as well as colour (a colour-blind user, a grey
 * print): a round red cross for a problem, an amber triangle with "!" for a warning, a round green tick for
 * fine. Drawn as shapes, so they need no font to have the glyphs.
 */
public final class StatusIcon {
    public enum Kind { PROBLEM, WARNING, OK }

    private StatusIcon() {}

    /** A check's result as its mark: FAIL a problem, WARN a warning, OK fine. */
    public static Kind kind(dev.gosetup.doctor.Finding.Status status) {
        return switch (status) {
            case FAIL -> Kind.PROBLEM;
            case WARN -> Kind.WARNING;
            case OK -> Kind.OK;
        };
    }

    /** A 16×16 mark; style class status-icon plus status-problem / status-warning / status-ok. */
    public static Node of(Kind kind) {
        Group g = switch (kind) {
            case PROBLEM -> new Group(filled(new Circle(8, 8, 8), "status-shape"), stroke("M5 5 L11 11 M11 5 L5 11"));
            case WARNING -> {
                SVGPath triangle = new SVGPath();
                triangle.setContent("M8 0.8 L15.6 14.6 L0.4 14.6 Z");
                triangle.getStyleClass().add("status-shape");
                SVGPath bang = new SVGPath();
                bang.setContent("M7.1 5 H8.9 V10 H7.1 Z M7.1 11.4 H8.9 V13.2 H7.1 Z");
                bang.getStyleClass().add("status-mark-fill");
                yield new Group(triangle, bang);
            }
            case OK -> new Group(filled(new Circle(8, 8, 8), "status-shape"), stroke("M4.4 8.4 L7 11 L11.8 5.4"));
        };
        g.getStyleClass().addAll("status-icon", "status-" + kind.name().toLowerCase(java.util.Locale.ROOT));
        g.setId(null);
        return g;
    }

    private static Circle filled(Circle c, String style) {
        c.getStyleClass().add(style);
        return c;
    }

    private static SVGPath stroke(String content) {
        SVGPath p = new SVGPath();
        p.setContent(content);
        p.getStyleClass().add("status-mark");
        p.setStrokeWidth(2);
        p.setStrokeLineCap(StrokeLineCap.ROUND);
        p.setStrokeLineJoin(StrokeLineJoin.ROUND);
        p.setFill(null);
        return p;
    }
}
