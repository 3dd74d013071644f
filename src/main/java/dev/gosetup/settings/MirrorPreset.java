package dev.gosetup.settings;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Where Go comes from, chosen as one: the release list, the file mirror, and GOPROXY/GOSUMDB for modules,
 * set together. The China presets follow what Chinese Go setup guides recommend (golang.google.cn is Google's
 * own site for mainland China; goproxy.cn and sum.golang.google.cn for modules). Whatever the file mirror,
 * every archive is verified against the SHA-256 in the release list, which these presets take from an
 * official site.
 */
public enum MirrorPreset {
    /** go.dev's list, files from dl.google.com, Go's default module proxy. */
    OFFICIAL(null, null, null, null),
    /** golang.google.cn for the list and the files. */
    CHINA(MirrorPreset.CHINA_LIST, "https://golang.google.cn/dl/", "https://goproxy.cn,direct", "sum.golang.google.cn"),
    /** golang.google.cn's list, the files from Alibaba Cloud's mirror (still checked against that list). */
    CHINA_ALIYUN(MirrorPreset.CHINA_LIST, "https://mirrors.aliyun.com/golang/", "https://goproxy.cn,direct", "sum.golang.google.cn"),
    /** Whatever the fields say (a company mirror, a folder). */
    CUSTOM(null, null, null, null);

    private static final String CHINA_LIST = "https://golang.google.cn/dl/?mode=json&include=all";
    /** The hosts that publish Go's own release list (and so its checksums). */
    private static final Set<String> OFFICIAL_HOSTS = Set.of("go.dev", "golang.org", "golang.google.cn");

    public final String releaseList;
    public final String fileMirror;
    public final String goproxy;
    public final String gosumdb;

    MirrorPreset(String releaseList, String fileMirror, String goproxy, String gosumdb) {
        this.releaseList = releaseList;
        this.fileMirror = fileMirror;
        this.goproxy = goproxy;
        this.gosumdb = gosumdb;
    }

    /** The settings with this preset's four values (the plain-HTTP hosts and other Go variables kept); CUSTOM changes nothing. */
    public Settings applyTo(Settings s) {
        if (this == CUSTOM) {
            return s;
        }
        return s.withSources(releaseList, fileMirror, s.plainHttpHosts()).withGoVariable("GOPROXY", goproxy)
                .withGoVariable("GOSUMDB", gosumdb);
    }

    /** The preset these settings are, or CUSTOM. */
    public static MirrorPreset of(Settings s) {
        for (MirrorPreset p : values()) {
            if (p != CUSTOM && Objects.equals(p.releaseList, s.releaseList()) && Objects.equals(p.fileMirror, s.fileMirror())
                    && Objects.equals(p.goproxy, s.goEnv().get("GOPROXY")) && Objects.equals(p.gosumdb, s.goEnv().get("GOSUMDB"))) {
                return p;
            }
        }
        return CUSTOM;
    }

    /** Whether the release list (null: go.dev's) comes over HTTPS from Go's own site, so its checksums are Go's. */
    public static boolean officialList(String releaseList) {
        if (releaseList == null || releaseList.isBlank()) {
            return true;
        }
        try {
            URI uri = new URI(releaseList.strip());
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
                    && OFFICIAL_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
