package dev.gosetup.shell;

import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.ProblemException;

/** The user answered No to the elevation (UAC) prompt: nothing ran, nothing changed. A choice, not a fault. */
public final class ElevationDeclined extends ProblemException {
    public ElevationDeclined() {
        super(Problem.of("elevation.declined"));
    }
}
