package dev.clusterplanner.ui.help;

import dev.clusterplanner.ui.Shortcuts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The pages of the Help window: a getting-started page written for the window, the user guide pages shipped in the jar
 * (docs/user, copied in by the build), the keyboard shortcuts, and About.
 */
public final class HelpPages {

    /** A page: its title and its blocks of text. */
    public record Page(String id, String title, List<GuideText.Block> blocks) {
    }

    /** The guide's pages, in reading order (a page missing from the jar is left out). */
    static final List<String> GUIDE = List.of("getting-started", "desktop-app", "sizing", "cost", "storage-network-power", "risk",
            "catalogs", "plan-files", "pdf-report", "live-cluster", "live-ceph");

    private HelpPages() {
    }

    public static List<Page> all() {
        List<Page> out = new ArrayList<>();
        out.add(new Page("start", "Start here", GuideText.parse(START)));
        for (String name : GUIDE) {
            String text = resource("/dev/clusterplanner/ui/guide/" + name + ".md");
            if (text != null) {
                List<GuideText.Block> blocks = GuideText.parse(text);
                out.add(new Page(name, "Guide: " + GuideText.title(blocks, name), blocks));
            }
        }
        out.add(new Page("shortcuts", "Keyboard shortcuts", GuideText.parse(shortcuts())));
        out.add(new Page("about", "About", GuideText.parse(about())));
        return out;
    }

    private static String resource(String path) {
        try (InputStream in = HelpPages.class.getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    static final String START = """
            # Start here

            Cluster Planner tells you how many hosts of which hardware your Incus workloads need, with room for a host to fail, what \
            that costs over the years compared with renting bare metal or AWS, and whether storage, network and power hold up.

            ## What to do first

            1. Workloads (Ctrl+2): list what you want to run. Add a workload, pick one from the library (a database, a web app, ...) \
            or import a CSV. Give each its count, vCPU, memory (GiB) and disk (GiB). Spread means the instances go on distinct hosts \
            (anti-affinity), as replicas of a database should.
            2. Catalog (Ctrl+3): pick the machines to compare and click "Add as candidate". If you have a supplier's quote, add \
            your own hardware row there with its price.
            3. Settings (Ctrl+6): name the plan, set how many host failures to tolerate, the horizon (5 years by default), \
            electricity price and whether the hosts stand in an office or a data centre.
            4. Plan & compare (Ctrl+1): one card per option. The recommended one has a green border.
            5. File > Export PDF report (Ctrl+P) for a document to share; File > Save (Ctrl+S) keeps the plan.

            ## What the numbers mean

            - Hosts: the fewest machines that hold every workload and still run everything when the tolerated number of hosts fail.
            - Purchase: what buying the hosts costs once. Monthly: what running them costs each month (power, colocation, support, rent).
            - N-year TCO: the total cost of ownership over the horizon, purchase plus every month, minus what the hardware sells for at the end.
            - Does not fit: no number of these hosts holds the workloads; the card says which instance needs more than a host offers.
            - Findings: warnings and errors about the option (a slow network for Ceph, a disk filling up). The Findings tab lists them whole.
            - Why? (formulas): every figure with its formula and source, so you can check it.
            - Risk (Ctrl+4): thousands of possible futures of growth, failures and prices; the answer on top says how often owning \
            is cheaper and when capacity runs out.

            Every edit can be undone (Ctrl+Z). Unsaved changes are kept every few seconds and offered back after a crash.
            """;

    static String shortcuts() {
        StringBuilder sb = new StringBuilder("# Keyboard shortcuts\n\n");
        for (Shortcuts.Shortcut s : Shortcuts.ALL) {
            sb.append("- ").append(Shortcuts.display(s)).append(": ").append(s.action()).append('\n');
        }
        sb.append("- Esc: close this window or a dialog\n");
        return sb.toString();
    }

    /** "Cluster Planner 0.1.0" from the jar's manifest, "development build" when run from classes. */
    public static String version() {
        String v = HelpPages.class.getPackage().getImplementationVersion();
        return "Cluster Planner " + (v == null ? "development build" : v);
    }

    static String about() {
        return "# About\n\n" + version() + "\n\n"
                + "Plans Incus clusters: hosts, cost, power, storage and network, and checks a running cluster against the plan.\n\n"
                + "Java " + System.getProperty("java.version") + ", JavaFX " + System.getProperty("javafx.runtime.version", "(unknown)") + ".\n\n"
                + "Based on the chuck-stack Incus guide ([chuck-stack.org](https://www.chuck-stack.org/)).\n";
    }
}
