package dev.gosetup.shell.windows;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.User32;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinDef.LPARAM;
import com.sun.jna.platform.win32.WinDef.LRESULT;
import com.sun.jna.platform.win32.WinDef.WPARAM;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import com.sun.jna.platform.win32.WinUser;
import com.sun.jna.ptr.IntByReference;
import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.ProblemException;
import dev.gosetup.shell.UserEnvironment;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The environment values in the registry that Windows builds new processes' environments from: the user's
 * ({@code HKCU\Environment}) or the machine's (under HKLM, writable only with administrator rights).
 * Neither key is redirected for 32-bit processes, so no WOW64 flag is needed.
 */
public final class RegistryEnvironment implements UserEnvironment {
    private static final Logger LOG = Logger.getLogger(RegistryEnvironment.class.getName());
    private static final String MACHINE_KEY = "SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment";
    private static final int WM_SETTINGCHANGE = 0x001A;
    private static final int BROADCAST_TIMEOUT_MS = 5000;

    private final WinReg.HKEY root;
    private final String keyPath;
    private final String description;
    private final boolean machine;

    private RegistryEnvironment(WinReg.HKEY root, String rootName, String keyPath, boolean machine) {
        this.root = root;
        this.keyPath = keyPath;
        this.description = rootName + "\\" + keyPath;
        this.machine = machine;
    }

    public static RegistryEnvironment forUser() {
        return new RegistryEnvironment(WinReg.HKEY_CURRENT_USER, "HKEY_CURRENT_USER", "Environment", false);
    }

    public static RegistryEnvironment forMachine() {
        return new RegistryEnvironment(WinReg.HKEY_LOCAL_MACHINE, "HKEY_LOCAL_MACHINE", MACHINE_KEY, true);
    }

    /**
     * Reads type and text in one RegQueryValueEx. Advapi32Util.registryGetValue is no use here: it goes
     * through RegGetValue, which expands REG_EXPAND_SZ text, and the %VAR% form is what must be kept.
     */
    @Override
    public Optional<Value> get(String name) throws IOException {
        WinReg.HKEYByReference key = new WinReg.HKEYByReference();
        int rc = Advapi32.INSTANCE.RegOpenKeyEx(root, keyPath, 0, WinNT.KEY_READ, key);
        if (rc == WinError.ERROR_FILE_NOT_FOUND) {
            return Optional.empty();
        }
        check(rc, "registry.readFailed", name);
        try {
            IntByReference type = new IntByReference();
            IntByReference size = new IntByReference();
            while (true) {
                rc = Advapi32.INSTANCE.RegQueryValueEx(key.getValue(), name, 0, type, (Pointer) null, size);
                if (rc == WinError.ERROR_FILE_NOT_FOUND) {
                    return Optional.empty();
                }
                check(rc, "registry.readFailed", name);
                // Two zeroed bytes more: the stored text need not end with a NUL.
                try (Memory data = new Memory(size.getValue() + 2L)) {
                    data.clear();
                    rc = Advapi32.INSTANCE.RegQueryValueEx(key.getValue(), name, 0, type, data, size);
                    if (rc == WinError.ERROR_MORE_DATA) {
                        continue; // it grew between the two calls
                    }
                    check(rc, "registry.readFailed", name);
                    return switch (type.getValue()) {
                        case WinNT.REG_SZ -> Optional.of(new Value(data.getWideString(0), false));
                        case WinNT.REG_EXPAND_SZ -> Optional.of(new Value(data.getWideString(0), true));
                        default -> throw new ProblemException(Problem.of("registry.notText", name, description,
                                String.valueOf(type.getValue())));
                    };
                }
            }
        } finally {
            Advapi32.INSTANCE.RegCloseKey(key.getValue());
        }
    }

    @Override
    public void set(String name, Value value) throws IOException {
        try {
            if (value.expandable()) {
                Advapi32Util.registrySetExpandableStringValue(root, keyPath, name, value.data());
            } else {
                Advapi32Util.registrySetStringValue(root, keyPath, name, value.data());
            }
        } catch (Win32Exception e) {
            throw failure(e, "registry.writeFailed", name);
        }
    }

    @Override
    public void remove(String name) throws IOException {
        try {
            Advapi32Util.registryDeleteValue(root, keyPath, name);
        } catch (Win32Exception e) {
            if (e.getErrorCode() != WinError.ERROR_FILE_NOT_FOUND) {
                throw failure(e, "registry.deleteFailed", name);
            }
        }
    }

    /**
     * WM_SETTINGCHANGE with lParam "Environment" is how Explorer learns to rebuild the environment it gives
     * the programs it starts. lParam must point at a UTF-16 string (User32 binds the W functions); the
     * system copies it for each receiving process. Windows that hang are skipped, not waited for.
     */
    @Override
    public void broadcastChange() {
        String area = "Environment";
        try (Memory text = new Memory((area.length() + 1L) * Native.WCHAR_SIZE)) {
            text.setWideString(0, area);
            // lpdwResult is a PDWORD_PTR (8 bytes on x64) that jna-platform binds as a 4-byte DWORDByReference: passing
            // one lets Windows write past it. The result is optional ([out, optional] in the docs) and of no use
            // for a broadcast, so none is passed.
            LRESULT sent = User32.INSTANCE.SendMessageTimeout(WinUser.HWND_BROADCAST, WM_SETTINGCHANGE, new WPARAM(0),
                    new LPARAM(Pointer.nativeValue(text)), WinUser.SMTO_ABORTIFHUNG, BROADCAST_TIMEOUT_MS, null);
            if (sent.longValue() == 0) {
                LOG.log(Level.INFO, "WM_SETTINGCHANGE broadcast timed out or failed (error {0}); new terminals may need a sign-out",
                        Native.getLastError());
            }
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            // The values are written; a missed broadcast only delays when programs see them.
            LOG.log(Level.WARNING, "WM_SETTINGCHANGE broadcast failed", e);
        }
    }

    @Override
    public String describe() {
        return description;
    }

    private void check(int rc, String key, String name) throws IOException {
        if (rc != WinError.ERROR_SUCCESS) {
            throw failure(new Win32Exception(rc), key, name);
        }
    }

    /**
     * @param key what was being done (registry.readFailed, .writeFailed, .deleteFailed), with arguments: the value's
     *            name, the key's description, Windows' error code and its own text (in the system's language)
     */
    private ProblemException failure(Win32Exception e, String key, String name) {
        if (e.getErrorCode() == WinError.ERROR_ACCESS_DENIED) {
            return new ProblemException(Problem.of(machine ? "registry.machine.denied" : "registry.user.denied", description, name), e);
        }
        return new ProblemException(Problem.of(key, name, description, String.valueOf(e.getErrorCode()),
                String.valueOf(e.getMessage()).strip()), e);
    }
}
