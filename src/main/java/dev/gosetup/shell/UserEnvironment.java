package dev.gosetup.shell;

import java.io.IOException;
import java.util.Optional;

/**
 * The environment Windows gives new processes, as stored in the registry (the user's under HKCU, the
 * machine's under HKLM). A seam: the editing logic runs against a fake on any OS, the registry only on Windows.
 */
public interface UserEnvironment {

    /**
     * A registry environment value: its text and whether it is REG_EXPAND_SZ (true) or REG_SZ (false). The
     * type matters: only REG_EXPAND_SZ values have their %VAR% references expanded for new processes.
     */
    record Value(String data, boolean expandable) {
        public Value {
            if (data == null) {
                throw new IllegalArgumentException("data is null");
            }
        }

        /** The registry's name for the type, for messages. */
        public String typeName() {
            return expandable ? "REG_EXPAND_SZ" : "REG_SZ";
        }
    }

    /** The value called {@code name}; names are case-insensitive, like the registry's. */
    Optional<Value> get(String name) throws IOException;

    /** Creates or replaces {@code name}; an existing value keeps the case of its name. */
    void set(String name, Value value) throws IOException;

    /** Deletes {@code name}; nothing happens when there is no such value. */
    void remove(String name) throws IOException;

    /** Tells Explorer and other top-level windows that the environment changed (WM_SETTINGCHANGE, "Environment"). */
    void broadcastChange();

    /** Where the values live, for messages: {@code HKEY_CURRENT_USER\Environment}. */
    String describe();
}
