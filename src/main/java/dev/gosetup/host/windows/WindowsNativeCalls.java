package dev.gosetup.host.windows;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import com.sun.jna.ptr.ShortByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;
import dev.gosetup.host.NativeCalls;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Windows: IsWow64Process2 (Windows 10 1709+; JNA's Kernel32 lacks it, so it is declared here) and the
 * version values under HKLM. nativeMachine is the only fact that sees through x64 emulation on ARM64.
 */
public final class WindowsNativeCalls implements NativeCalls {
    private static final Logger LOG = Logger.getLogger(WindowsNativeCalls.class.getName());
    private static final String CURRENT_VERSION = "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";
    private static final String CPU0 = "HARDWARE\\DESCRIPTION\\System\\CentralProcessor\\0";
    /** SMBIOS system strings as Windows copies them at boot (readable without admin rights). */
    private static final String BIOS = "HARDWARE\\DESCRIPTION\\System\\BIOS";

    interface Kernel32Ext extends StdCallLibrary {
        boolean IsWow64Process2(WinNT.HANDLE process, ShortByReference processMachine, ShortByReference nativeMachine);

        boolean GetUserPreferredUILanguages(int flags, com.sun.jna.ptr.IntByReference count, char[] buffer,
                com.sun.jna.ptr.IntByReference length);
    }

    /** MUI_LANGUAGE_NAME: names such as zh-CN rather than LANGIDs. */
    private static final int MUI_LANGUAGE_NAME = 0x8;

    private final Kernel32Ext kernel32 = Native.load("kernel32", Kernel32Ext.class, W32APIOptions.DEFAULT_OPTIONS);
    private short[] machines;

    @Override
    public Optional<String> windows(String key) {
        return switch (key) {
            case "processMachine" -> machines().map(m -> hex(m[0]));
            case "nativeMachine" -> machines().map(m -> hex(m[1]));
            case "CurrentBuild", "DisplayVersion", "ProductName" -> registryString(CURRENT_VERSION, key);
            case "UBR" -> registryInt(CURRENT_VERSION, key);
            case "ProcessorNameString" -> registryString(CPU0, key);
            case "SystemManufacturer", "SystemProductName" -> registryString(BIOS, key);
            default -> Optional.empty();
        };
    }

    /** The user's display languages, most preferred first (Settings > Time & language), e.g. zh-CN, en-US. */
    @Override
    public java.util.List<String> preferredLanguages() {
        com.sun.jna.ptr.IntByReference count = new com.sun.jna.ptr.IntByReference();
        com.sun.jna.ptr.IntByReference length = new com.sun.jna.ptr.IntByReference();
        try {
            if (!kernel32.GetUserPreferredUILanguages(MUI_LANGUAGE_NAME, count, null, length)
                    || length.getValue() <= 0 || length.getValue() > 4096) {
                return java.util.List.of();
            }
            char[] buffer = new char[length.getValue()];
            if (!kernel32.GetUserPreferredUILanguages(MUI_LANGUAGE_NAME, count, buffer, length)) {
                return java.util.List.of();
            }
            return languageNames(buffer);
        } catch (UnsatisfiedLinkError beforeVista) {
            LOG.log(Level.INFO, "GetUserPreferredUILanguages not available", beforeVista);
            return java.util.List.of();
        }
    }

    /** The names in a double-NUL-terminated list as GetUserPreferredUILanguages fills it ("zh-CN\0en-US\0\0"). */
    public static java.util.List<String> languageNames(char[] multiSz) {
        java.util.List<String> names = new java.util.ArrayList<>();
        int start = 0;
        for (int i = 0; i < multiSz.length; i++) {
            if (multiSz[i] == 0) {
                if (i == start) {
                    break; // the empty string that ends the list
                }
                names.add(new String(multiSz, start, i - start));
                start = i + 1;
            }
        }
        return names;
    }

    private synchronized Optional<short[]> machines() {
        if (machines == null) {
            ShortByReference process = new ShortByReference();
            ShortByReference nativeMachine = new ShortByReference();
            try {
                if (kernel32.IsWow64Process2(Kernel32.INSTANCE.GetCurrentProcess(), process, nativeMachine)) {
                    machines = new short[] {process.getValue(), nativeMachine.getValue()};
                } else {
                    machines = new short[0];
                }
            } catch (UnsatisfiedLinkError olderThan1709) {
                LOG.log(Level.INFO, "IsWow64Process2 not available", olderThan1709);
                machines = new short[0];
            }
        }
        return machines.length == 2 ? Optional.of(machines) : Optional.empty();
    }

    private static String hex(short machine) {
        return "0x%04x".formatted(machine & 0xffff);
    }

    private static Optional<String> registryString(String key, String value) {
        try {
            return Advapi32Util.registryValueExists(WinReg.HKEY_LOCAL_MACHINE, key, value)
                    ? Optional.of(Advapi32Util.registryGetStringValue(WinReg.HKEY_LOCAL_MACHINE, key, value))
                    : Optional.empty();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Registry read failed: " + key + "\\" + value, e);
            return Optional.empty();
        }
    }

    private static Optional<String> registryInt(String key, String value) {
        try {
            return Advapi32Util.registryValueExists(WinReg.HKEY_LOCAL_MACHINE, key, value)
                    ? Optional.of(Integer.toString(Advapi32Util.registryGetIntValue(WinReg.HKEY_LOCAL_MACHINE, key, value)))
                    : Optional.empty();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Registry read failed: " + key + "\\" + value, e);
            return Optional.empty();
        }
    }
}
