package dev.gosetup.i18n;

import java.util.List;

/**
 * Words not yet said: a resource-bundle key and its arguments (paths, URLs, versions, numbers, {@link ByteSize}s).
 * The engine hands these out; a face puts them into the user's language with {@link Messages#text(Text)}.
 */
public interface Text {
    String key();

    List<?> args();
}
