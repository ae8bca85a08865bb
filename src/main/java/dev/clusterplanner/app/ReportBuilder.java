package dev.clusterplanner.app;

import dev.clusterplanner.adapters.export.pdf.Block;
import dev.clusterplanner.adapters.export.pdf.Block.Column;
import dev.clusterplanner.adapters.export.pdf.Block.FindingItem;
import dev.clusterplanner.adapters.export.pdf.Block.Heading;
import dev.clusterplanner.adapters.export.pdf.Block.KeyValue;
import dev.clusterplanner.adapters.export.pdf.Block.Paragraph;
import dev.clusterplanner.adapters.export.pdf.Block.Row;
import dev.clusterplanner.adapters.export.pdf.Block.TextStyle;
import dev.clusterplanner.adapters.export.pdf.ReportDocument;
import dev.clusterplanner.core.cost.BomLine;
import dev.clusterplanner.core.cost.BreakEven;
import dev.clusterplanner.core.cost.ClaimCheck;
import dev.clusterplanner.core.cost.CostAssumptions;
import dev.clusterplanner.core.cost.CostComponent;
import dev.clusterplanner.core.cost.CostOption;
import dev.clusterplanner.core.cost.CostOptionKind;
import dev.clusterplanner.core.cost.MonthCost;
import dev.clusterplanner.core.cost.PlanCost;
import dev.clusterplanner.core.cost.SiteCost;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.CostSettings;
import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Facility;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.PriceItem;
import dev.clusterplanner.core.model.Severity;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.core.simulation.SimulationResult;
import dev.clusterplanner.core.sizing.Dimension;
import dev.clusterplanner.core.sizing.PlacedHost;
import dev.clusterplanner.core.sizing.SizingOption;
import dev.clusterplanner.core.sizing.UnplacedInstance;
import dev.clusterplanner.core.storage.StorageNetworkPower;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.clusterplanner.app.ReportFormat.num2;
import static dev.clusterplanner.app.ReportFormat.pct;
import static dev.clusterplanner.app.ReportFormat.plain;
import static dev.clusterplanner.app.ReportFormat.usd;
import static dev.clusterplanner.app.ReportFormat.usdCents;
import static dev.clusterplanner.app.ReportFormat.whole;

/**
 * Maps a plan and its analysis onto the report's blocks: title block, summary, options compared (with
 * the cost charts), utilisation per host, risk, bill of materials, placement, findings, assumptions and
 * formulas, and the catalog rows used. Every figure comes from the same result objects the JSON and CSV
 * exports write, formatted by {@link ReportFormat}.
 */
final class ReportBuilder {

    private final Plan plan;
    private final Catalog catalog;
    private final PlanResult result;
    private final List<SimulationService.SiteSimulation> risk;
    private final LocalDate today;
    private final String producer;
    private final List<Block> b = new ArrayList<>();
    private ReportService.Live live;

    ReportBuilder(Plan plan, Catalog catalog, PlanResult result, List<SimulationService.SiteSimulation> risk,
                  LocalDate today, String producer) {
        this.plan = plan;
        this.catalog = catalog;
        this.result = result;
        this.risk = risk == null ? List.of() : risk;
        this.today = today;
        this.producer = producer;
    }

    /** Adds the "Live cluster" section (after the findings) when {@code l} is not null. */
    ReportBuilder withLive(ReportService.Live l) {
        this.live = l;
        return this;
    }

    ReportDocument build() {
        titleBlock();
        summary();
        comparison();
        utilisation();
        risk();
        billOfMaterials();
        placement();
        findings();
        if (live != null) {
            b.addAll(LiveReportSection.blocks(live.probe(), live.source()));
        }
        assumptions();
        appendix();
        return new ReportDocument("Cluster Planner report: " + plan.name(), producer + " · " + today, b);
    }

    // ---- helpers ---------------------------------------------------------------------------

    private String hardwareName(String id) {
        return catalog.hardware(id).map(h -> h.name() == null || h.name().isBlank() ? id : h.name()).orElse(id);
    }

    /** "3 x System76 Meerkat", or "2 x A + 1 x B" for a mix. */
    private String optionLabel(SizingOption o) {
        List<String> parts = new ArrayList<>();
        o.hostsByHardware().forEach((id, n) -> parts.add(n + " x " + hardwareName(id)));
        return String.join(" + ", parts);
    }

    private static String sentence(String s) {
        if (s == null || s.isBlank()) {
            return "";
        }
        String t = s.strip();
        t = Character.toUpperCase(t.charAt(0)) + t.substring(1);
        return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
    }

