package dev.gosetup.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Linux and macOS: owner uid 0, and neither group nor others may write (the mode bits; an ACL mask shows in the group bits). */
final class PosixOwnership implements TrustedFiles.Inspector {
    private static final int GROUP_WRITE = 0020;
    private static final int OTHERS_WRITE = 0002;
    private static final int STICKY = 01000;

    /** root's group: root on Linux, wheel on macOS (both gid 0). */
    private final String rootGroup;

    PosixOwnership(String osName) {
        this.rootGroup = osName.toLowerCase(Locale.ROOT).startsWith("mac") ? "wheel" : "root";
    }

    @Override
    public Optional<TrustedFiles.Distrust> inspect(Path file, Path path, boolean folder) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, "unix:uid,mode,owner", LinkOption.NOFOLLOW_LINKS);
        int uid = (Integer) a.get("uid");
        int mode = (Integer) a.get("mode") & 07777;
        boolean othersWrite = (mode & (GROUP_WRITE | OTHERS_WRITE)) != 0;
        if (uid == 0 && !othersWrite) {
            return Optional.empty();
        }
        String owner = String.valueOf(a.get("owner"));
        String octal = "%04o".formatted(mode);
        if (folder && (mode & STICKY) != 0 && (mode & OTHERS_WRITE) != 0) {
            return Optional.of(new TrustedFiles.Distrust(TrustedFiles.Kind.SHARED_FOLDER, file, path, owner, octal,
                    "sudo mkdir -p /etc/gosetup && sudo mv " + TrustedFiles.quoted(file, false) + " /etc/gosetup/"));
        }
        List<String> fix = new ArrayList<>();
        String where = TrustedFiles.quoted(path, false);
        if (uid != 0) {
            fix.add(folder ? "sudo chown root " + where : "sudo chown root:" + rootGroup + " " + where);
        }
        if (othersWrite) {
            fix.add(folder ? "sudo chmod go-w " + where : "sudo chmod 644 " + where);
        }
        return Optional.of(new TrustedFiles.Distrust(folder ? TrustedFiles.Kind.FOLDER : TrustedFiles.Kind.FILE, file, path,
                owner, octal, TrustedFiles.fix(fix)));
    }
}
