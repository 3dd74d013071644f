package dev.gosetup.i18n;

/** A failure that says what happened as a {@link Problem}: every exception the engine throws on purpose is one. */
public interface Reported {
    Problem problem();
}
