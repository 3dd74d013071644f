package dev.gosetup.shell.windows;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.Ole32;
import com.sun.jna.platform.win32.Shell32;
import com.sun.jna.platform.win32.User32;
import com.sun.jna.platform.win32.WinDef;
import com.sun.jna.platform.win32.ShellAPI;
import com.sun.jna.platform.win32.W32Errors;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinUser;
import com.sun.jna.ptr.IntByReference;
import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.ProblemException;
import dev.gosetup.shell.Elevation;
import dev.gosetup.shell.ElevationDeclined;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Elevation the way Windows offers it to programs: ShellExecuteEx with the "runas" verb shows the UAC prompt (or, for
 * an administrator without UAC, such as GitHub's Windows runners, just starts the program elevated). The process
 * handle (SEE_MASK_NOCLOSEPROCESS) is what lets us wait for it and read its exit code; SEE_MASK_NOASYNC because the
 * call may be made from a thread that ends right after; SW_HIDE because the elevated gosetup has nothing to show —
 * this side reads the registry afterwards and says what happened. Sources: learn.microsoft.com/windows/win32/api/
 * shellapi/nf-shellapi-shellexecuteexw and ns-shellapi-shellexecuteinfow.
 */
public final class ShellExecuteElevation implements Elevation {
    /** shellapi.h: wait for the execution to finish before returning (jna-platform does not define it). */
    private static final int SEE_MASK_NOASYNC = 0x00000100;
    private static final int WAIT_TIMEOUT = 0x00000102;

    private final Duration limit;

    /** @param limit how long to wait for the elevated program before giving up on it (it keeps running) */
    public ShellExecuteElevation(Duration limit) {
        this.limit = limit;
    }

    @Override
    public int run(Path program, List<String> arguments) throws IOException {
        // "COM should be initialized before ShellExecuteEx is called" (it may hand the verb to a shell extension).
        WinNT.HRESULT com = Ole32.INSTANCE.CoInitializeEx(null, Ole32.COINIT_APARTMENTTHREADED | Ole32.COINIT_DISABLE_OLE1DDE);
        try {
            ShellAPI.SHELLEXECUTEINFO info = new ShellAPI.SHELLEXECUTEINFO();
            info.fMask = Shell32.SEE_MASK_NOCLOSEPROCESS | SEE_MASK_NOASYNC;
            info.lpVerb = "runas";
            info.lpFile = program.toString();
            info.lpParameters = WindowsCommandLine.join(arguments);
            info.nShow = WinUser.SW_HIDE;
            info.hwnd = ownForegroundWindow();
            if (!Shell32.INSTANCE.ShellExecuteEx(info)) {
                int error = Native.getLastError();
                if (error == WinError.ERROR_CANCELLED) {
                    throw new ElevationDeclined();
                }
                throw failed("start", program, error);
            }
            if (info.hProcess == null) {
                throw failed("start", program, 0); // handed to something that started no process we could wait for
            }
            try {
                int waited = Kernel32.INSTANCE.WaitForSingleObject(info.hProcess, (int) Math.min(Integer.MAX_VALUE, limit.toMillis()));
                if (waited == WAIT_TIMEOUT) {
                    throw new ProblemException(Problem.of("elevation.timedOut", program.toString(), limit));
                }
                if (waited != WinBase.WAIT_OBJECT_0) {
                    throw failed("wait", program, Native.getLastError());
                }
                IntByReference code = new IntByReference();
                if (!Kernel32.INSTANCE.GetExitCodeProcess(info.hProcess, code)) {
                    throw failed("wait", program, Native.getLastError());
                }
                return code.getValue();
            } finally {
                Kernel32.INSTANCE.CloseHandle(info.hProcess);
            }
        } finally {
            if (W32Errors.SUCCEEDED(com)) { // S_OK and S_FALSE each need their CoUninitialize; RPC_E_CHANGED_MODE none
                Ole32.INSTANCE.CoUninitialize();
            }
        }
    }

    /**
     * The window the user just clicked in, when it is this process's own: the UAC prompt's owner. Without an owner
     * Windows may refuse the prompt the foreground (foreground lock) and show it behind the app, flashing in the
     * taskbar, while the app waits. From the command line the foreground window is the terminal's, not ours: then
     * no owner, as before. (SHELLEXECUTEINFO.hwnd: "a handle to the parent window"; GetForegroundWindow,
     * GetWindowThreadProcessId: learn.microsoft.com/windows/win32/api/winuser.)
     */
    private static WinDef.HWND ownForegroundWindow() {
        WinDef.HWND foreground = User32.INSTANCE.GetForegroundWindow();
        if (foreground == null) {
            return null;
        }
        IntByReference pid = new IntByReference();
        User32.INSTANCE.GetWindowThreadProcessId(foreground, pid);
        return Integer.toUnsignedLong(pid.getValue()) == ProcessHandle.current().pid() ? foreground : null;
    }

    /** @param step start or wait; the error code and Windows' own text (in the system's language) as facts */
    private static ProblemException failed(String step, Path program, int error) {
        String text = error == 0 ? "" : Kernel32Util.formatMessageSafely(error);
        return new ProblemException(Problem.of(step.equals("start") ? "elevation.startFailed" : "elevation.waitFailed",
                program.toString(), String.valueOf(error), text));
    }

    /** Kernel32Util.formatMessage throws on codes it has no text for; a missing text must not hide the code. */
    private static final class Kernel32Util {
        static String formatMessageSafely(int error) {
            try {
                return com.sun.jna.platform.win32.Kernel32Util.formatMessage(error).strip();
            } catch (RuntimeException e) {
                return "";
            }
        }
    }
}
