package dev.clusterplanner.app;

import dev.clusterplanner.core.document.Block;
import dev.clusterplanner.core.document.Block.Column;
import dev.clusterplanner.core.document.Block.FindingItem;
import dev.clusterplanner.core.document.Block.Heading;
import dev.clusterplanner.core.document.Block.KeyValue;
import dev.clusterplanner.core.document.Block.Paragraph;
import dev.clusterplanner.core.document.Block.Row;
import dev.clusterplanner.core.document.Block.TextStyle;
import dev.clusterplanner.core.live.CephCluster;
import dev.clusterplanner.core.live.CephOsd;
import dev.clusterplanner.core.live.CephPool;
import dev.clusterplanner.core.live.IncusUnits;
import dev.clusterplanner.core.live.LiveMember;
import dev.clusterplanner.core.live.LiveSnapshot;
import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.validation.CephStorageMapping;
import dev.clusterplanner.core.validation.Comparison;
import dev.clusterplanner.core.validation.LiveValidation;
import dev.clusterplanner.core.validation.MemberComparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's "Live cluster" section, from a saved probe checked again against the report's plan
 * ({@link ProbeService#recheck}): plan against actual per member and in total, the Ceph storage (health, OSDs,
 * pools, figures with their formulas), the Incus pools on Ceph, and the live findings with their severity.
 * Bytes read in binary units with two decimals ("1.26 MiB"), as the probe's JSON carries them in bytes.
 */
final class LiveReportSection {

    /** Member rows: the comparison figure, its column header. */
    private static final List<String[]> MEMBER_FIGURES = List.of(new String[]{"threads", "Threads"}, new String[]{"memory", "Memory GiB"},
            new String[]{"usableStorage", "Local storage GiB"}, new String[]{"nic", "NIC Gb/s"}, new String[]{"gpus", "GPUs"});

    private LiveReportSection() {
    }

    /** The section's blocks; {@code source} names the saved probe (its file name). */
    static List<Block> blocks(ProbeService.Result live, String source) {
        List<Block> b = new ArrayList<>();
        LiveSnapshot s = live.snapshot();
        LiveValidation v = live.validation();
        b.add(new Heading(1, "Live cluster"));
        String site = v == null || v.site().isEmpty() ? "the defaults of its kind (no plan site)" : "plan site " + v.site();
        b.add(new Paragraph("Probe of " + s.source() + " (Incus " + s.serverVersion() + ", " + s.members().size() + " member(s), "
                + s.instances().size() + " instance(s)) taken " + s.takenAt() + ", saved in " + source + ". The saved snapshot is"
                + " checked again against " + site + " of this plan" + (live.ceph() == null ? "; the probe did not read Ceph." : ", Ceph included.")));
        members(b, s, v);
        totals(b, v);
        if (live.ceph() != null) {
            ceph(b, live.ceph(), live.storage());
        }
        if (live.storage() != null) {
            storage(b, live.storage());
        }
        findings(b, live.findings());
        return b;
    }

    private static void members(List<Block> b, LiveSnapshot s, LiveValidation v) {
        b.add(new Heading(2, "Plan against actual per member"));
        b.add(new Paragraph("Each cell reads planned / live; \"–\" where the plan or the cluster does not say. The planned host is"
                + " the site's recommended hardware.", TextStyle.NOTE));
        List<Column> cols = new ArrayList<>(List.of(Column.left("Member"), Column.left("Status")));
        for (String[] f : MEMBER_FIGURES) {
            cols.add(Column.right(f[1]));
        }
        List<Row> rows = new ArrayList<>();
        for (LiveMember m : s.members()) {
            MemberComparison mc = v == null ? null : v.members().stream().filter(x -> x.member().equals(m.name())).findFirst().orElse(null);
            List<String> cells = new ArrayList<>(List.of(m.name(), m.status().id() + (m.readable() ? "" : ": " + m.readError())));
            for (String[] f : MEMBER_FIGURES) {
                Comparison c = mc == null ? null : mc.row(f[0]);
                cells.add(c == null ? "–" : dash(c.planned()) + " / " + dash(c.actual()));
            }
            rows.add(new Row(cells, false));
        }
        b.add(new Block.Table(cols, rows));
    }

    private static void totals(List<Block> b, LiveValidation v) {
        if (v == null || (v.totals().isEmpty() && v.allocation().isEmpty())) {
            return;
        }
        b.add(new Heading(2, "Plan against actual in total"));
        List<Row> rows = new ArrayList<>();
        for (Comparison c : v.totals()) {
            rows.add(Row.of(c.figure(), dash(c.planned()), dash(c.actual()), c.unit(), c.note()));
        }
        for (Comparison c : v.allocation()) {
            rows.add(Row.of("allocated " + c.figure(), dash(c.planned()), dash(c.actual()), c.unit(), c.note()));
        }
        b.add(new Block.Table(List.of(Column.left("Figure"), Column.right("Planned"), Column.right("Live"), Column.left("Unit"),
                Column.left("Note")), rows));
    }

    private static void ceph(List<Block> b, CephProbeService.Result r, CephStorageMapping storage) {
        b.add(new Heading(2, "Ceph storage"));
        CephCluster c = r.cluster();
        if (c == null) {
            b.add(new Paragraph("Ceph was asked for but could not be read when the probe ran: see the findings below."));
            return;
        }
        long up = c.osds().stream().filter(CephOsd::up).count();
        long in = c.osds().stream().filter(CephOsd::in).count();
        b.add(new Block.KeyValues(List.of(
                new KeyValue("Health", c.health().label() + (c.healthChecks().isEmpty() ? "" : " (" + String.join("; ", c.healthChecks()) + ")")),
                new KeyValue("Read from", c.source() + (c.readAt() == null ? "" : " at " + c.readAt()) + (c.version().isEmpty() ? "" : ", " + c.version())),
                new KeyValue("OSDs", c.osds().size() + " on " + c.hostCount() + " host(s), " + up + " up, " + in + " in"),
                new KeyValue("Raw capacity", bytes(c.totalBytes()) + ", used " + bytes(c.usedRawBytes()) + ", available " + bytes(c.availBytes())),
                new KeyValue("Ratios", "nearfull " + ratio(c.nearfullRatio()) + ", full " + ratio(c.fullRatio())))));
        List<Row> osds = new ArrayList<>();
        for (Map.Entry<String, List<CephOsd>> e : c.osdsByHost().entrySet()) {
            String member = storage == null ? "" : storage.memberOf(e.getKey()).orElse("none");
            for (CephOsd o : e.getValue()) {
                osds.add(Row.of(o.name(), e.getKey(), member, o.deviceClass().isEmpty() ? "?" : o.deviceClass(),
                        (o.up() ? "up" : "DOWN") + ", " + (o.in() ? "in" : "OUT"), bytes(o.sizeBytes()), bytes(o.usedBytes()),
                        String.format(Locale.ROOT, "%.1f %%", o.fill() * 100)));
            }
        }
        b.add(new Block.Table(List.of(Column.left("OSD"), Column.left("Host"), Column.left("Incus member"), Column.left("Class"),
                Column.left("State"), Column.right("Size"), Column.right("Used"), Column.right("Fill")), osds));
        List<Row> pools = new ArrayList<>();
        for (CephPool p : c.pools()) {
            pools.add(Row.of(p.name(), p.describe(), String.format(Locale.ROOT, "%,d", p.objects()), bytes(p.storedBytes()),
                    bytes(p.usedRawBytes()), bytes(p.maxAvailBytes())));
        }
        b.add(new Block.Table(List.of(Column.left("Pool"), Column.left("Protection"), Column.right("Objects"), Column.right("Stored"),
                Column.right("Used raw"), Column.right("Max available")), pools));
        if (r.validation() != null && !r.validation().figures().isEmpty()) {
            b.add(new Paragraph("Against " + (r.site().isEmpty() ? "Ceph's defaults (no plan site with Ceph)" : "plan site " + r.site())
                    + ", each figure with its formula:", TextStyle.NOTE));
            List<Row> figures = new ArrayList<>();
            for (Explanation e : r.validation().figures()) {
                figures.add(Row.of(e.figure(), ReportFormat.num2(e.value()), e.unit(), e.formula()));
            }
            b.add(new Block.Table(List.of(Column.left("Figure"), Column.right("Value"), Column.left("Unit"), Column.left("Formula")), figures));
        }
    }

    private static void storage(List<Block> b, CephStorageMapping m) {
        b.add(new Heading(2, "Incus pools on Ceph"));
        if (m.pools().isEmpty()) {
            b.add(new Paragraph("No Incus storage pool uses the ceph or cephfs driver."));
            return;
        }
        List<Row> rows = new ArrayList<>();
        for (CephStorageMapping.MappedPool p : m.pools()) {
            List<String> where = new ArrayList<>();
            for (int i = 0; i < p.cephPools().size(); i++) {
                where.add(p.cephPools().get(i) + (p.found().isEmpty() ? "" : p.found().get(i) ? "" : " (not in Ceph)"));
            }
            rows.add(Row.of(p.incusPool(), p.driver(), p.cephCluster(), where.isEmpty() ? "unknown" : String.join(", ", where),
                    p.storedBytes() == null ? "–" : bytes(p.storedBytes()), String.valueOf(p.instances().size()), bytes(p.rootDiskBytes()),
                    String.join(", ", p.instances())));
        }
        b.add(new Block.Table(List.of(Column.left("Incus pool"), Column.left("Driver"), Column.left("Ceph cluster"),
                Column.left("Ceph pool"), Column.right("Stored"), Column.right("Instances"), Column.right("Root disks"),
                Column.left("Instance names")), rows));
    }

    private static void findings(List<Block> b, List<Finding> all) {
        b.add(new Heading(2, "Live findings"));
        if (all.isEmpty()) {
            b.add(new Paragraph("No findings: the cluster matches the plan."));
            return;
        }
        List<FindingItem> items = new ArrayList<>();
        for (Finding f : Finding.worstFirst(all)) {
            items.add(FindingsSection.findingItem(f));
        }
        b.add(new Block.Findings(items));
    }

    /** 1318912 -> "1.26 MiB", 10737418240 -> "10 GiB", 512 -> "512 B". */
    static String bytes(long n) {
        return IncusUnits.human(n, ReportFormat::plain);
    }

    private static String ratio(Double r) {
        return r == null ? "not reported" : ReportFormat.plain(r);
    }

    private static String dash(Double v) {
        return v == null ? "–" : ReportFormat.plain(v);
    }
}
