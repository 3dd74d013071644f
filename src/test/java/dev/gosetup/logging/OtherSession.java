package dev.gosetup.logging;

import java.nio.file.Path;
import java.util.logging.Logger;

/** Another gosetup process (the window left open) logging to the same folder until its standard input closes. */
public final class OtherSession {
    private OtherSession() {}

    public static void main(String[] args) throws Exception {
        LogSetup.configure(Path.of(args[0]));
        Logger.getLogger("dev.gosetup.OtherSession").info("the other gosetup is running");
        System.out.println("ready");
        System.out.flush();
        System.in.read();
        Logger.getLogger("dev.gosetup.OtherSession").info("the other gosetup ends");
    }
}
