package dev.clusterplanner.app;

import dev.clusterplanner.core.cost.CostAssumptions;
import dev.clusterplanner.core.document.Block;
import dev.clusterplanner.core.document.Block.Column;
import dev.clusterplanner.core.document.Block.Heading;
import dev.clusterplanner.core.document.Block.KeyValue;
import dev.clusterplanner.core.document.Block.Row;
import dev.clusterplanner.core.model.CostSettings;
import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Facility;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.StorageMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.clusterplanner.app.ReportFormat.pct;
import static dev.clusterplanner.app.ReportFormat.plain;

/** The "Assumptions and formulas" chapter: the money settings, each site's policy and facility, and the formulas of its recommended option. */
final class AssumptionsSection {

    private AssumptionsSection() {
    }

    static List<Block> blocks(ReportContext ctx) {
        List<Block> b = new ArrayList<>();
        b.add(new Heading(1, "Assumptions and formulas"));
        CostSettings c = ctx.plan().cost();
        CostAssumptions a = CostAssumptions.DEFAULT;
        b.add(new Heading(2, "Money"));
        b.add(new Block.KeyValues(List.of(
                new KeyValue("Horizon", c.years() + " years (" + c.months() + " months)"),
                new KeyValue("Discount rate", plain(c.discountRatePct()) + " % a year (net present value)"),
                new KeyValue("Resale value", plain(c.salvagePct()) + " % of the purchase price at the end of a host's life"),
                new KeyValue("Support or spares", plain(c.supportPctPerYear()) + " % of the purchase price a year"),
                new KeyValue("AWS pricing", c.awsCommitment().id()),
                new KeyValue("Hardware life", a.hardwareLifeYears() + " years (straight-line amortisation; replaced at the end)"),
                new KeyValue("Snapshots and backups", plain(a.snapshotGbPerDiskGb()) + " GB of EBS snapshot and "
                        + plain(a.backupGbPerDiskGb()) + " GB of S3 backup per GB of disk"),
                new KeyValue("Hours in a month", plain(a.hoursPerMonth()) + " (the AWS calculator's convention)"))));
        for (SiteResult s : ctx.result().sites()) {
            Optional<Site> site = ctx.planSite(s.name());
            b.add(new Heading(2, "Site " + s.name()));
            site.ifPresent(x -> b.add(policy(x)));
            List<Explanation> formulas = new ArrayList<>(s.sizing().formulas());
            s.recommended().ifPresent(r -> {
                formulas.addAll(r.sizing().formulas());
                if (r.storageNetworkPower() != null) {
                    formulas.addAll(r.storageNetworkPower().explanations());
                }
                if (r.cost() != null) {
                    formulas.addAll(r.cost().explanations());
                }
            });
            if (formulas.isEmpty()) {
                continue;
            }
            List<Row> rows = new ArrayList<>();
            for (Explanation e : formulas) {
                rows.add(Row.of(e.figure(), plain(e.value()) + (e.unit().isBlank() ? "" : " " + e.unit()), e.formula(),
                        e.citation()));
            }
            b.add(new Heading(3, "Formulas of the recommended option"));
            b.add(new Block.Table(List.of(Column.left("Figure"), Column.right("Value"), Column.left("Formula"),
                    Column.left("Source")), rows));
        }
        return b;
    }

    /** A site's policy and facility as label: value pairs. */
    private static Block policy(Site site) {
        Policy p = site.policy();
        Facility f = site.facility();
        List<KeyValue> kv = new ArrayList<>();
        kv.add(new KeyValue("Host failures tolerated", String.valueOf(p.failuresTolerated())));
        kv.add(new KeyValue("Fewest hosts", String.valueOf(p.minHosts())));
        kv.add(new KeyValue("CPU overcommit", plain(p.cpuOvercommitContainers()) + " container vCPU, "
                + plain(p.cpuOvercommitVms()) + " VM vCPU per host thread"));
        kv.add(new KeyValue("VM overhead", plain(p.vmCpuOverheadPct()) + " % CPU, " + plain(p.vmMemoryOverheadGib()) + " GiB memory per VM"));
        kv.add(new KeyValue("Kept per host", plain(p.reserveMemoryGib()) + " GiB memory, " + plain(p.reserveThreads())
                + " threads for the OS and Incus"));
        if (p.storageMode() == StorageMode.CEPH && p.ceph() != null) {
            var l = p.ceph();
            kv.add(new KeyValue("Ceph", (l.k() > 0 ? "erasure coding " + l.k() + "+" + l.m() : "size " + l.size() + ", min_size " + l.minSize())
                    + ", nearfull " + pct(l.nearfullRatio()) + "; " + plain(p.cephMemoryPerOsdGib()) + " GiB and "
                    + plain(p.cephThreadsPerOsd()) + " threads per OSD; " + plain(p.cephMonMgrMemoryGib()) + " GiB for monitor and manager"));
        } else {
            kv.add(new KeyValue("Storage", p.storageMode().id()));
        }
        kv.add(new KeyValue("Facility", (f.dataCentre() ? "data centre" : "office") + "; electricity "
                + plain(f.electricityUsdPerKwh()) + " USD/kWh" + (f.electricitySource() == null || f.electricitySource().isBlank()
                ? "" : " (" + f.electricitySource() + ")") + "; PUE " + plain(f.pue())
                + (f.colocationUsdPerUMonth() > 0 ? "; colocation " + plain(f.colocationUsdPerUMonth()) + " USD per U a month" : "")
                + (f.colocationUsdPerKwMonth() > 0 ? "; colocation " + plain(f.colocationUsdPerKwMonth()) + " USD per kW a month" : "")));
        return new Block.KeyValues(kv);
    }
}
