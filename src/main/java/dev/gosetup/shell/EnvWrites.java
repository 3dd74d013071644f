package dev.gosetup.shell;

import dev.gosetup.shell.UserEnvironment.Value;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Several environment values written as one change. The registry has no transaction to put them in, so
 * when one write fails the writes before it are undone: a refused write (access denied, a locked key)
 * must not leave GOPATH set with PATH unchanged, or half of an undo done.
 */
final class EnvWrites {

    /** One value going from {@code before} to {@code after}; null stands for "no such value". */
    record Write(String name, Value before, Value after) {}

    private EnvWrites() {}

    /** Makes every write in order, or none of them; broadcasts nothing (the caller does, once). */
    static void perform(UserEnvironment env, List<Write> writes) throws IOException {
        List<Write> done = new ArrayList<>();
        for (Write w : writes) {
            try {
                put(env, w.name(), w.after());
            } catch (IOException | RuntimeException e) {
                throw undoAfterFailure(env, done, w, e);
            }
            done.add(w);
        }
    }

    private static IOException undoAfterFailure(UserEnvironment env, List<Write> done, Write failed, Exception cause) {
        List<String> stuck = new ArrayList<>();
        for (Write w : done.reversed()) {
            try {
                put(env, w.name(), w.before());
            } catch (IOException | RuntimeException again) {
                cause.addSuppressed(again);
                stuck.add(w.before() == null ? "delete " + w.name()
                        : "set " + w.name() + " (" + w.before().typeName() + ") to " + w.before().data());
            }
        }
        if (!stuck.isEmpty()) {
            // Some of the change stayed in the registry; new processes should see what is really there.
            env.broadcastChange();
        }
        String outcome = done.isEmpty() ? "Nothing was changed."
                : stuck.isEmpty() ? "The values already written were put back; nothing was changed."
                : "Some values could not be put back; to restore them by hand: " + String.join("; ", stuck) + ".";
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new IOException("Could not write " + failed.name() + " in " + env.describe() + ": " + reason + " " + outcome, cause);
    }

    private static void put(UserEnvironment env, String name, Value value) throws IOException {
        if (value == null) {
            env.remove(name);
        } else {
            env.set(name, value);
        }
    }
}
