package dev.clusterplanner;

import dev.clusterplanner.cli.Cli;
import dev.clusterplanner.ui.ClusterPlannerApp;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Entry point of the jar. With no arguments it opens the desktop window; with a sub-command it runs
 * the command line and never touches the display. With one argument naming an existing {@code *.plan.json}
 * file (what a file manager passes when a plan is double-clicked) the window opens that plan. A plain class
 * (not an Application subclass), so that JavaFX starts from a fat jar on the class path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || opensPlanInWindow(args)) {
            ClusterPlannerApp.main(args);
            return;
        }
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(Cli.run(args, out, err));
    }

    /** One argument that is an existing plan file: the desktop's "open with" of a {@code *.plan.json}. */
    static boolean opensPlanInWindow(String[] args) {
        return args.length == 1 && args[0].endsWith(".plan.json") && Files.isRegularFile(Path.of(args[0]));
    }
}
