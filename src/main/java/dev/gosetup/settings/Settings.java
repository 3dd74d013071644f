package dev.gosetup.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What the user chose. Unknown fields (from a newer version) are kept out, not fatal. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(String language) {
    public static Settings defaults() {
        return new Settings("system");
    }

    public Settings withLanguage(String tag) {
        return new Settings(tag);
    }
}
