package dev.gosetup.host;

import java.util.List;

/**
 * Something detection could not tell, or inferred, and why. {@code code} is a resource-bundle key
 * ({@code note.*}); the faces turn it into words in the user's language.
 */
public record Note(String code, List<String> args) implements dev.gosetup.i18n.Text {
    @Override
    public String key() {
        return code;
    }

    public Note {
        args = List.copyOf(args);
    }

    public static Note of(String code, Object... args) {
        return new Note(code, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }
}
