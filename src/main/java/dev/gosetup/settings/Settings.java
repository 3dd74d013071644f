package dev.gosetup.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What the user chose. Unknown fields (from a newer version) are ignored, not fatal.
 *
 * @param language       "system", "en" or "zh-CN"
 * @param releaseList    where the release list comes from: null for go.dev, or a URL / file
 *                       (https://golang.google.cn/dl/?mode=json&include=all in China)
 * @param fileMirror     base URL files are fetched from (FILE appended), null for dl.google.com
 * @param plainHttpHosts hosts allowed plain HTTP (a trusted local mirror)
 * @param sdkRoot        the install root, null for ~/sdk
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(String language, String releaseList, String fileMirror, List<String> plainHttpHosts, String sdkRoot) {

    public Settings {
        plainHttpHosts = plainHttpHosts == null ? List.of() : List.copyOf(plainHttpHosts);
    }

    public Settings(String language) {
        this(language, null, null, List.of(), null);
    }

    public static Settings defaults() {
        return new Settings("system");
    }

    public Settings withLanguage(String tag) {
        return new Settings(tag, releaseList, fileMirror, plainHttpHosts, sdkRoot);
    }

    public Settings withSources(String releaseList, String fileMirror, List<String> plainHttpHosts) {
        return new Settings(language, blankToNull(releaseList), blankToNull(fileMirror), plainHttpHosts, sdkRoot);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
