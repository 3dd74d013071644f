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
 * @param gopath         GOPATH, null for Go's own default ~/go
 * @param setGoroot      whether the shell environment sets GOROOT (off: each go finds its own root)
 * @param goEnv          GOPROXY, GOPRIVATE, GONOSUMDB, GOSUMDB, GOTOOLCHAIN, GOFLAGS the user set (others ignored)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(String language, String releaseList, String fileMirror, List<String> plainHttpHosts, String sdkRoot,
                       String gopath, boolean setGoroot, java.util.Map<String, String> goEnv) {

    /** The Go variables the environment may set, in the order they are written. */
    public static final List<String> GO_VARIABLES = List.of("GOPROXY", "GOPRIVATE", "GONOSUMDB", "GOSUMDB", "GOTOOLCHAIN", "GOFLAGS");

    public Settings {
        plainHttpHosts = plainHttpHosts == null ? List.of() : List.copyOf(plainHttpHosts);
        java.util.Map<String, String> known = new java.util.LinkedHashMap<>();
        for (String name : GO_VARIABLES) {
            String value = goEnv == null ? null : goEnv.get(name);
            if (value != null && !value.isBlank()) {
                known.put(name, value.strip());
            }
        }
        goEnv = java.util.Collections.unmodifiableMap(known);
    }

    public Settings(String language) {
        this(language, null, null, List.of(), null, null, false, null);
    }

    public Settings(String language, String releaseList, String fileMirror, List<String> plainHttpHosts, String sdkRoot) {
        this(language, releaseList, fileMirror, plainHttpHosts, sdkRoot, null, false, null);
    }

    public Settings withSdkRoot(String root) {
        return new Settings(language, releaseList, fileMirror, plainHttpHosts, blankToNull(root), gopath, setGoroot, goEnv);
    }

    public Settings withEnvironment(String gopath, boolean setGoroot, java.util.Map<String, String> goEnv) {
        return new Settings(language, releaseList, fileMirror, plainHttpHosts, sdkRoot, blankToNull(gopath), setGoroot, goEnv);
    }

    public static Settings defaults() {
        return new Settings("system");
    }

    public Settings withLanguage(String tag) {
        return new Settings(tag, releaseList, fileMirror, plainHttpHosts, sdkRoot, gopath, setGoroot, goEnv);
    }

    public Settings withSources(String releaseList, String fileMirror, List<String> plainHttpHosts) {
        return new Settings(language, blankToNull(releaseList), blankToNull(fileMirror), plainHttpHosts, sdkRoot, gopath, setGoroot, goEnv);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
