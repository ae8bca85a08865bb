package dev.clusterplanner;

import dev.clusterplanner.cli.Cli;
import dev.clusterplanner.ui.ClusterPlannerApp;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Entry point of the jar. With no arguments it opens the desktop window; with a sub-command it runs
 * the command line and never touches the display. A plain class (not an Application subclass), so
 * that JavaFX starts from a fat jar on the class path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            ClusterPlannerApp.main(args);
            return;
        }
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(Cli.run(args, out, err));
    }
}