    private static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private String utilisationLine(Map<Dimension, Double> util) {
        List<String> parts = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            Double v = util.get(d);
            if (v != null) {
                parts.add(dimensionName(d) + " " + pct(v));
            }
        }
        return parts.isEmpty() ? "n/a" : String.join(", ", parts);
    }

    private static String dimensionName(Dimension d) {
        return switch (d) {
            case CPU -> "CPU";
            case MEMORY -> "memory";
            case DISK -> "disk";
            case GPU -> "GPU";
        };
    }

    private static String siteLine(SiteResult s) {
        return s.kind().id() + ", " + plural(s.sizing().instances(), "instance", "instances") + ", "
                + s.sizing().storage().id() + " storage, tolerates " + plural(s.sizing().failuresTolerated(), "host failure", "host failures");
    }

    private Optional<Site> planSite(String name) {
        return plan.sites().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Hardware ids the report relies on: every candidate of every site and every costed option's host. */
    private Set<String> hardwareUsed() {
        Set<String> ids = new LinkedHashSet<>();
        plan.sites().forEach(s -> ids.addAll(s.hardware()));
        for (SiteResult s : result.sites()) {
            if (s.cost() != null) {
                for (CostOption o : s.cost().options()) {
                    if (o.hardwareId() != null && !o.hardwareId().isBlank()) {
                        ids.add(o.hardwareId());
                    }
                }
            }
        }
        return ids;
    }

    // ---- title block -----------------------------------------------------------------------

    private void titleBlock() {
        b.add(new Heading(1, "Cluster Planner report: " + plan.name()));
        if (!plan.description().isBlank()) {
            b.add(new Paragraph(plan.description(), TextStyle.NOTE));
        }
        List<KeyValue> kv = new ArrayList<>();
        kv.add(new KeyValue("Report date", today.toString()));
        List<String> sites = new ArrayList<>();
        int instances = 0;
        for (SiteResult s : result.sites()) {
            sites.add(s.name() + " (" + s.kind().id() + ")");
            instances += s.sizing().instances();
        }
        kv.add(new KeyValue("Sites", result.sites().size() + ": " + String.join(", ", sites) + "; "
                + plural(instances, "instance", "instances") + " in all"));
        CostSettings c = plan.cost();
        kv.add(new KeyValue("Horizon and money", c.years() + " years; discount rate " + plain(c.discountRatePct())
                + " % a year; resale value " + plain(c.salvagePct()) + " % of purchase; support "
                + plain(c.supportPctPerYear()) + " % of purchase a year; AWS " + c.awsCommitment().id()));
        List<Hardware> hw = hardwareUsed().stream().map(catalog::hardware).flatMap(Optional::stream).toList();
        kv.add(new KeyValue("Hardware prices", priceAges(hw.stream().map(Hardware::sourceDate).toList(),
                hw.size(), hw.stream().filter(Hardware::estimate).count(), "hardware row", "hardware rows")));
        List<PriceItem> prices = catalog.prices();
        if (!prices.isEmpty()) {
            kv.add(new KeyValue("Service prices", priceAges(prices.stream().map(PriceItem::sourceDate).toList(),
                    prices.size(), prices.stream().filter(PriceItem::estimate).count(), "price", "prices")));
        }
        kv.add(new KeyValue("Produced by", producer));
        b.add(new Block.KeyValues(kv));
    }

    private String priceAges(List<LocalDate> dates, int rows, long estimates, String one, String many) {
        List<LocalDate> known = dates.stream().filter(d -> d != null).sorted().toList();
        StringBuilder s = new StringBuilder(plural(rows, one, many));
        if (!known.isEmpty()) {
            LocalDate oldest = known.get(0);
            LocalDate newest = known.get(known.size() - 1);
            long age = ChronoUnit.DAYS.between(oldest, today);
            s.append(", dated ").append(oldest).append(oldest.equals(newest) ? "" : " to " + newest)
                    .append(" (oldest ").append(plural(age, "day", "days")).append(" old on the report date)");
        }
        long undated = dates.stream().filter(d -> d == null).count();
        if (undated > 0) {
            s.append("; ").append(undated).append(" without a date");
        }
        if (estimates > 0) {
            s.append("; ").append(plural(estimates, "is an estimate", "are estimates").replaceFirst("^1 is", "1 is"));
        }
        return s.toString();
    }

    // ---- summary ---------------------------------------------------------------------------

    private void summary() {
        b.add(new Heading(1, "Summary"));
        if (result.cost() != null && result.cost().summary() != null && !result.cost().summary().isBlank()) {
            b.add(new Paragraph(sentence(result.cost().summary())));
        }
        for (SiteResult s : result.sites()) {
            b.add(new Heading(2, "Site " + s.name() + ": " + siteLine(s)));
            Optional<ScenarioResult> rec = s.recommended();
            if (rec.isEmpty()) {
                b.add(new Paragraph("No feasible option: no candidate holds every instance with the failure headroom asked for.",
                        TextStyle.EMPHASIS));
                if (!s.scenarios().isEmpty()) {
                    b.add(new Paragraph(sentence(s.scenarios().get(0).sizing().explanation())));
                }
                continue;
            }
            ScenarioResult r = rec.get();
            SizingOption o = r.sizing();
            b.add(new Paragraph("Recommended: " + optionLabel(o)
                    + (r.cost() != null && r.cost().estimate() ? " (figures rest on estimates)" : ""), TextStyle.EMPHASIS));
            StringBuilder why = new StringBuilder("Why: ").append(sentence(o.explanation()));
            why.append(' ').append(sentence(o.failureCheck().summary()));
            why.append(" Ranked first of ").append(plural(s.scenarios().size(), "option", "options"))
                    .append(": feasible options come first, then the cheapest over ").append(result.years()).append(" years.");
            b.add(new Paragraph(why.toString()));
            if (s.cost() != null && s.cost().summary() != null && !s.cost().summary().isBlank()) {
                b.add(new Paragraph("Cost: " + sentence(s.cost().summary())));
            }
            List<KeyValue> kv = new ArrayList<>();
            kv.add(new KeyValue("Hosts", o.hosts() + " (no placement can use fewer than " + o.hostsLowerBound() + ")"));
            kv.add(new KeyValue("Purchase, month 1", usd(r.capexUsd()) + " USD"));
            kv.add(new KeyValue("Running cost, month 1", usd(r.monthlyUsd()) + " USD a month"));
            kv.add(new KeyValue("Total over " + result.years() + " years", usd(r.tcoUsd()) + " USD"));
            kv.add(new KeyValue("Utilisation", utilisationLine(o.utilisation())));
            StorageNetworkPower snp = r.storageNetworkPower();
            if (snp != null) {
                kv.add(new KeyValue("Usable storage", num2(snp.usableTiB()) + " TiB (raw " + num2(snp.rawTiB()) + " TiB)"));
                if (!Double.isNaN(snp.recoveryHoursHostLoss())) {
                    kv.add(new KeyValue("Recovery after a host loss", num2(snp.recoveryHoursHostLoss()) + " h"));
                }
                kv.add(new KeyValue("Power", snp.powerWatts() == null ? "missing or in the rental price"
                        : whole(snp.powerWatts()) + " W, " + whole(snp.energyKwhMonth()) + " kWh a month"));
            }
            List<Finding> all = siteFindings(s);
            long errors = all.stream().filter(f -> f.severity() == Severity.ERROR).count();
            long warnings = all.stream().filter(f -> f.severity() == Severity.WARNING).count();
            long infos = all.stream().filter(f -> f.severity() == Severity.INFO).count();
            kv.add(new KeyValue("Findings", plural(errors, "error", "errors") + ", " + plural(warnings, "warning", "warnings")
                    + ", " + infos + " for information (see Findings)"));
            b.add(new Block.KeyValues(kv));
        }
        b.add(new Block.PageBreak());
    }

    // ---- comparison -------------------------------------------------------------------------

    private void comparison() {
        b.add(new Heading(1, "Options compared"));
        for (SiteResult s : result.sites()) {
            b.add(new Heading(2, "Site " + s.name()));
            b.add(new Paragraph("Sizing options ranked: feasible first, then by cost over " + result.years()
                    + " years. Percentages are placed demand over the capacity of all planned hosts; Min is the fewest hosts any placement could use.",
                    TextStyle.NOTE));
            int rec = s.recommended().map(r -> r.sizing().rank()).orElse(-1);
            List<Row> rows = new ArrayList<>();
            for (ScenarioResult sc : s.scenarios()) {
                SizingOption o = sc.sizing();
                rows.add(new Row(List.of(String.valueOf(o.rank()), optionLabel(o), String.valueOf(o.hosts()),
                        String.valueOf(o.hostsLowerBound()), pct(o.utilisation().get(Dimension.CPU)),
                        pct(o.utilisation().get(Dimension.MEMORY)), pct(o.utilisation().get(Dimension.DISK)),
                        pct(o.utilisation().get(Dimension.GPU)), usd(sc.capexUsd()), usd(sc.monthlyUsd()), usd(sc.tcoUsd()),
                        o.feasible() ? "yes" : "no"), o.rank() == rec));
            }
            b.add(new Block.Table(List.of(Column.right("#"), Column.left("Option"), Column.right("Hosts"), Column.right("Min"),
                    Column.right("CPU"), Column.right("Memory"), Column.right("Disk"), Column.right("GPU"),
                    Column.right("Capex USD"), Column.right("Monthly USD"), Column.right("Total USD"), Column.left("Feasible")), rows));
            if (s.scenarios().stream().anyMatch(sc -> sc.storageNetworkPower() != null)) {
                List<Row> snpRows = new ArrayList<>();
                for (ScenarioResult sc : s.scenarios()) {
                    StorageNetworkPower p = sc.storageNetworkPower();
                    if (p == null) {
                        continue;
                    }
                    snpRows.add(new Row(List.of(String.valueOf(sc.sizing().rank()), optionLabel(sc.sizing()), num2(p.usableTiB()),
                            num2(p.recoveryHoursHostLoss()), num2(p.replicationGbps()), num2(p.nicGbpsRequired()),
                            whole(p.powerWatts()), whole(p.energyKwhMonth()), String.valueOf(p.rackUnits())),
                            sc.sizing().rank() == rec));
                }
                b.add(new Paragraph("Storage, network and power of each option (usable capacity after replication and the reserve "
                        + "for a host loss; recovery time after losing a host; power at the expected load).", TextStyle.NOTE));
                b.add(new Block.Table(List.of(Column.right("#"), Column.left("Option"), Column.right("Usable TiB"),
                        Column.right("Recovery h"), Column.right("Replication Gbit/s"), Column.right("NIC needed Gbit/s"),
                        Column.right("Power W"), Column.right("kWh/month"), Column.right("Rack U")), snpRows));
            }
            if (s.cost() != null) {
                costSection(s.cost());
            }
        }
        if (result.cost() != null) {
            planTotals(result.cost());
        }
    }

    private static String costLabel(CostOption o) {
        return o.label() + (o.estimate() ? " (estimate)" : "");
    }

    private void costSection(SiteCost sc) {
        b.add(new Heading(3, "Cost over " + result.years() + " years"));
        List<Row> rows = new ArrayList<>();
        for (CostOption o : sc.options()) {
            rows.add(new Row(List.of(costLabel(o), o.hostsStart() == o.hostsEnd() ? String.valueOf(o.hostsStart())
                            : o.hostsStart() + " to " + o.hostsEnd(), usd(o.capexUsd()), usd(o.monthlyUsd()), usd(o.tcoUsd()),
                    usd(o.npvUsd()), usdCents(o.costPerInstanceMonthUsd()), String.join("; ", o.missing())),
                    o.id().equals(sc.cheapestId())));
        }
        b.add(new Block.Table(List.of(Column.left("Option"), Column.right("Hosts"), Column.right("Capex USD"),
                Column.right("Monthly USD"), Column.right("Total USD"), Column.right("NPV USD"),
                Column.right("USD per instance-month"), Column.left("Missing")), rows));
        // cumulative cost per option, break-evens marked
        List<Block.Series> series = new ArrayList<>();
        Map<String, List<MonthCost>> byId = new LinkedHashMap<>();
        for (CostOption o : sc.options()) {
            List<Block.Point> pts = new ArrayList<>();
            pts.add(new Block.Point(0, 0));
            for (MonthCost m : o.series()) {
                pts.add(new Block.Point(m.month(), m.cumulativeUsd()));
            }
            series.add(new Block.Series(costLabel(o), pts));
            byId.put(o.id(), o.series());
        }
        // break-evens of the option the site would buy (the recommended one's cost option, else the cheapest)
        String focus = result.sites().stream().filter(x -> x.cost() == sc).findFirst()
                .flatMap(SiteResult::recommended).map(ScenarioResult::cost).map(CostOption::id).orElse(sc.cheapestId());
        List<Block.Marker> markers = new ArrayList<>();
        List<Row> beRows = new ArrayList<>();
        Map<String, String> labels = new LinkedHashMap<>();
        sc.options().forEach(o -> labels.put(o.id(), costLabel(o)));
        for (BreakEven be : sc.breakEvens()) {
            if (focus == null || !(focus.equals(be.optionA()) || focus.equals(be.optionB()))) {
                continue;
            }
            String other = focus.equals(be.optionA()) ? be.optionB() : be.optionA();
            beRows.add(Row.of(labels.getOrDefault(other, other), be.month() == null ? "none within " + sc.months() + " months"
                    : "month " + be.month(), be.text() == null ? "" : sentence(be.text())));
            if (be.month() == null) {
                continue;
            }
            List<MonthCost> s = byId.get(be.dearerFirst());
            if (s == null) {
                s = byId.get(be.optionA());
            }
            if (s == null) {
                continue;
            }
            int m = be.month();
            double y = s.stream().filter(x -> x.month() == m).mapToDouble(MonthCost::cumulativeUsd).findFirst().orElse(Double.NaN);
            markers.add(new Block.Marker(m, y, "break-even month " + m));
        }
        b.add(new Block.LineChart("Site " + sc.site() + ": cumulative cost by month", "month", "USD, cumulative", series, markers));
        if (!beRows.isEmpty()) {
            b.add(new Paragraph("Break-even of " + labels.getOrDefault(focus, focus) + " against each other option:", TextStyle.SMALL));
            b.add(new Block.Table(List.of(Column.left("Against"), Column.left("Break-even"), Column.left("How")), beRows));
        }
        // cost breakdown per option
        Set<CostComponent> used = EnumSet.noneOf(CostComponent.class);
        for (CostOption o : sc.options()) {
            o.totals().forEach((k, v) -> {
                if (v != null && v != 0) {
                    used.add(k);
                }
            });
        }
        List<CostComponent> parts = new ArrayList<>(used);
        double[][] values = new double[sc.options().size()][parts.size()];
        List<String> categories = new ArrayList<>();
        List<String> totals = new ArrayList<>();
        for (int i = 0; i < sc.options().size(); i++) {
            CostOption o = sc.options().get(i);
            categories.add(o.label());
            totals.add(usd(o.tcoUsd()));
            for (int j = 0; j < parts.size(); j++) {
                Double v = o.totals().get(parts.get(j));
                values[i][j] = v == null ? 0 : v;
            }
        }
        b.add(new Block.StackedBarChart("Site " + sc.site() + ": cost over " + result.years() + " years by part", "USD",
                categories, parts.stream().map(CostComponent::id).toList(), values, totals));
    }

    private void planTotals(PlanCost pc) {
        b.add(new Heading(2, "The whole plan"));
        if (pc.summary() != null && !pc.summary().isBlank()) {
            b.add(new Paragraph(sentence(pc.summary())));
        }
        List<Row> rows = new ArrayList<>();
        for (PlanCost.PlanOptionTotal t : pc.totals()) {
            rows.add(new Row(List.of(t.key(), usd(t.tcoUsd()), usd(t.npvUsd()), String.join("; ", t.optionIds()),
                    String.join("; ", t.missing())), t.key().equals(pc.cheapestKey())));
        }
        b.add(new Block.Table(List.of(Column.left("Option"), Column.right("Total USD"), Column.right("NPV USD"),
                Column.left("Option at each site"), Column.left("Missing")), rows));
        if (!pc.claims().isEmpty()) {
            b.add(new Heading(3, "The chuck-stack Incus guide's claims checked"));
            List<Row> claims = new ArrayList<>();
            for (ClaimCheck c : pc.claims()) {
                claims.add(Row.of(c.claim(), c.site() == null ? "" : c.site(), c.ratio() == null ? "n/a" : num2(c.ratio()),
                        c.holds() == null ? "cannot tell" : c.holds() ? "yes" : "no", c.text()));
            }
            b.add(new Block.Table(List.of(Column.left("Claim"), Column.left("Site"), Column.right("Ratio"), Column.left("Holds"),
                    Column.left("What the numbers say")), claims));
        }
    }

    // ---- utilisation -----------------------------------------------------------------------

    private void utilisation() {
        b.add(new Heading(1, "Utilisation per host"));
        b.add(new Paragraph("The recommended option of each site: what the placed instances use of each host, after the "
                + "reserves for the OS, Incus and Ceph. A bar at 100 % is a full host.", TextStyle.NOTE));
        for (SiteResult s : result.sites()) {
            Optional<ScenarioResult> rec = s.recommended();
            if (rec.isEmpty() || rec.get().sizing().placement().hosts().isEmpty()) {
                b.add(new Paragraph("Site " + s.name() + ": no feasible option, nothing placed.", TextStyle.NOTE));
                continue;
            }
            List<PlacedHost> hosts = rec.get().sizing().placement().hosts();
            List<Dimension> dims = new ArrayList<>();
            for (Dimension d : Dimension.values()) {
                if (hosts.stream().anyMatch(h -> h.utilisation(d) != null)) {
                    dims.add(d);
                }
            }
            double[][] values = new double[hosts.size()][dims.size()];
            List<String> names = new ArrayList<>();
            for (int i = 0; i < hosts.size(); i++) {
                PlacedHost h = hosts.get(i);
                names.add(h.name());
                for (int j = 0; j < dims.size(); j++) {
                    Double u = h.utilisation(dims.get(j));
                    values[i][j] = u == null ? Double.NaN : Math.round(u * 100);
                }
            }
            b.add(new Block.BarChart("Site " + s.name() + ": " + optionLabel(rec.get().sizing()), "%", names,
                    dims.stream().map(ReportBuilder::dimensionName).toList(), values, 100, "full"));
        }
    }

    // ---- risk --------------------------------------------------------------------------------

    private void risk() {
        if (risk.isEmpty()) {
            return;
        }
        b.add(new Heading(1, "Risk"));
        for (SimulationService.SiteSimulation sim : risk) {
            SimulationResult r = sim.result();
            b.add(new Heading(2, "Site " + sim.site() + ": " + sim.hosts() + " x " + hardwareName(sim.option())));
            List<KeyValue> kv = new ArrayList<>();
            kv.add(new KeyValue("Trials", r.trialsRun() + " of " + r.trialsRequested() + " (seed " + r.seed() + ")"
                    + (r.cancelled() ? ", cancelled" : "")));
            kv.add(new KeyValue("Enough trials", (r.enough() ? "yes: " : "no: ") + r.enoughReason()));
            kv.add(new KeyValue("Capacity exhausted", (r.monthExhausted10() < 0 ? "10 % likely: not within the horizon"
                    : "10 % likely by month " + r.monthExhausted10()) + "; " + (r.monthExhausted50() < 0
                    ? "50 % likely: not within the horizon" : "50 % likely by month " + r.monthExhausted50())));
            kv.add(new KeyValue("Degraded hours a year", num2(r.degradedHoursPerYear().value()) + " h (standard error "
                    + num2(r.degradedHoursPerYear().standardError()) + ")"));
            kv.add(new KeyValue("Data at risk", pct(r.dataAtRiskProbability().value()) + " probability over the horizon"));
            kv.add(new KeyValue("A host fails in year 1", pct(r.hostFailureFirstYear().value()) + " probability"));
            b.add(new Block.KeyValues(kv));
            int shown = 0;
            for (SimulationResult.OptionStats os : r.options()) {
                if (shown++ >= 3) {
                    break;
                }
                SimulationResult.Histogram h = os.histogram();
                int[] counts = h.counts();
                List<Block.Bin> bins = new ArrayList<>();
                for (int i = 0; i < counts.length; i++) {
                    bins.add(new Block.Bin(h.min() + i * h.width(), h.min() + (i + 1) * h.width(), counts[i]));
                }
                List<Block.Marker> markers = List.of(new Block.Marker(os.p50(), 0, "P50 " + usd(os.p50())),
                        new Block.Marker(os.p95(), 0, "P95 " + usd(os.p95())));
                b.add(new Block.Histogram("Site " + sim.site() + ", " + os.name() + ": total cost over "
                        + result.years() + " years across trials", "USD", bins, markers));
                b.add(new Paragraph("Plan figure " + usd(os.deterministic()) + " USD; mean " + usd(os.mean().value())
                        + " USD; P50 " + usd(os.p50()) + ", P90 " + usd(os.p90()) + ", P95 " + usd(os.p95()) + " USD.", TextStyle.SMALL));
            }
            if (!sim.assumptions().isEmpty()) {
                b.add(new Paragraph("Assumptions: " + String.join(" ", sim.assumptions().stream().map(ReportBuilder::sentence).toList()),
                        TextStyle.NOTE));
            }
        }
    }

    // ---- bill of materials --------------------------------------------------------------------

    private void billOfMaterials() {
        b.add(new Heading(1, "Bill of materials"));
        boolean any = false;
        for (SiteResult s : result.sites()) {
            if (s.cost() == null) {
                continue;
            }
            any = true;
            Optional<CostOption> chosen = s.recommended().map(ScenarioResult::cost)
                    .filter(c -> c != null && c.kind() == CostOptionKind.OWNED);
            String why;
            if (chosen.isPresent()) {
                why = "the recommended option";
            } else {
                chosen = s.cost().options().stream().filter(o -> o.kind() == CostOptionKind.OWNED && o.complete())
                        .min((x, y) -> Double.compare(x.tcoUsd(), y.tcoUsd()));
                why = "the recommended option rents its hosts; this is the cheapest option that buys them";
            }
            if (chosen.isEmpty()) {
                b.add(new Heading(2, "Site " + s.name()));
                b.add(new Paragraph("Nothing to buy: no option of this site owns its hosts.", TextStyle.NOTE));
                continue;
            }
            CostOption o = chosen.get();
            b.add(new Heading(2, "Site " + s.name() + ": " + costLabel(o)));
            b.add(new Paragraph("Every purchase of " + why + " over " + result.years()
                    + " years (month 1 is the initial purchase; later months are growth and replacements).", TextStyle.NOTE));
            List<Row> rows = new ArrayList<>();
            double total = 0;
            boolean missing = false;
            for (BomLine l : o.bom()) {
                rows.add(Row.of(String.valueOf(l.month()), l.name() + " (" + l.item() + ")", String.valueOf(l.quantity()),
                        usdCents(l.unitPriceUsd()), usdCents(l.totalUsd()), l.reason() == null ? "" : l.reason(),
                        l.source() == null ? "" : l.source(), l.sourceDate() == null ? "no date" : l.sourceDate().toString(),
                        l.estimate() ? "estimate" : ""));
                if (l.totalUsd() == null) {
                    missing = true;
                } else {
                    total += l.totalUsd();
                }
            }
            rows.add(Row.bold("", "Total", "", "", missing ? ReportFormat.MISSING : usdCents(total), "", "", "", ""));
            b.add(new Block.Table(List.of(Column.right("Month"), Column.left("Item"), Column.right("Qty"),
                    Column.right("Unit USD"), Column.right("Total USD"), Column.left("Why"), Column.left("Source"),
                    Column.left("Price date"), Column.left("Estimate")), rows));
        }
        if (!any) {
            b.add(new Paragraph("Not available: the cost comparison was not run.", TextStyle.NOTE));
        }
    }

    // ---- placement -----------------------------------------------------------------------------

    private void placement() {
        b.add(new Heading(1, "Placement per host"));
        for (SiteResult s : result.sites()) {
            Optional<ScenarioResult> rec = s.recommended();
            ScenarioResult shown = rec.orElse(s.scenarios().isEmpty() ? null : s.scenarios().get(0));
            if (shown == null) {
                continue;
            }
            SizingOption o = shown.sizing();
            b.add(new Heading(2, "Site " + s.name() + ": " + optionLabel(o) + (rec.isEmpty() ? " (not feasible)" : "")));
            List<Row> rows = new ArrayList<>();
            for (PlacedHost h : o.placement().hosts()) {
                rows.add(Row.of(h.name(), hardwareName(h.hardwareId()), pct(h.utilisation(Dimension.CPU)),
                        pct(h.utilisation(Dimension.MEMORY)), pct(h.utilisation(Dimension.DISK)), pct(h.utilisation(Dimension.GPU)),
                        String.valueOf(h.instances().size()), String.join(", ", h.instances())));
            }
            b.add(new Block.Table(List.of(Column.left("Host"), Column.left("Hardware"), Column.right("CPU"), Column.right("Memory"),
                    Column.right("Disk"), Column.right("GPU"), Column.right("Count"), Column.left("Instances")), rows));
            if (!o.placement().unplaced().isEmpty()) {
                List<Row> un = new ArrayList<>();
                for (UnplacedInstance u : o.placement().unplaced()) {
                    un.add(Row.of(u.instance(), u.workload(), u.rule(), u.reason()));
                }
                b.add(new Paragraph("Not placed:", TextStyle.EMPHASIS));
                b.add(new Block.Table(List.of(Column.left("Instance"), Column.left("Workload"), Column.left("Rule"),
                        Column.left("Why")), un));
            }
        }
    }

    // ---- findings ------------------------------------------------------------------------------

    /** A finding as the report draws it: its severity's colour, its text, then its rule and citation. */
    static FindingItem findingItem(Finding f) {
        Block.Level level = switch (f.severity()) {
            case ERROR -> Block.Level.ERROR;
            case WARNING -> Block.Level.WARNING;
            case INFO -> Block.Level.INFO;
        };
        return new FindingItem(level, f.text(), f.rule() + (f.citation().isBlank() ? "" : " · " + f.citation()));
    }

    private List<Finding> siteFindings(SiteResult s) {
        Map<String, Finding> unique = new LinkedHashMap<>();
        List<Finding> all = new ArrayList<>(s.findings());
        s.recommended().ifPresent(r -> all.addAll(r.findings()));
        if (s.cost() != null) {
            all.addAll(s.cost().findings());
        }
        for (Finding f : all) {
            unique.putIfAbsent(f.severity() + "|" + f.rule() + "|" + f.text(), f);
        }
        return Finding.worstFirst(unique.values());
    }

    private void findings() {
        b.add(new Heading(1, "Findings"));
        b.add(new Paragraph("Storage, network, power, sizing and cost findings of each site's recommended option, worst first.",
                TextStyle.NOTE));
        for (SiteResult s : result.sites()) {
            b.add(new Heading(2, "Site " + s.name()));
            List<Finding> fs = siteFindings(s);
            if (fs.isEmpty()) {
                b.add(new Paragraph("No findings."));
                continue;
            }
            List<FindingItem> items = new ArrayList<>();
            for (Finding f : fs) {
                items.add(findingItem(f));
            }
            b.add(new Block.Findings(items));
        }
    }

    // ---- assumptions and formulas ----------------------------------------------------------------

    private void assumptions() {
        b.add(new Heading(1, "Assumptions and formulas"));
        CostSettings c = plan.cost();
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
        for (SiteResult s : result.sites()) {
            Optional<Site> site = planSite(s.name());
            b.add(new Heading(2, "Site " + s.name()));
            site.ifPresent(this::policy);
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
    }

    private void policy(Site site) {
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
        b.add(new Block.KeyValues(kv));
    }

    // ---- appendix ----------------------------------------------------------------------------

    private static String dash(Double v) {
        return v == null ? "–" : usdCents(v);
    }

    private void appendix() {
        b.add(new Heading(1, "Appendix: catalog rows used"));
        b.add(new Paragraph("Every figure has a source and a date; rows marked estimate are not quoted prices. "
                + "\"–\" means the row has no such price (for example, a server for sale has no monthly rent); "
                + "\"missing\" means the catalog does not know a figure it should have.", TextStyle.NOTE));
        List<Row> rows = new ArrayList<>();
        for (String id : hardwareUsed()) {
            Optional<Hardware> h = catalog.hardware(id);
            if (h.isEmpty()) {
                rows.add(Row.of(id, "not in the catalog", "", "", "", "", "", "", ""));
                continue;
            }
            Hardware x = h.get();
            String power = x.powerIdleW() == null && x.powerMaxW() == null ? (x.category().isOwned() ? ReportFormat.MISSING : "–")
                    : whole(x.powerIdleW()) + " / " + whole(x.powerMaxW());
            rows.add(Row.of(x.id(), x.name(), x.priceMissing() ? ReportFormat.MISSING : dash(x.priceUsd()), dash(x.monthlyUsd()),
                    x.hourlyUsd() == null ? "–" : String.format(Locale.ROOT, "%.4f", x.hourlyUsd()), power,
                    x.source() == null ? "" : x.source(), x.sourceDate() == null ? "no date" : x.sourceDate().toString(),
                    x.estimate() ? "estimate" : ""));
        }
        b.add(new Heading(2, "Hardware"));
        b.add(new Block.Table(List.of(Column.left("Id"), Column.left("Name"), Column.right("Price USD"),
                Column.right("Monthly USD"), Column.right("Hourly USD"), Column.right("Idle / max W"), Column.left("Source"),
                Column.left("Date"), Column.left("Estimate")), rows));
        if (!catalog.prices().isEmpty()) {
            List<Row> prices = new ArrayList<>();
            for (PriceItem p : catalog.prices()) {
                prices.add(Row.of(p.id(), p.name() == null ? "" : p.name(), plain4(p.value()), p.unit(),
                        p.region() == null ? "" : p.region(), p.source() == null ? "" : p.source(),
                        p.sourceDate() == null ? "no date" : p.sourceDate().toString(), p.estimate() ? "estimate" : ""));
            }
            b.add(new Heading(2, "Service prices"));
            b.add(new Block.Table(List.of(Column.left("Id"), Column.left("Name"), Column.right("Value"), Column.left("Unit"),
                    Column.left("Region"), Column.left("Source"), Column.left("Date"), Column.left("Estimate")), prices));
        }
    }

    private static String plain4(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
