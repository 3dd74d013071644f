package dev.gosetup.shell;

import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.ProblemException;
import dev.gosetup.i18n.Problems;
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
        List<String> restore = new ArrayList<>(); // NAME (TYPE) = what it was
        List<String> delete = new ArrayList<>(); // names that did not exist before
        for (Write w : done.reversed()) {
            try {
                put(env, w.name(), w.before());
            } catch (IOException | RuntimeException again) {
                cause.addSuppressed(again);
                if (w.before() == null) {
                    delete.add(w.name());
                } else {
                    restore.add(w.name() + " (" + w.before().typeName() + ") = " + w.before().data());
                }
            }
        }
        boolean stuck = !restore.isEmpty() || !delete.isEmpty();
        if (stuck) {
            // Some of the change stayed in the registry; new processes should see what is really there.
            env.broadcastChange();
        }
        // args: the value, where, why (the cause's own problem), then for .stuck what to set and what to delete by hand
        String key = done.isEmpty() ? "env.windows.writeFailed" : stuck ? "env.windows.writeFailed.stuck" : "env.windows.writeFailed.putBack";
        return new ProblemException(Problem.of(key, failed.name(), env.describe(), Problems.of(cause),
                restore.isEmpty() ? "-" : String.join("\n", restore), delete.isEmpty() ? "-" : String.join(", ", delete)), cause);
    }

    private static void put(UserEnvironment env, String name, Value value) throws IOException {
        if (value == null) {
            env.remove(name);
        } else {
            env.set(name, value);
        }
    }
}
