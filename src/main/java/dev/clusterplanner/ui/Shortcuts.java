package dev.clusterplanner.ui;

import javafx.scene.input.KeyCombination;

import java.util.List;

/** The keyboard shortcuts, in one place: the menus use them and Help lists them. */
public final class Shortcuts {

    /** A shortcut: the key combination and what it does. */
    public record Shortcut(String keys, String action) {
        public KeyCombination combination() {
            return KeyCombination.keyCombination(keys);
        }
    }

    public static final Shortcut NEW = new Shortcut("Shortcut+N", "New plan");
    public static final Shortcut OPEN = new Shortcut("Shortcut+O", "Open a plan");
    public static final Shortcut SAVE = new Shortcut("Shortcut+S", "Save");
    public static final Shortcut SAVE_AS = new Shortcut("Shortcut+Shift+S", "Save as");
    public static final Shortcut IMPORT = new Shortcut("Shortcut+I", "Import workloads from CSV");
    public static final Shortcut EXPORT_CSV = new Shortcut("Shortcut+E", "Export results as CSV");
    public static final Shortcut EXPORT_PDF = new Shortcut("Shortcut+P", "Export the report as PDF");
    public static final Shortcut QUIT = new Shortcut("Shortcut+Q", "Quit");
    public static final Shortcut UNDO = new Shortcut("Shortcut+Z", "Undo");
    public static final Shortcut REDO = new Shortcut("Shortcut+Y", "Redo");
    public static final Shortcut ADD_WORKLOAD = new Shortcut("Shortcut+Shift+N", "Add a workload to the selected site");
    public static final Shortcut THEME = new Shortcut("Shortcut+T", "Switch light / dark theme");
    public static final Shortcut RECOMPUTE = new Shortcut("F5", "Recompute the results");
    public static final Shortcut HELP = new Shortcut("F1", "Help");
    public static final Shortcut TAB_PLAN = new Shortcut("Shortcut+1", "Plan & compare");
    public static final Shortcut TAB_WORKLOADS = new Shortcut("Shortcut+2", "Workloads");
    public static final Shortcut TAB_CATALOG = new Shortcut("Shortcut+3", "Catalog");
    public static final Shortcut TAB_RISK = new Shortcut("Shortcut+4", "Risk");
    public static final Shortcut TAB_LIVE = new Shortcut("Shortcut+5", "Live cluster");
    public static final Shortcut TAB_SETTINGS = new Shortcut("Shortcut+6", "Settings: plan, costs, sites, policy, facility");

    public static final List<Shortcut> ALL = List.of(NEW, OPEN, SAVE, SAVE_AS, IMPORT, EXPORT_CSV, EXPORT_PDF, QUIT, UNDO, REDO,
            ADD_WORKLOAD, THEME, RECOMPUTE, HELP, TAB_PLAN, TAB_WORKLOADS, TAB_CATALOG, TAB_RISK, TAB_LIVE, TAB_SETTINGS);

    private Shortcuts() {
    }

    /** "Ctrl+Shift+S" on Linux and Windows (Shortcut is Ctrl there, Cmd on a Mac). */
    public static String display(Shortcut s) {
        return s.keys().replace("Shortcut", "Ctrl");
    }
}
