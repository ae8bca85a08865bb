package dev.clusterplanner.cli;

import dev.clusterplanner.app.CephProbeService;
import dev.clusterplanner.core.live.CephCluster;
import dev.clusterplanner.core.live.CephOsd;
import dev.clusterplanner.core.live.CephPool;
import dev.clusterplanner.core.model.Explanation;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints the Ceph part of a probe: health, OSDs per host, pools, totals and the figures with their formulas. */
final class CephReportPrinter {

    private static final double GIB = 1024.0 * 1024 * 1024;

    private CephReportPrinter() {
    }

    static void print(CephProbeService.Result r, PrintWriter out) {
        CephCluster c = r.cluster();
        if (c == null) {
            out.println("Ceph: not read (see findings)");
            return;
        }
        out.printf(Locale.ROOT, "Ceph: %s, %s%s, read from %s%n", c.health().label(),
                c.osds().size() + " OSD(s) on " + c.hostCount() + " host(s)",
                c.healthChecks().isEmpty() ? "" : " (" + String.join("; ", c.healthChecks()) + ")", c.source());
        if (!c.version().isEmpty()) {
            out.println("  version: " + c.version());
        }
        out.printf(Locale.ROOT, "  raw %s GiB, used %s GiB, available %s GiB%s%n", gib(c.totalBytes()), gib(c.usedRawBytes()),
                gib(c.availBytes()), c.nearfullRatio() == null ? "" : ", nearfull ratio " + c.nearfullRatio());
        out.println("  OSDs:");
        for (Map.Entry<String, List<CephOsd>> e : c.osdsByHost().entrySet()) {
            for (CephOsd o : e.getValue()) {
                out.printf(Locale.ROOT, "    %-8s %-12s %-5s %-4s %-4s %10s GiB %10s GiB used (%.1f %%)%n", o.name(), e.getKey(),
                        o.deviceClass().isEmpty() ? "?" : o.deviceClass(), o.up() ? "up" : "DOWN", o.in() ? "in" : "OUT",
                        gib(o.sizeBytes()), gib(o.usedBytes()), o.fill() * 100);
            }
        }
        out.println("  pools:");
        for (CephPool p : c.pools()) {
            out.printf(Locale.ROOT, "    %-24s %-34s %8d objects, stored %s GiB, used raw %s GiB, max avail %s GiB%n", p.name(),
                    p.describe(), p.objects(), gib(p.storedBytes()), gib(p.usedRawBytes()), gib(p.maxAvailBytes()));
        }
        if (r.validation() != null) {
            out.println("  against " + (r.site().isEmpty() ? "Ceph's defaults" : "plan site '" + r.site() + "'") + ":");
            for (Explanation e : r.validation().figures()) {
                out.println("    " + e.figure() + ": " + e.formula());
            }
        }
    }

    private static String gib(long bytes) {
        double g = bytes / GIB;
        return g >= 100 ? String.format(Locale.ROOT, "%,.0f", g) : String.format(Locale.ROOT, "%.3f", g);
    }
}
