package dev.gosetup.settings;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.WinNT;
import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.ProblemException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Windows: the owner must be Administrators, SYSTEM or TrustedInstaller, and no allow entry of the ACL
 * may give another account a right that changes the file, or replaces what is in a folder. The security
 * descriptor comes through a seam ({@link Reader}): JNA on Windows, a fake in the tests.
 */
final class WindowsOwnership implements TrustedFiles.Inspector {
    static final String SYSTEM = "S-1-5-18";
    static final String ADMINISTRATORS = "S-1-5-32-544";
    static final String TRUSTED_INSTALLER = "S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464";
    /** CREATOR OWNER and OWNER RIGHTS stand for the owner, which is checked itself. */
    private static final Set<String> TRUSTED = Set.of(SYSTEM, ADMINISTRATORS, TRUSTED_INSTALLER, "S-1-3-0", "S-1-3-4");

    private static final int FILE_WRITE_DATA = 0x2;
    private static final int FILE_APPEND_DATA = 0x4;
    private static final int FILE_WRITE_EA = 0x10;
    private static final int FILE_DELETE_CHILD = 0x40;
    private static final int DELETE = 0x10000;
    private static final int WRITE_DAC = 0x40000;
    private static final int WRITE_OWNER = 0x80000;
    private static final int GENERIC_ALL = 0x10000000;
    private static final int GENERIC_WRITE = 0x40000000;
    private static final int INHERIT_ONLY_ACE = 0x08;
    /** Rights that change a file's content or its protection. */
    private static final int CHANGES_FILE = FILE_WRITE_DATA | FILE_APPEND_DATA | FILE_WRITE_EA | DELETE | WRITE_DAC
            | WRITE_OWNER | GENERIC_ALL | GENERIC_WRITE;
    /**
     * Rights that let an account replace what a folder holds. Adding a file or a subfolder is not one: on
     * Windows that cannot replace an existing entry, and Users may add to C:\ and C:\ProgramData by default.
     */
    private static final int REPLACES_ENTRIES = FILE_DELETE_CHILD | DELETE | WRITE_DAC | WRITE_OWNER | GENERIC_ALL;

    /** One allow or deny entry of an ACL. */
    record Ace(String sid, int mask, int flags, boolean allow) {}

    /** A security descriptor: the owner's SID and the DACL's entries; a null DACL lets everyone do anything. */
    record Security(String ownerSid, List<Ace> dacl) {}

    /** Reads the security descriptor of a path (the seam: JNA in the app, a map of real SIDs in the tests). */
    interface Reader {
        Security read(Path path) throws IOException;

        /** An account's name for messages ("BUILTIN\Users"), or the SID when it has none. */
        default String name(String sid) {
            return sid;
        }
    }

    private final Reader reader;

    WindowsOwnership(Reader reader) {
        this.reader = reader;
    }

    static WindowsOwnership live() {
        return new WindowsOwnership(new JnaReader());
    }

    @Override
    public Optional<TrustedFiles.Distrust> inspect(Path file, Path path, boolean folder) throws IOException {
        Security s = reader.read(path);
        boolean ownerTrusted = TRUSTED.contains(s.ownerSid());
        Set<String> writers = new LinkedHashSet<>();
        if (s.dacl() == null) {
            writers.add("S-1-1-0"); // Everyone
        } else {
            int dangerous = folder ? REPLACES_ENTRIES : CHANGES_FILE;
            for (Ace ace : s.dacl()) {
                if (ace.allow() && (ace.flags() & INHERIT_ONLY_ACE) == 0 && (ace.mask() & dangerous) != 0
                        && !TRUSTED.contains(ace.sid())) {
                    writers.add(ace.sid());
                }
            }
        }
        if (ownerTrusted && writers.isEmpty()) {
            return Optional.empty();
        }
        String where = TrustedFiles.quoted(path, true);
        String full = folder ? ":(OI)(CI)F" : ":F";
        List<String> fix = new ArrayList<>();
        if (!ownerTrusted) {
            fix.add("icacls " + where + " /setowner *" + ADMINISTRATORS);
        }
        if (!writers.isEmpty()) {
            fix.add("icacls " + where + " /inheritance:r /grant:r *" + ADMINISTRATORS + full + " *" + SYSTEM + full
                    + " *S-1-5-32-545:" + (folder ? "(OI)(CI)RX" : "RX"));
        }
        String mode = writers.isEmpty() ? "-" : String.join(", ", writers.stream().map(w -> reader.name(w) + ":(W)").toList());
        return Optional.of(new TrustedFiles.Distrust(folder ? TrustedFiles.Kind.FOLDER : TrustedFiles.Kind.FILE, file, path,
                reader.name(s.ownerSid()), mode, TrustedFiles.fix(fix)));
    }

    /** GetNamedSecurityInfo through JNA's Advapi32Util. */
    private static final class JnaReader implements Reader {
        @Override
        public Security read(Path path) throws IOException {
            WinNT.SECURITY_DESCRIPTOR_RELATIVE sd;
            try {
                sd = Advapi32Util.getFileSecurityDescriptor(path.toFile(), false);
            } catch (RuntimeException e) {
                throw new ProblemException(Problem.of("settings.policy.ownerUnreadable", path, String.valueOf(e.getMessage()).strip()), e);
            }
            WinNT.ACL acl = sd.getDiscretionaryACL();
            if (acl == null) {
                return new Security(sd.getOwner().getSidString(), null);
            }
            List<Ace> aces = new ArrayList<>();
            for (WinNT.ACE_HEADER h : acl.getACEs()) {
                if (h instanceof WinNT.ACCESS_ACEStructure a) {
                    aces.add(new Ace(a.getSidString(), a.Mask, h.AceFlags & 0xff, h instanceof WinNT.ACCESS_ALLOWED_ACE));
                }
            }
            return new Security(sd.getOwner().getSidString(), aces);
        }

        @Override
        public String name(String sid) {
            try {
                Advapi32Util.Account a = Advapi32Util.getAccountBySid(sid);
                return a.domain == null || a.domain.isEmpty() ? a.name : a.domain + "\\" + a.name;
            } catch (RuntimeException e) {
                return sid;
            }
        }
    }
}
