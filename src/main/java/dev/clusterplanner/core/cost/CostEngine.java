package dev.clusterplanner.core.cost;

import dev.clusterplanner.core.capacity.CephCapacity;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.CostSettings;
import dev.clusterplanner.core.model.CostSettings.AwsCommitment;
import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareCategory;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.PriceItem;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.model.WorkloadKind;
import dev.clusterplanner.core.power.PowerAnalysis;
import dev.clusterplanner.core.power.PowerPlanner;
import dev.clusterplanner.core.storage.NetworkPlanner;
import dev.clusterplanner.core.storage.StoragePlanner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.clusterplanner.core.cost.Money.num;
import static dev.clusterplanner.core.cost.Money.usd;

/**
 * The cost model: each site's options (owned hardware, bare-metal rental, AWS lift-and-shift, Incus hosts on
 * EC2) costed month by month over the horizon, compared, with break-even months, NPV and the chuck-stack Incus guide's claims
 * checked. Electricity and colocation come from the power model ({@link PowerPlanner}). Pure: the same inputs give the same result. Formulas and defaults: README, "Cost".
 */
public final class CostEngine {

    /** GiB to GB (decimal), as drives and AWS storage are sold per GB. */
    public static final double GB_PER_GIB = 1.073741824;
    /** GB a month of traffic per Mbit/s sustained: 730 h x 3600 s / 8 bits / 1000 MB per GB = 328.5. */
    public static final double GB_PER_MBPS_MONTH = 730.0 * 3600 / 8 / 1000;

    private final Catalog catalog;
    private final Prices prices;
    private final CostSettings settings;
    private final CostAssumptions assume;
    private final HostSizer sizer;

    /** The figures of the power analysis that explain electricity and colocation. */
    private static final Set<String> POWER_FIGURES = Set.of("utilisation", "powerWatts", "facilityWatts", "energyKwhMonth",
            "electricityUsdMonth", "colocationUsdMonth");

    public CostEngine(Catalog catalog, CostSettings settings, CostAssumptions assumptions, HostSizer sizer) {
        this.catalog = catalog;
        this.prices = new Prices(catalog);
        this.settings = settings == null ? CostSettings.DEFAULT : settings;
        this.assume = assumptions == null ? CostAssumptions.DEFAULT : assumptions;
        this.sizer = sizer == null ? SizingHostSizer.INSTANCE : sizer;
        if (this.settings.years() < 1) {
            throw new IllegalArgumentException("the cost horizon must be at least 1 year, got " + this.settings.years());
        }
    }

    /** The plan costed with the default assumptions, the sizing engine.s hosts and the linear power model. */
    public static PlanCost compare(Plan plan, Catalog catalog) {
        return new CostEngine(catalog, plan.cost(), CostAssumptions.DEFAULT, null).plan(plan);
    }

    private int months() {
        return settings.months();
    }

    // ------------------------------------------------------------------ plan and site

    public PlanCost plan(Plan plan) {
        List<SiteCost> sites = new ArrayList<>();
        for (Site s : plan.sites()) {
            sites.add(site(s));
        }
        Set<String> keys = new LinkedHashSet<>();
        sites.forEach(sc -> sc.options().forEach(o -> keys.add(o.key())));
        List<PlanCost.PlanOptionTotal> totals = new ArrayList<>();
        for (String key : keys) {
            totals.add(planTotal(sites, key));
        }
        totals.add(planTotal(sites, PlanCost.CHEAPEST_MIX));
        List<PlanCost.PlanOptionTotal> complete = totals.stream().filter(t -> t.tcoUsd() != null)
                .sorted(Comparator.comparingDouble(PlanCost.PlanOptionTotal::tcoUsd)).toList();
        String cheapest = null;
        Double margin = null;
        String summary;
        // the mix is cheapest by construction when sites differ; name the cheapest single kind of option
        List<PlanCost.PlanOptionTotal> kinds = complete.stream().filter(t -> !t.key().equals(PlanCost.CHEAPEST_MIX)).toList();
        if (kinds.isEmpty()) {
            summary = "No option is fully priced for every site: see each site's missing prices.";
        } else {
            cheapest = kinds.get(0).key();
            if (kinds.size() > 1) {
                margin = Money.round(kinds.get(1).tcoUsd() - kinds.get(0).tcoUsd());
                summary = "Over " + months() + " months the whole plan costs least as " + cheapest + ": " + usd(kinds.get(0).tcoUsd())
                        + ", " + usd(margin) + " less than " + kinds.get(1).key() + " (" + usd(kinds.get(1).tcoUsd()) + ").";
            } else {
                summary = "Over " + months() + " months the whole plan as " + cheapest + " costs " + usd(kinds.get(0).tcoUsd())
                        + "; no other option is fully priced for every site.";
            }
            PlanCost.PlanOptionTotal mix = totals.get(totals.size() - 1);
            if (mix.tcoUsd() != null && plan.sites().size() > 1 && mix.tcoUsd() < kinds.get(0).tcoUsd() - 0.005) {
                summary += " Choosing per site (" + String.join(", ", mix.optionIds()) + ") costs " + usd(mix.tcoUsd()) + ".";
            }
        }
        List<ClaimCheck> claims = new ArrayList<>();
        for (SiteCost sc : sites) {
            claims.addAll(claims(sc));
        }
        return new PlanCost(months(), sites, totals, cheapest, margin, summary, claims);
    }

    private static PlanCost.PlanOptionTotal planTotal(List<SiteCost> sites, String key) {
        List<String> ids = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        long tco = 0;
        long npv = 0;
        for (SiteCost sc : sites) {
            Optional<CostOption> best = sc.options().stream()
                    .filter(CostOption::complete)
                    .filter(o -> key.equals(PlanCost.CHEAPEST_MIX) || o.key().equals(key))
                    .min(Comparator.comparingDouble(CostOption::tcoUsd));
            if (best.isEmpty()) {
                missing.add("site '" + sc.site() + "' has no fully priced " + key + " option");
                ids.add("");
            } else {
                ids.add(sc.site() + ": " + best.get().id());
                tco += Money.cents(best.get().tcoUsd());
                npv += Money.cents(best.get().npvUsd());
            }
        }
        boolean ok = missing.isEmpty();
        return new PlanCost.PlanOptionTotal(key, ok ? Money.fromCents(tco) : null, ok ? Money.fromCents(npv) : null, ids, missing);
    }

    public SiteCost site(Site site) {
        List<Site> byYear = new ArrayList<>();
        for (int y = 0; y < settings.years(); y++) {
            byYear.add(grown(site, y));
        }
        List<CostOption> options = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        boolean awsIncusListed = false;
        for (String id : site.hardware()) {
            Optional<Hardware> hw = catalog.hardware(id);
            if (hw.isEmpty()) {
                findings.add(Finding.warning("cost.unknown-hardware", "site '" + site.name() + "': hardware '" + id
                        + "' is not in the catalog, so it is not costed", ""));
                continue;
            }
            Hardware h = hw.get();
            switch (h.category()) {
                case DESKTOP, RACK -> options.add(owned(site, byYear, h));
                case BAREMETAL_CLOUD -> options.add(rental(site, byYear, h));
                case CLOUD -> {
                    awsIncusListed = true;
                    for (AwsCommitment c : AwsCommitment.values()) {
                        options.add(awsIncus(site, byYear, h, c, "listed in the site's hardware"));
                    }
                }
            }
        }
        // x86 types only: an x86 VM or container image moves to them unchanged; an Arm (Graviton) type needs a rebuild
        List<Hardware> cloud = catalog.hardware(HardwareCategory.CLOUD).stream()
                .filter(h -> h.hourlyUsd() != null || h.monthlyUsd() != null).filter(h -> !h.arm()).toList();
        if (!awsIncusListed && !cloud.isEmpty()) {
            Optional<Hardware> host = bestIncusHost(site, byYear.get(0), cloud);
            if (host.isPresent()) {
                for (AwsCommitment c : AwsCommitment.values()) {
                    options.add(awsIncus(site, byYear, host.get(), c, incusHostReason(site)));
                }
            } else {
                findings.add(Finding.info("cost.no-aws-incus-host", "site '" + site.name()
                        + "': no EC2 type in the catalog can host this site's Incus cluster", ""));
            }
        }
        if (!cloud.isEmpty()) {
            for (AwsCommitment c : AwsCommitment.values()) {
                options.add(liftAndShift(site, byYear, cloud, c));
            }
        } else {
            findings.add(Finding.info("cost.no-aws-prices", "the catalog has no priced EC2 types: AWS is not costed", ""));
        }
        for (CostOption o : options) {
            if (!o.complete()) {
                for (String m : o.missing()) {
                    findings.add(Finding.warning("cost.price-missing", "site '" + site.name() + "', " + o.label() + ": " + m, ""));
                }
            }
        }
        List<CostOption> ranked = options.stream().filter(CostOption::complete)
                .sorted(Comparator.comparingDouble(CostOption::tcoUsd)).toList();
        String cheapest = null;
        Double margin = null;
        String summary;
        if (ranked.isEmpty()) {
            summary = "Site '" + site.name() + "': no option is fully priced.";
        } else {
            cheapest = ranked.get(0).id();
            if (ranked.size() > 1) {
                margin = Money.round(ranked.get(1).tcoUsd() - ranked.get(0).tcoUsd());
                summary = "Site '" + site.name() + "': " + ranked.get(0).label() + " is cheapest over " + months() + " months at "
                        + usd(ranked.get(0).tcoUsd()) + ", " + usd(margin) + " less than " + ranked.get(1).label()
                        + " (" + usd(ranked.get(1).tcoUsd()) + ").";
            } else {
                summary = "Site '" + site.name() + "': " + ranked.get(0).label() + " costs " + usd(ranked.get(0).tcoUsd())
                        + " over " + months() + " months; no other option is fully priced.";
            }
        }
        List<BreakEven> breakEvens = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            for (int j = i + 1; j < options.size(); j++) {
                if (options.get(i).complete() && options.get(j).complete()) {
                    breakEvens.add(breakEven(options.get(i), options.get(j)));
                }
            }
        }
        return new SiteCost(site.name(), months(), options, cheapest, margin, summary, breakEvens, findings);
    }

    /** A site's workloads in year {@code year} (0-based): each count grown yearly, {@code round(count x (1 + g)^year)}. */
    public static Site grown(Site site, int year) {
        if (year == 0) {
            return site;
        }
        List<Workload> ws = new ArrayList<>();
        for (Workload w : site.workloads()) {
            long n = Math.round(w.count() * Math.pow(1 + w.growthPctYear() / 100.0, year));
            ws.add(w.withCount((int) Math.max(w.count(), n)));
        }
        return site.withWorkloads(ws);
    }

    // ------------------------------------------------------------------ break-even

    /**
     * The first month in which the cumulative cost of the option that is dearer in month 1 is at or below the
     * other's. Null when it stays dearer for the whole horizon.
     */
    public static BreakEven breakEven(CostOption a, CostOption b) {
        List<MonthCost> sa = a.series();
        List<MonthCost> sb = b.series();
        int n = Math.min(sa.size(), sb.size());
        if (n == 0) {
            return new BreakEven(a.id(), b.id(), "", null, "no months to compare");
        }
        long a1 = Money.cents(sa.get(0).cumulativeUsd());
        long b1 = Money.cents(sb.get(0).cumulativeUsd());
        if (a1 == b1) {
            return new BreakEven(a.id(), b.id(), "", 1, a.label() + " and " + b.label() + " cost the same in month 1");
        }
        CostOption dear = a1 > b1 ? a : b;
        CostOption cheap = a1 > b1 ? b : a;
        for (int m = 0; m < n; m++) {
            long d = Money.cents(dear.series().get(m).cumulativeUsd());
            long c = Money.cents(cheap.series().get(m).cumulativeUsd());
            if (d <= c) {
                return new BreakEven(a.id(), b.id(), dear.id(), m + 1, dear.label() + " costs more at first and breaks even with "
                        + cheap.label() + " in month " + (m + 1) + " (cumulative " + usd(Money.fromCents(d)) + " vs " + usd(Money.fromCents(c)) + ")");
            }
        }
        return new BreakEven(a.id(), b.id(), dear.id(), null, dear.label() + " stays dearer than " + cheap.label()
                + " for all " + n + " months (month " + n + ": " + usd(dear.series().get(n - 1).cumulativeUsd()) + " vs "
                + usd(cheap.series().get(n - 1).cumulativeUsd()) + ")");
    }

    // ------------------------------------------------------------------ owned

    /**
     * The port speed the plan's network analysis asks of {@code count} hosts like {@code hw} in the first year (for Ceph at
     * least 10 Gb/s): what an owned host below it gets a card, and a cluster a switch, for.
     */
    static double requiredNicGbps(Site site, Hardware hw, int count) {
        List<Hardware> hosts = Collections.nCopies(Math.max(1, count), hw);
        return NetworkPlanner.analyse(site, hosts, StoragePlanner.analyse(site, hosts, 1)).nicGbpsRequired();
    }

    private CostOption owned(Site site, List<Site> byYear, Hardware hw0) {
        String id = "owned:" + hw0.id();
        String label = "owned " + hw0.name();
        Ledger led = new Ledger(months());
        List<Explanation> ex = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<BomLine> bom = new ArrayList<>();

        // a GPU added to a host without one, when the workloads need GPUs
        Hardware hw = hw0;
        PriceItem gpuPart = null;
        if (needsGpu(site) && hw0.gpuCount() == 0) {
            gpuPart = prices.cheapestPart(PriceIds.GPU_PREFIX, 0).orElse(null);
            if (gpuPart != null) {
                hw = withOneGpu(hw0, gpuPart);
            }
        }
        int[] hostsByYear = hosts(byYear, hw, ex, findings, true);
        if (hostsByYear == null) {
            return unfit(site, id, CostOptionKind.OWNED, label, hw0, null, ex, findings);
        }
        // parts per host
        PriceItem nic = null;
        PriceItem sw = null;
        boolean asked = assume.requiredNicGbps() > 0;  // an explicit assumption applies to every owned host
        double need = asked ? assume.requiredNicGbps() : requiredNicGbps(site, hw, hostsByYear[0]);
        if (!asked && need > 0 && hw.nicGbps() > 0 && hw.nicGbps() < need - 1e-9 && hw.category() == HardwareCategory.DESKTOP) {
            // a desktop keeps its port: many (the Meerkat, mini PCs) have no slot for a card, and the guide's desktop
            // clusters run on their built-in port; the network analysis warns with the recovery time instead
            Optional<PriceItem> card = prices.cheapestPart(PriceIds.NIC_PREFIX, need);
            ex.add(new Explanation("networkUpgrade", 0, "USD", "not priced: " + hw.id() + " has " + num(hw.nicGbps())
                    + " Gb/s and the plan's network needs " + num(need) + " Gb/s; a desktop keeps its built-in port (the network"
                    + " findings give the recovery time it means). Where the desktop has a slot, a card is "
                    + card.map(c -> usd(c.value()) + " per host (" + c.id() + (c.estimate() ? ", estimate" : "") + ")").orElse("not priced in the catalog")
                    + (hostsByYear[0] > 1 ? " plus a switch" + (prices.cheapestPart(PriceIds.SWITCH_PREFIX, need).isPresent() ? "" : " (no switch price in the catalog)") : ""),
                    card.map(Prices::cite).orElse("the plan's network analysis")));
            findings.add(Finding.info("cost.network-upgrade-not-priced", label + ": " + num(hw.nicGbps()) + " Gb/s ports where the plan's"
                    + " network needs " + num(need) + " Gb/s; no card or switch is included in this option's cost", hw.source()));
            need = 0;
        }
        if (need > 0 && hw.nicGbps() > 0 && hw.nicGbps() < need - 1e-9) {
            nic = prices.cheapestPart(PriceIds.NIC_PREFIX, need).orElse(null);
            if (nic == null) {
                led.missing(CostComponent.HARDWARE, "no network card of " + num(need) + " Gb/s or more is priced in the catalog ("
                        + hw.id() + " has " + num(hw.nicGbps()) + " Gb/s)");
            }
            if (hostsByYear[0] > 1) {
                sw = prices.cheapestPart(PriceIds.SWITCH_PREFIX, need).orElse(null);
                if (sw == null) {
                    led.missing(CostComponent.HARDWARE, "no switch of " + num(need) + " Gb/s or more is priced in the catalog");
                }
            }
        }
        if (hw0.priceUsd() == null) {
            led.missing(CostComponent.HARDWARE, "the catalog has no purchase price (price_usd) for " + hw0.id());
        }
        PriceItem drive = drivePart(hw);
        double pue = site.facility().dataCentre() ? site.facility().pue() : 1.0;
        int lifeMonths = assume.hardwareLifeYears() * 12;
        double s = settings.salvagePct() / 100.0;

        // purchases: hosts (with their GPU and NIC), the switch, extra drives; replacements at end of life
        List<Purchase> purchases = new ArrayList<>();
        int owned = 0;
        int ownedDriveTb = 0;
        for (int y = 0; y < hostsByYear.length; y++) {
            int month = y * 12 + 1;
            int want = Math.max(owned, hostsByYear[y]);
            if (want > owned) {
                int add = want - owned;
                String why = y == 0 ? "initial hosts" : "growth in year " + (y + 1) + " needs " + want + " hosts";
                purchases.add(new Purchase(month, hw0.id(), hw0.name(), add, hw0.priceUsd(), why, hw0.source(), hw0.sourceDate(), hw0.estimate()));
                if (gpuPart != null) {
                    purchases.add(new Purchase(month, gpuPart.id(), gpuPart.name(), add, gpuPart.value(),
                            "a GPU per host: the workloads need GPUs and " + hw0.id() + " has none", Prices.cite(gpuPart), gpuPart.sourceDate(), gpuPart.estimate()));
                }
                if (nic != null) {
                    purchases.add(new Purchase(month, nic.id(), nic.name(), add, nic.value(), "the plan needs " + num(need) + " Gb/s; "
                            + hw.id() + " has " + num(hw.nicGbps()) + " Gb/s", Prices.cite(nic), nic.sourceDate(), nic.estimate()));
                }
                if (y == 0 && sw != null) {
                    purchases.add(new Purchase(month, sw.id(), sw.name(), 1, sw.value(), "a switch for the " + num(need)
                            + " Gb/s cluster network", Prices.cite(sw), sw.sourceDate(), sw.estimate()));
                }
                owned = want;
            }
            // storage: raw capacity needed vs what the hosts carry
            double needGb = storageNeedGb(byYear.get(y), site);
            double perHostGb = hw.rawDataGb() > 0 ? hw.rawDataGb() : (site.policy().storageMode() == StorageMode.CEPH ? 0 : hw.osDiskGb());
            double haveGb = owned * perHostGb + ownedDriveTb * 1000.0;
            if (needGb > haveGb + 1e-6) {
                int addTb = (int) Math.ceil((needGb - haveGb) / 1000.0 - 1e-9);
                String why = "storage needs " + num(Prices.round2(needGb)) + " GB raw; " + owned + " hosts x " + num(perHostGb) + " GB"
                        + (ownedDriveTb > 0 ? " + " + ownedDriveTb + " TB added" : "") + " = " + num(Prices.round2(haveGb)) + " GB";
                if (drive == null) {
                    led.missing(CostComponent.HARDWARE, "extra drives are needed (" + why + ") but no drive price per TB (part-drive-*) is in the catalog");
                    purchases.add(new Purchase(month, "part-drive", "data drive capacity, TB", addTb, null, why, "", null, false));
                } else {
                    purchases.add(new Purchase(month, drive.id(), drive.name(), addTb, drive.value(), why, Prices.cite(drive), drive.sourceDate(), drive.estimate()));
                }
                ownedDriveTb += addTb;
            }
        }
        // replacements at end of life
        List<Purchase> all = new ArrayList<>(purchases);
        for (int i = 0; i < all.size(); i++) {
            Purchase p = all.get(i);
            int r = p.month + lifeMonths;
            if (r <= months()) {
                all.add(new Purchase(r, p.item, p.name, p.qty, p.unitUsd, "replaces the " + p.qty + " bought in month " + p.month
                        + " at the end of its " + assume.hardwareLifeYears() + "-year life", p.source, p.sourceDate, p.estimate));
            }
        }
        all.sort(Comparator.comparingInt(Purchase::month));
        for (Purchase p : all) {
            Double total = p.unitUsd == null ? null : Money.round(p.unitUsd * p.qty);
            bom.add(new BomLine(p.month, p.item, p.name, p.qty, p.unitUsd, total, p.reason, p.source, p.sourceDate, p.estimate,
                    new Explanation(p.name + " (month " + p.month + ")", total == null ? Double.NaN : total, "USD",
                            p.qty + " x " + (p.unitUsd == null ? "price missing" : usd(p.unitUsd)) + (total == null ? "" : " = " + usd(total)) + "; " + p.reason,
                            p.source)));
            if (total != null) {
                led.add(p.month, CostComponent.HARDWARE, total);
            }
            if (p.unitUsd != null) {
                // salvage: at replacement, the old lot sells at salvage; at the horizon's end, each lot is credited its book value
                int end = p.month + lifeMonths;
                double value = p.unitUsd * p.qty;
                if (end <= months()) {
                    led.add(end, CostComponent.SALVAGE, -Money.round(value * s));
                } else {
                    int age = months() - p.month + 1;
                    double book = value * (s + (1 - s) * (lifeMonths - age) / (double) lifeMonths);
                    led.add(months(), CostComponent.SALVAGE, -Money.round(book));
                }
                // support per month while in service
                for (int m = p.month; m < Math.min(end, months() + 1); m++) {
                    led.add(m, CostComponent.SUPPORT, Money.round(value * settings.supportPctPerYear() / 100.0 / 12.0));
                }
            }
        }
        ex.add(new Explanation("salvage", s * 100, "% of purchase",
                "a lot replaced at end of life sells for salvage " + num(settings.salvagePct()) + " % of its price; at the horizon's end each lot is credited "
                        + "its straight-line book value, price x (salvage + (1 - salvage) x remaining life / life) (life "
                        + assume.hardwareLifeYears() + " years)", "CostSettings.salvagePct"));
        ex.add(new Explanation("support per month", settings.supportPctPerYear(), "% of purchase per year",
                "support or spares = " + num(settings.supportPctPerYear()) + " % / 12 of the hardware in service, each month", "CostSettings.supportPctPerYear"));

        // power: electricity and colocation from the power model, month by month with the hosts in service
        boolean powerMissing = false;
        boolean coloMissing = false;
        Map<Long, PowerAnalysis> powerCache = new LinkedHashMap<>();
        for (int m = 1; m <= months(); m++) {
            int y = Math.min((m - 1) / 12, hostsByYear.length - 1);
            int hosts = ownedHosts(hostsByYear, y);
            final Hardware powered = hw;
            PowerAnalysis pa = powerCache.computeIfAbsent(((long) y << 32) | hosts, k -> PowerPlanner.analyse(byYear.get(y), powered, hosts));
            if (m == 1) {
                pa.explanations().stream().filter(e -> POWER_FIGURES.contains(e.figure()))
                        .forEach(e -> ex.add(new Explanation(e.figure() + ", month 1", e.value(), e.unit(), e.formula(), e.citation())));
                findings.addAll(pa.findings());
            }
            if (pa.energyKwhMonth() == null || pa.electricityUsdMonth() == null) {
                powerMissing = true;
            } else {
                led.energy(m, pa.energyKwhMonth());
                led.add(m, CostComponent.ELECTRICITY, Money.round(pa.electricityUsdMonth()));
            }
            if (pa.colocationUsdMonth() == null) {
                coloMissing = true;
            } else if (pa.colocationUsdMonth() > 0) {
                led.add(m, CostComponent.COLOCATION, Money.round(pa.colocationUsdMonth()));
            }
        }
        if (powerMissing) {
            led.missing(CostComponent.ELECTRICITY, "the catalog has no idle/maximum watts for " + hw.id() + ", so electricity is missing");
        }
        if (coloMissing) {
            led.missing(CostComponent.COLOCATION, "colocation per kW needs the watts of " + hw.id());
        }
        led.backup(byYear, this, ex);
        Double amortised = null;
        if (hw0.priceUsd() != null) {
            double capex1 = Money.sum(bom.stream().filter(b -> b.month() == 1 && b.totalUsd() != null).map(BomLine::totalUsd).toList());
            amortised = Money.round(capex1 * (1 - s) / lifeMonths);
            ex.add(new Explanation("amortisation per month", amortised, "USD per month",
                    "straight line: (month-1 purchases " + usd(capex1) + " - salvage " + num(settings.salvagePct()) + " %) / " + lifeMonths
                            + " months = " + usd(amortised) + " (an accounting view; the totals count cash when it is paid)", "CostSettings.salvagePct"));
        }
        if (hw0.priceUsd() == null) {
            findings.add(Finding.warning("cost.price-missing", hw0.id() + " has no purchase price: owned capex is missing", hw0.source()));
        }
        return led.option(id, CostOptionKind.OWNED, label, hw0.id(), null, hw0.estimate() || any(bom), hostsByYear, ownedCounts(hostsByYear),
                amortised, byYear, bom, ex, findings, settings);
    }

    private static boolean any(List<BomLine> bom) {
        return bom.stream().anyMatch(BomLine::estimate);
    }

    private static int[] ownedCounts(int[] hostsByYear) {
        int[] out = new int[hostsByYear.length];
        int max = 0;
        for (int i = 0; i < out.length; i++) {
            max = Math.max(max, hostsByYear[i]);
            out[i] = max;
        }
        return out;
    }

    private static int ownedHosts(int[] hostsByYear, int y) {
        int max = 0;
        for (int i = 0; i <= y; i++) {
            max = Math.max(max, hostsByYear[i]);
        }
        return max;
    }

    private PriceItem drivePart(Hardware hw) {
        String type = hw.dataDiskType() == null ? "nvme" : hw.dataDiskType().id();
        Optional<PriceItem> same = prices.cheapestPart(PriceIds.DRIVE_PER_TB_PREFIX + type, 0);
        return same.orElseGet(() -> prices.cheapestPart(PriceIds.DRIVE_PER_TB_PREFIX, 0).orElse(null));
    }

    /** Raw GB a site's disks need: logical GiB x 1.0737 GB/GiB, times size / nearfull for Ceph. */
    static double storageNeedGb(Site grownSite, Site site) {
        double logicalGb = logicalDiskGib(grownSite) * GB_PER_GIB;
        if (site.policy().storageMode() == StorageMode.CEPH) {
            return logicalGb * CephCapacity.overhead(site.policy().ceph()) / site.policy().ceph().nearfullRatio();
        }
        return logicalGb;
    }

    static double logicalDiskGib(Site site) {
        double gib = 0;
        for (Workload w : site.workloads()) {
            gib += w.diskGib() * w.count();
        }
        return gib;
    }

    private static boolean needsGpu(Site site) {
        return site.workloads().stream().anyMatch(w -> w.gpu() > 0);
    }

    private static Hardware withOneGpu(Hardware h, PriceItem gpu) {
        return new Hardware(h.id(), h.name(), h.category(), h.vendor(), h.cpuModel(), h.sockets(), h.cores(), h.threads(), h.baseGhz(),
                h.cpuScore(), h.memoryGib(), h.priceUsd(), h.monthlyUsd(), h.hourlyUsd(), h.setupUsd(), h.osDiskGb(), h.dataDisks(),
                h.dataDiskGb(), h.dataDiskType(), h.nicPorts(), h.nicGbps(), gpu.name(), 1, 0, 0, h.rackUnits(), h.powerIdleW(),
                h.powerMaxW(), h.region(), h.source(), h.sourceDate(), h.estimate(), h.notes(), h.billing(), h.cpuArch(), h.runsVms());
    }

    private record Purchase(int month, String item, String name, int qty, Double unitUsd, String reason, String source,
                            java.time.LocalDate sourceDate, boolean estimate) {
    }

    /** Hosts needed each year (0-based); null when year 1 does not fit. Later years that do not fit keep the previous count, with a finding. */
    private int[] hosts(List<Site> byYear, Hardware hw, List<Explanation> ex, List<Finding> findings, boolean explainFirst) {
        int[] out = new int[byYear.size()];
        for (int y = 0; y < byYear.size(); y++) {
            SizedHosts s = sizer.size(byYear.get(y), hw);
            if (!s.fits()) {
                if (y == 0) {
                    findings.add(Finding.warning("cost.no-fit", "the site does not fit on " + hw.id() + ": " + s.reason(), ""));
                    return null;
                }
                findings.add(Finding.warning("cost.no-fit-after-growth", "year " + (y + 1) + ": the grown workloads do not fit on "
                        + hw.id() + " (" + s.reason() + "); the cost keeps year " + y + "'s hosts", ""));
                out[y] = out[y - 1];
                continue;
            }
            out[y] = s.hosts();
            if (s.explanation() != null && (y == 0 || out[y] != out[y - 1])) {
                Explanation e = s.explanation();
                ex.add(new Explanation(e.figure() + (y == 0 ? "" : " in year " + (y + 1)), e.value(), e.unit(), e.formula(), e.citation()));
            }
        }
        return out;
    }

    private CostOption unfit(Site site, String id, CostOptionKind kind, String label, Hardware hw, AwsCommitment c,
                             List<Explanation> ex, List<Finding> findings) {
        String reason = findings.isEmpty() ? "does not fit" : findings.get(findings.size() - 1).text();
        return new CostOption(id, kind, label, hw == null ? "" : hw.id(), c, hw != null && hw.estimate(), 0, 0, 0, 0, null,
                Map.of(), null, null, null, null, List.of(), List.of(), List.of(reason), ex, findings);
    }

    // ------------------------------------------------------------------ bare-metal rental

    private CostOption rental(Site site, List<Site> byYear, Hardware hw) {
        String id = "bare-metal:" + hw.id();
        String label = "bare-metal " + hw.name();
        Ledger led = new Ledger(months());
        List<Explanation> ex = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        int[] hostsByYear = hosts(byYear, hw, ex, findings, true);
        if (hostsByYear == null) {
            return unfit(site, id, CostOptionKind.BARE_METAL, label, hw, null, ex, findings);
        }
        Double perHost;
        String rate;
        if (hw.monthlyUsd() != null) {
            perHost = hw.monthlyUsd();
            rate = usd(hw.monthlyUsd()) + " a month";
        } else if (hw.hourlyUsd() != null) {
            double billed = hw.billing().billedHours(assume.hoursPerMonth());
            perHost = hw.rentalUsdFor(assume.hoursPerMonth());
            rate = num(hw.hourlyUsd()) + " USD/h x " + num(billed) + " billed hours (" + hw.billing().describe() + ")";
        } else {
            perHost = null;
            rate = "no rate";
            led.missing(CostComponent.COMPUTE, "the catalog has neither monthly_usd nor hourly_usd for " + hw.id());
        }
        int prev = 0;
        for (int m = 1; m <= months(); m++) {
            int y = Math.min((m - 1) / 12, hostsByYear.length - 1);
            int hosts = hostsByYear[y];
            if (hosts > prev && hw.setupUsd() > 0) {
                led.add(m, CostComponent.SETUP, Money.round((hosts - prev) * hw.setupUsd()));
                if (m == 1) {
                    ex.add(new Explanation("setup fees, month 1", Money.round(hosts * hw.setupUsd()), "USD",
                            hosts + " servers x " + usd(hw.setupUsd()) + " setup", hw.source()));
                }
            }
            prev = Math.max(prev, hosts);
            if (perHost != null) {
                led.add(m, CostComponent.COMPUTE, Money.round(hosts * perHost));
            }
        }
        if (perHost != null) {
            ex.add(new Explanation("servers, month 1", Money.round(hostsByYear[0] * perHost), "USD per month",
                    hostsByYear[0] + " servers x " + rate + " = " + usd(Money.round(hostsByYear[0] * perHost))
                            + "; power, space and the provider's network are included", hw.source() + " (" + hw.priceAge() + ")"));
        }
        double needGb = storageNeedGb(byYear.get(byYear.size() - 1), site);
        double haveGb = hostsByYear[hostsByYear.length - 1] * hw.rawDataGb();
        if (needGb > haveGb + 1e-6) {
            findings.add(Finding.warning("cost.rental-storage-short", label + ": the storage needs " + num(Prices.round2(needGb))
                    + " GB raw by the end but the servers carry " + num(Prices.round2(haveGb)) + " GB; extra drives are not priced", hw.source()));
        }
        double outGb = sum(byYear.get(0), Workload::netMbps) * GB_PER_MBPS_MONTH;
        if (outGb > 0) {
            // the AWS options price the same traffic (transfer out); no rental egress figure is sourced
            findings.add(Finding.info("cost.rental-transfer-not-priced", label + ": about " + num(Prices.round2(outGb))
                    + " GB a month of data transfer out are not priced: the catalog has no egress price for " + hw.vendor()
                    + " (providers include an allowance that differs by plan); the AWS options do price it", hw.source()));
        }
        led.backup(byYear, this, ex);
        return led.option(id, CostOptionKind.BARE_METAL, label, hw.id(), null, hw.estimate(), hostsByYear, hostsByYear, null,
                byYear, List.of(), ex, findings, settings);
    }

    // ------------------------------------------------------------------ AWS: Incus hosts on EC2

    private static String incusHostReason(Site site) {
        return hasVms(site) ? "the cheapest EC2 type that runs VMs (runs_vms in the catalog, a .metal type) and hosts the site (VMs need hardware virtualisation; nested virtualisation on other types is not assumed)"
                : "the cheapest EC2 type with 16+ vCPU that hosts the site";
    }

    private static boolean hasVms(Site site) {
        return site.workloads().stream().anyMatch(w -> w.kind() == WorkloadKind.VM);
    }

    private Optional<Hardware> bestIncusHost(Site site, Site year0, List<Hardware> cloud) {
        boolean vms = hasVms(site);
        Hardware best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (Hardware h : cloud) {
            if (vms ? !h.runsVms() : h.threads() < 16) {
                continue;
            }
            SizedHosts s = sizer.size(year0, h);
            if (!s.fits()) {
                continue;
            }
            double cost = s.hosts() * monthlyRate(h);
            if (cost < bestCost - 1e-9 || (Math.abs(cost - bestCost) < 1e-9 && best != null && h.id().compareTo(best.id()) < 0)) {
                best = h;
                bestCost = cost;
            }
        }
        return Optional.ofNullable(best);
    }

    /** One server's rent for the assumed month ({@link Hardware#rentalUsdFor}); the row must have a rate. */
    private double monthlyRate(Hardware h) {
        return h.rentalUsdFor(assume.hoursPerMonth());
    }

    private CostOption awsIncus(Site site, List<Site> byYear, Hardware hw, AwsCommitment c, String why) {
        String id = "aws-incus:" + hw.id() + ":" + c.id();
        String label = "AWS Incus on " + hw.name() + " (" + c.id() + ")";
        Ledger led = new Ledger(months());
        List<Explanation> ex = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        int[] hostsByYear = hosts(byYear, hw, ex, findings, true);
        if (hostsByYear == null) {
            return unfit(site, id, CostOptionKind.AWS_INCUS, label, hw, c, ex, findings);
        }
        ex.add(new Explanation("EC2 type", 0, "", hw.id() + ": " + why, hw.source()));
        Double rate = hw.hourlyUsd() != null || hw.monthlyUsd() != null ? monthlyRate(hw) : null;
        double discount = discount(c);
        if (rate == null) {
            led.missing(CostComponent.COMPUTE, "the catalog has no hourly price for " + hw.id());
        }
        boolean ceph = site.policy().storageMode() == StorageMode.CEPH;
        double overhead = ceph ? CephCapacity.overhead(site.policy().ceph()) : 1.0;
        for (int m = 1; m <= months(); m++) {
            int y = Math.min((m - 1) / 12, hostsByYear.length - 1);
            int hosts = hostsByYear[y];
            Site ys = byYear.get(y);
            if (rate != null) {
                double compute = Money.round(hosts * rate * (1 - discount));
                led.add(m, CostComponent.COMPUTE, compute);
                if (m == 1) {
                    ex.add(new Explanation("EC2, month 1", compute, "USD per month", hosts + " x " + hw.id() + " x "
                            + (hw.monthlyUsd() != null ? usd(hw.monthlyUsd()) + "/month" : num(hw.hourlyUsd()) + " USD/h x " + num(assume.hoursPerMonth()) + " h")
                            + commitmentText(c) + " = " + usd(compute), hw.source() + " (" + hw.priceAge() + ")"));
                }
            }
            // EBS: one gp3 volume per host holding that host's share of the raw storage
            // AWS bills storage per GB of 2^30 bytes, so GiB are what the volumes are sized in
            double volumeGb = Math.ceil(storageNeedGb(ys, site) / GB_PER_GIB / hosts - 1e-9);
            double iops = sum(ys, Workload::iops) * overhead / hosts;
            double mbps = sum(ys, Workload::writeMbps) * overhead / hosts;
            ebs(led, m, hosts, volumeGb, iops, mbps, ex, "per host volume (" + (ceph ? site.policy().ceph().describe() + " raw share" : "local") + ")");
            snapshots(led, m, hosts * volumeGb, ex);
            transfer(led, m, ys, ex);
        }
        led.backup(byYear, this, ex);
        if (discount > 0) {
            findings.add(Finding.info("cost.commitment-estimate", label + ": the " + c.id() + " discount of " + num(discount * 100)
                    + " % is an estimate (AWS publishes only caps: Savings Plans up to 66-72 %)", "AWS Savings Plans pricing, https://aws.amazon.com/savingsplans/compute-pricing/"));
        }
        return led.option(id, CostOptionKind.AWS_INCUS, label, hw.id(), c, hw.estimate() || discount > 0, hostsByYear, hostsByYear, null,
                byYear, List.of(), ex, findings, settings);
    }

    private String commitmentText(AwsCommitment c) {
        double d = discount(c);
        return d > 0 ? " x (1 - " + num(d * 100) + " % " + c.id() + " discount, estimate)" : " on-demand";
    }

    /**
     * The commitment discount: the catalog's {@code aws-commitment-1y-discount} / {@code aws-commitment-3y-discount}
     * when present, else the estimate in {@link AwsCommitment}. Either way an estimate (AWS publishes caps only).
     */
    double discount(AwsCommitment c) {
        String id = switch (c) {
            case ON_DEMAND -> null;
            case ONE_YEAR -> PriceIds.COMMITMENT_1Y;
            case THREE_YEAR -> PriceIds.COMMITMENT_3Y;
        };
        if (id == null) {
            return 0;
        }
        return prices.item(id).map(PriceItem::value).orElse(c.estimatedDiscount());
    }

    private double includedIops() {
        return prices.item(PriceIds.EBS_GP3_INCLUDED_IOPS).map(PriceItem::value).orElse(CostAssumptions.EBS_GP3_INCLUDED_IOPS);
    }

    private double includedMbps() {
        return prices.item(PriceIds.EBS_GP3_INCLUDED_MBPS).map(PriceItem::value).orElse(CostAssumptions.EBS_GP3_INCLUDED_MBPS);
    }

    private static double sum(Site s, java.util.function.ToDoubleFunction<Workload> f) {
        double t = 0;
        for (Workload w : s.workloads()) {
            t += f.applyAsDouble(w) * w.count();
        }
        return t;
    }

    // ------------------------------------------------------------------ AWS: lift-and-shift

    /** The cheapest EC2 type with at least the instance's vCPU (normalised by cpu score), memory and GPUs. */
    public static Optional<Hardware> cheapestFit(Workload w, List<Hardware> cloud) {
        return cloud.stream()
                .filter(h -> h.hourlyUsd() != null || h.monthlyUsd() != null)
                .filter(h -> h.threads() * (h.cpuScore() > 0 ? h.cpuScore() : 1.0) >= w.vcpu() - 1e-9)
                .filter(h -> h.memoryGib() >= w.memoryGib() - 1e-9)
                .filter(h -> h.gpuCount() >= w.gpu())
                .min(Comparator.comparingDouble((Hardware h) -> h.monthlyUsd() != null ? h.monthlyUsd() / 730.0 : h.hourlyUsd())
                        .thenComparing(Hardware::id));
    }

    private CostOption liftAndShift(Site site, List<Site> byYear, List<Hardware> cloud, AwsCommitment c) {
        String id = "aws-lift-shift:" + c.id();
        String label = "AWS lift-and-shift (" + c.id() + ")";
        Ledger led = new Ledger(months());
        List<Explanation> ex = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Map<String, Hardware> types = new LinkedHashMap<>();
        for (Workload w : site.workloads()) {
            Optional<Hardware> t = cheapestFit(w, cloud);
            if (t.isEmpty()) {
                led.missing(CostComponent.COMPUTE, "no EC2 type in the catalog has " + num(w.vcpu()) + " vCPU, " + num(w.memoryGib())
                        + " GiB and " + w.gpu() + " GPU for '" + w.name() + "'");
            } else {
                types.put(w.name(), t.get());
                ex.add(new Explanation("EC2 type for " + w.name(), monthlyRate(t.get()), "USD per month on-demand",
                        w.name() + " (" + num(w.vcpu()) + " vCPU, " + num(w.memoryGib()) + " GiB" + (w.gpu() > 0 ? ", " + w.gpu() + " GPU" : "")
                                + ") -> " + t.get().id() + " (" + t.get().threads() + " vCPU, " + num(t.get().memoryGib()) + " GiB"
                                + (t.get().gpuCount() > 0 ? ", " + t.get().gpuCount() + " GPU" : "") + "), the cheapest type that fits",
                        t.get().source() + " (" + t.get().priceAge() + ")"));
            }
        }
        double discount = discount(c);
        boolean estimate = discount > 0;
        for (Hardware h : types.values()) {
            estimate |= h.estimate();
        }
        for (int m = 1; m <= months(); m++) {
            int y = Math.min((m - 1) / 12, byYear.size() - 1);
            Site ys = byYear.get(y);
            double compute = 0;
            StringBuilder f = new StringBuilder();
            double volumesGb = 0;
            double extraIops = 0;
            double extraMbps = 0;
            int instances = 0;
            for (Workload w : ys.workloads()) {
                instances += w.count();
                Hardware t = types.get(w.name());
                if (t != null) {
                    compute += w.count() * monthlyRate(t) * (1 - discount);
                    if (m == 1) {
                        f.append(f.length() == 0 ? "" : " + ").append(w.count()).append(" x ").append(t.id()).append(' ').append(usd(monthlyRate(t)));
                    }
                }
                volumesGb += w.count() * Math.ceil(w.diskGib());
                extraIops += w.count() * Math.max(0, w.iops() - includedIops());
                extraMbps += w.count() * Math.max(0, w.writeMbps() - includedMbps());
            }
            if (!types.isEmpty()) {
                double rounded = Money.round(compute);
                led.add(m, CostComponent.COMPUTE, rounded);
                if (m == 1) {
                    ex.add(new Explanation("EC2, month 1", rounded, "USD per month", f + commitmentText(c) + " = " + usd(rounded),
                            "EC2 on-demand prices from the catalog, 730 h a month"));
                }
            }
            ebsTotals(led, m, instances, volumesGb, extraIops, extraMbps, ex);
            snapshots(led, m, volumesGb, ex);
            transfer(led, m, ys, ex);
        }
        led.backup(byYear, this, ex);
        if (discount > 0) {
            findings.add(Finding.info("cost.commitment-estimate", label + ": the " + c.id() + " discount of " + num(discount * 100)
                    + " % is an estimate (AWS publishes only caps: Savings Plans up to 66-72 %)", "AWS Savings Plans pricing, https://aws.amazon.com/savingsplans/compute-pricing/"));
        }
        int[] instancesByYear = byYear.stream().mapToInt(Site::instanceCount).toArray();
        return led.option(id, CostOptionKind.AWS_LIFT_SHIFT, label, "", c, estimate, instancesByYear, instancesByYear, null,
                byYear, List.of(), ex, findings, settings);
    }

    // ------------------------------------------------------------------ AWS storage and transfer

    private void ebs(Ledger led, int m, int volumes, double volumeGb, double iopsPerVolume, double mbpsPerVolume,
                     List<Explanation> ex, String what) {
        double extraIops = volumes * Math.max(0, iopsPerVolume - includedIops());
        double extraMbps = volumes * Math.max(0, mbpsPerVolume - includedMbps());
        ebsTotals(led, m, volumes, volumes * volumeGb, extraIops, extraMbps, ex);
        if (m == 1) {
            ex.add(new Explanation("EBS volume size", volumeGb, "GB", volumes + " volumes of " + num(volumeGb) + " GB, "
                    + num(Prices.round2(iopsPerVolume)) + " IOPS and " + num(Prices.round2(mbpsPerVolume)) + " MB/s each: " + what, ""));
        }
    }

    private void ebsTotals(Ledger led, int m, int volumes, double gb, double extraIops, double extraMbps, List<Explanation> ex) {
        Optional<PriceItem> perGb = prices.item(PriceIds.EBS_GP3_GB_MONTH);
        Optional<PriceItem> perIops = prices.item(PriceIds.EBS_GP3_IOPS_MONTH);
        Optional<PriceItem> perMbps = prices.item(PriceIds.EBS_GP3_MBPS_MONTH);
        if (perGb.isEmpty()) {
            led.missing(CostComponent.EBS, "the catalog has no EBS gp3 price (" + PriceIds.EBS_GP3_GB_MONTH + ")");
            return;
        }
        if (extraIops > 0 && perIops.isEmpty()) {
            led.missing(CostComponent.EBS, "IOPS above the included " + num(includedIops()) + " are needed but the catalog has no " + PriceIds.EBS_GP3_IOPS_MONTH);
            return;
        }
        if (extraMbps > 0 && perMbps.isEmpty()) {
            led.missing(CostComponent.EBS, "throughput above the included " + num(includedMbps()) + " MB/s is needed but the catalog has no " + PriceIds.EBS_GP3_MBPS_MONTH);
            return;
        }
        double cost = gb * perGb.get().value() + (extraIops > 0 ? extraIops * perIops.get().value() : 0)
                + (extraMbps > 0 ? extraMbps * perMbps.get().value() : 0);
        double rounded = Money.round(cost);
        led.add(m, CostComponent.EBS, rounded);
        if (m == 1) {
            ex.add(new Explanation("EBS gp3, month 1", rounded, "USD per month",
                    num(gb) + " GB x " + num(perGb.get().value()) + (extraIops > 0 ? " + " + num(extraIops) + " IOPS above " + num(includedIops()) + " x " + num(perIops.get().value()) : "")
                            + (extraMbps > 0 ? " + " + num(extraMbps) + " MB/s above " + num(includedMbps()) + " x " + num(perMbps.get().value()) : "")
                            + " = " + usd(rounded) + " (" + volumes + " volumes; " + num(includedIops()) + " IOPS and " + num(includedMbps()) + " MB/s included per volume)", Prices.cite(perGb.get())));
        }
    }

    private void snapshots(Ledger led, int m, double diskGb, List<Explanation> ex) {
        if (assume.snapshotGbPerDiskGb() <= 0) {
            return;
        }
        Optional<PriceItem> p = prices.item(PriceIds.EBS_SNAPSHOT_GB_MONTH);
        if (p.isEmpty()) {
            led.missing(CostComponent.SNAPSHOTS, "the catalog has no EBS snapshot price (" + PriceIds.EBS_SNAPSHOT_GB_MONTH + ")");
            return;
        }
        double gb = diskGb * assume.snapshotGbPerDiskGb();
        double rounded = Money.round(gb * p.get().value());
        led.add(m, CostComponent.SNAPSHOTS, rounded);
        if (m == 1) {
            ex.add(new Explanation("EBS snapshots, month 1", rounded, "USD per month", num(diskGb) + " GB x " + num(assume.snapshotGbPerDiskGb())
                    + " snapshot GB per disk GB (estimate: one full copy) x " + num(p.get().value()) + " USD/GB-month = " + usd(rounded), Prices.cite(p.get())));
        }
    }

    private void transfer(Ledger led, int m, Site ys, List<Explanation> ex) {
        double gb = sum(ys, Workload::netMbps) * GB_PER_MBPS_MONTH;
        tiered(led, m, ex, CostComponent.TRANSFER, PriceIds.TRANSFER_OUT_TIERS, gb, "data-transfer-out prices", "data transfer out, month 1",
                t -> num(Prices.round2(sum(ys, Workload::netMbps))) + " Mbit/s x 328.5 GB per Mbit/s-month = " + num(Prices.round2(gb))
                        + " GB; tiers: " + t.formula());
    }

    /** S3 backup of every option: logical disk x backup copies, tiered S3 Standard. */
    void backup(Ledger led, int m, Site ys, List<Explanation> ex) {
        if (assume.backupGbPerDiskGb() <= 0) {
            return;
        }
        double gb = logicalDiskGib(ys) * assume.backupGbPerDiskGb();
        tiered(led, m, ex, CostComponent.BACKUP, PriceIds.S3_STANDARD_TIERS, gb, "S3 Standard price", "S3 backups, month 1",
                t -> num(logicalDiskGib(ys)) + " GB of disks x " + num(assume.backupGbPerDiskGb()) + " backup copies: " + t.formula());
    }

    /**
     * One month of a quantity billed by tiers (GB of transfer, GB stored): the cost of {@code gb} by the catalog's
     * {@code tierPrefix} prices, or the component marked missing when the catalog has none; explained in month 1.
     */
    private void tiered(Ledger led, int m, List<Explanation> ex, CostComponent component, String tierPrefix, double gb,
                        String priceName, String figure, java.util.function.Function<Prices.Tiered, String> formula) {
        if (gb <= 0) {
            return;
        }
        List<PriceItem> tiers = prices.tiers(tierPrefix);
        Prices.Tiered t = Prices.tiered(tiers, gb, "GB");
        if (t == null) {
            led.missing(component, "the catalog has no " + priceName + " (" + tierPrefix + "*)");
            return;
        }
        double rounded = Money.round(t.usd());
        led.add(m, component, rounded);
        if (m == 1) {
            ex.add(new Explanation(figure, rounded, "USD per month", formula.apply(t) + " = " + usd(rounded), Prices.citeAll(tiers)));
        }
    }

    // ------------------------------------------------------------------ the guide's claims

    /** Checks, for one site: AWS about 3x+ a bare-metal cloud; the EBS drive about as much as the server. */
    List<ClaimCheck> claims(SiteCost sc) {
        List<ClaimCheck> out = new ArrayList<>(likeForLike(sc));
        Optional<CostOption> metal = best(sc, CostOptionKind.BARE_METAL, null);
        for (CostOptionKind kind : List.of(CostOptionKind.AWS_INCUS, CostOptionKind.AWS_LIFT_SHIFT)) {
            for (AwsCommitment c : List.of(AwsCommitment.ON_DEMAND, AwsCommitment.THREE_YEAR)) {
                Optional<CostOption> aws = best(sc, kind, c);
                String claim = "AWS costs about 3x or more a bare-metal cloud (" + kind.id() + ", " + c.id() + ")";
                if (metal.isEmpty() || aws.isEmpty()) {
                    out.add(new ClaimCheck(claim, sc.site(), null, null, "cannot be checked for site '" + sc.site() + "': "
                            + (metal.isEmpty() ? "no fully priced bare-metal option" : "no fully priced " + kind.id() + " " + c.id() + " option")));
                    continue;
                }
                double awsCs = computeAndStorage(aws.get());
                double metalCs = computeAndStorage(metal.get());
                if (metalCs <= 0) {
                    out.add(new ClaimCheck(claim, sc.site(), null, null, "cannot be checked: the bare-metal option costs nothing for compute"));
                    continue;
                }
                double ratio = awsCs / metalCs;
                double all = aws.get().tcoUsd() / metal.get().tcoUsd();
                boolean holds = ratio >= 3.0 - 1e-9;
                out.add(new ClaimCheck(claim, sc.site(), round3(ratio), holds, "site '" + sc.site() + "': for compute and storage "
                        + aws.get().label() + " costs " + num(round2(ratio)) + "x " + metal.get().label() + " over " + sc.months() + " months ("
                        + usd(awsCs) + " vs " + usd(metalCs) + "; with transfer and backups " + num(round2(all)) + "x): the catalog "
                        + (holds ? "bears out" : "does not bear out") + " the chuck-stack Incus guide's 3x+"));
            }
        }
        for (CostOptionKind kind : List.of(CostOptionKind.AWS_LIFT_SHIFT, CostOptionKind.AWS_INCUS)) {
            Optional<CostOption> aws = best(sc, kind, AwsCommitment.ON_DEMAND);
            String claim = "the EBS drive costs about as much as the server (" + kind.id() + ", on-demand)";
            if (aws.isEmpty() || aws.get().series().isEmpty()) {
                out.add(new ClaimCheck(claim, sc.site(), null, null, "cannot be checked for site '" + sc.site() + "': no fully priced " + kind.id() + " option"));
                continue;
            }
            MonthCost first = aws.get().series().get(0);
            double compute = first.amount(CostComponent.COMPUTE);
            double ebs = first.amount(CostComponent.EBS);
            if (compute <= 0) {
                out.add(new ClaimCheck(claim, sc.site(), null, null, "cannot be checked: no EC2 cost"));
                continue;
            }
            double ratio = ebs / compute;
            boolean holds = ratio >= 2.0 / 3 && ratio <= 1.5;
            out.add(new ClaimCheck(claim, sc.site(), round3(ratio), holds, "site '" + sc.site() + "', " + aws.get().label() + ": EBS "
                    + usd(ebs) + " a month is " + num(round2(ratio)) + "x the EC2 instances' " + usd(compute) + " ("
                    + (holds ? "about as much, as the guide says" : ratio < 2.0 / 3 ? "much less than the guide's 'about the same'" : "much more than the guide's 'about the same'") + ")"));
        }
        return out;
    }

    /**
     * The guide's claims on one server: each bare-metal server of the site against the cheapest EC2 type with at least
     * its vCPU (threads x cpu score), memory and GPUs, plus EBS gp3 for its drives (OS + data, GB converted to GiB).
     */
    List<ClaimCheck> likeForLike(SiteCost sc) {
        List<ClaimCheck> out = new ArrayList<>();
        Optional<PriceItem> gp3 = prices.item(PriceIds.EBS_GP3_GB_MONTH);
        for (CostOption o : sc.options()) {
            if (o.kind() != CostOptionKind.BARE_METAL) {
                continue;
            }
            Hardware server = catalog.hardware(o.hardwareId()).orElse(null);
            if (server == null) {
                continue;
            }
            String claim = "AWS costs about 3x or more a bare-metal cloud (one " + server.id() + " server, like for like)";
            Double rent = server.rentalUsdFor(assume.hoursPerMonth());
            Workload same = new Workload(server.id(), WorkloadKind.VM, 1, server.threads() * (server.cpuScore() > 0 ? server.cpuScore() : 1.0),
                    server.memoryGib(), 0, server.gpuCount(), false, 0, 0, 0, 0, 0, null);
            Optional<Hardware> ec2 = cheapestFit(same, catalog.hardware(HardwareCategory.CLOUD).stream()
                    .filter(h -> h.cpuArch() == server.cpuArch()).toList());
            if (rent == null || ec2.isEmpty() || gp3.isEmpty()) {
                out.add(new ClaimCheck(claim, sc.site(), null, null, "cannot be checked for " + server.id() + ": "
                        + (rent == null ? "the server has no rate" : ec2.isEmpty() ? "no EC2 type has its " + num(same.vcpu()) + " vCPU and "
                        + num(server.memoryGib()) + " GiB" : "no EBS gp3 price")));
                continue;
            }
            double ec2Month = monthlyRate(ec2.get());
            double diskGib = (server.osDiskGb() + server.rawDataGb()) / GB_PER_GIB;
            double ebs = diskGib * gp3.get().value();
            double d3 = discount(AwsCommitment.THREE_YEAR);
            double ratio = (ec2Month + ebs) / rent;
            double ratio3 = (ec2Month * (1 - d3) + ebs) / rent;
            boolean holds = ratio >= 3.0 - 1e-9;
            out.add(new ClaimCheck(claim, sc.site(), round3(ratio), holds, server.name() + " rents for " + usd(rent) + " a month; the cheapest EC2 type with "
                    + num(round2(same.vcpu())) + " vCPU and " + num(server.memoryGib()) + " GiB is " + ec2.get().id() + " at " + usd(Money.round(ec2Month))
                    + " plus EBS gp3 for its " + num(server.osDiskGb() + server.rawDataGb()) + " GB of drives " + usd(Money.round(ebs)) + ": "
                    + num(round2(ratio)) + "x on-demand, " + num(round2(ratio3)) + "x with the 3-year commitment (estimate); the catalog "
                    + (holds ? "bears out" : "does not bear out") + " the chuck-stack Incus guide's 3x+ (" + server.priceAge() + (server.estimate() ? ", an estimate" : "") + ")"));
            double ebsRatio = ebs / ec2Month;
            boolean same2 = ebsRatio >= 2.0 / 3 && ebsRatio <= 1.5;
            out.add(new ClaimCheck("the EBS drive costs about as much as the server (like " + server.id() + ")", sc.site(), round3(ebsRatio), same2,
                    "EBS gp3 for " + num(server.osDiskGb() + server.rawDataGb()) + " GB costs " + usd(Money.round(ebs)) + " a month, "
                            + num(round2(ebsRatio)) + "x the " + ec2.get().id() + "'s " + usd(Money.round(ec2Month))
                            + (same2 ? " (about as much, as the guide says)" : ebsRatio < 2.0 / 3 ? " (much less than the guide's 'about the same')" : " (more than the guide's 'about the same')")));
        }
        return out;
    }

    /** Everything but data transfer and backups: what "similar compute and storage" compares. */
    static double computeAndStorage(CostOption o) {
        long c = 0;
        for (Map.Entry<CostComponent, Double> e : o.totals().entrySet()) {
            if (e.getKey() != CostComponent.TRANSFER && e.getKey() != CostComponent.BACKUP && e.getValue() != null) {
                c += Money.cents(e.getValue());
            }
        }
        return Money.fromCents(c);
    }

    private static Optional<CostOption> best(SiteCost sc, CostOptionKind kind, AwsCommitment c) {
        return sc.options().stream().filter(CostOption::complete).filter(o -> o.kind() == kind && (c == null || o.commitment() == c))
                .min(Comparator.comparingDouble(CostOption::tcoUsd));
    }

    /**
     * The guide's capex claim for an owned option: the initial hosts' purchase (month 1 bill of materials) against
     * the guide's figure, within {@code tolerancePct}.
     */
    public static ClaimCheck capexClaim(CostOption owned, double guideUsd, double tolerancePct, String site) {
        String claim = "hosts cost about " + usd(guideUsd) + " (the chuck-stack Incus guide)";
        if (owned.kind() != CostOptionKind.OWNED || owned.bom().isEmpty()
                || owned.bom().stream().anyMatch(b -> b.month() == 1 && b.totalUsd() == null)) {
            return new ClaimCheck(claim, site, null, null, "cannot be checked: the month-1 bill of materials is not fully priced");
        }
        double capex = owned.capexUsd();
        double ratio = capex / guideUsd;
        boolean holds = Math.abs(ratio - 1) <= tolerancePct / 100.0 + 1e-9;
        BomLine host = owned.bom().get(0);
        return new ClaimCheck(claim, site, round3(ratio), holds, owned.hostsStart() + " hosts of " + owned.hardwareId() + " cost "
                + usd(capex) + " in month 1, " + num(round2((ratio - 1) * 100)) + " % against the guide's " + usd(guideUsd)
                + (holds ? " (within " + num(tolerancePct) + " %)" : " (outside " + num(tolerancePct) + " %)")
                + "; price source: " + host.source() + (host.sourceDate() == null ? "" : ", " + host.sourceDate()));
    }

    private static double round2(double v) {
        return Math.round(v * 100.0) / 100.0;
    }

    private static double round3(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }

    // ------------------------------------------------------------------ the month-by-month ledger

    /** Collects cent-rounded amounts per month and component, and what is missing. */
    final class Ledger {
        private final List<EnumMap<CostComponent, Long>> cents = new ArrayList<>();
        private final Double[] kwh;
        private final Set<CostComponent> missingComponents = new LinkedHashSet<>();
        private final Set<String> missing = new LinkedHashSet<>();

        Ledger(int months) {
            for (int i = 0; i < months; i++) {
                cents.add(new EnumMap<>(CostComponent.class));
            }
            kwh = new Double[months];
        }

        void add(int month, CostComponent c, double usd) {
            cents.get(month - 1).merge(c, Money.cents(usd), Long::sum);
        }

        void energy(int month, double value) {
            kwh[month - 1] = Math.round(value * 1000.0) / 1000.0;
        }

        void missing(CostComponent c, String why) {
            missingComponents.add(c);
            missing.add(why);
        }

        void backup(List<Site> byYear, CostEngine engine, List<Explanation> ex) {
            for (int m = 1; m <= cents.size(); m++) {
                engine.backup(this, m, byYear.get(Math.min((m - 1) / 12, byYear.size() - 1)), ex);
            }
        }

        CostOption option(String id, CostOptionKind kind, String label, String hardwareId, AwsCommitment c, boolean estimate,
                          int[] hostsByYear, int[] hostsInService, Double amortised, List<Site> byYear, List<BomLine> bom,
                          List<Explanation> ex, List<Finding> findings, CostSettings settings) {
            List<MonthCost> series = new ArrayList<>();
            EnumMap<CostComponent, Long> totals = new EnumMap<>(CostComponent.class);
            long running = 0;
            long instanceMonths = 0;
            double r = settings.discountRatePct() / 100.0;
            double npv = 0;
            for (int m = 1; m <= cents.size(); m++) {
                int y = Math.min((m - 1) / 12, hostsByYear.length - 1);
                EnumMap<CostComponent, Long> row = cents.get(m - 1);
                long total = 0;
                Map<CostComponent, Double> amounts = new EnumMap<>(CostComponent.class);
                for (Map.Entry<CostComponent, Long> e : row.entrySet()) {
                    total += e.getValue();
                    totals.merge(e.getKey(), e.getValue(), Long::sum);
                    amounts.put(e.getKey(), Money.fromCents(e.getValue()));
                }
                running += total;
                int instances = byYear.get(y).instanceCount();
                instanceMonths += instances;
                npv += Money.fromCents(total) / Math.pow(1 + r, (m - 1) / 12.0);
                series.add(new MonthCost(m, instances, hostsInService[y], amounts, Money.fromCents(total), Money.fromCents(running), kwh[m - 1]));
            }
            boolean complete = missing.isEmpty();
            Map<CostComponent, Double> totalMap = new EnumMap<>(CostComponent.class);
            totals.forEach((k, v) -> totalMap.put(k, Money.fromCents(v)));
            for (CostComponent mc : missingComponents) {
                totalMap.put(mc, null);
            }
            MonthCost first = series.get(0);
            double capex = first.amount(CostComponent.HARDWARE) + first.amount(CostComponent.SETUP);
            double monthly = Money.round(first.totalUsd() - capex);
            Double tco = complete ? Money.fromCents(running) : null;
            Double npvUsd = complete ? Money.round(npv) : null;
            Double perInstance = complete && instanceMonths > 0 ? Money.round(Money.fromCents(running) / instanceMonths) : null;
            if (complete) {
                ex.add(new Explanation("total over " + cents.size() + " months", tco, "USD",
                        "sum of the monthly series = " + usd(tco), ""));
                ex.add(new Explanation("net present value", npvUsd, "USD", "sum over months m of cost(m) / (1 + "
                        + num(settings.discountRatePct()) + " %)^((m - 1) / 12) = " + usd(npvUsd), "CostSettings.discountRatePct"));
                ex.add(new Explanation("cost per instance per month", perInstance, "USD", usd(tco) + " / " + instanceMonths
                        + " instance-months = " + usd(perInstance), ""));
            }
            return new CostOption(id, kind, label, hardwareId, c, estimate, hostsInService[0], hostsInService[hostsInService.length - 1],
                    Money.round(capex), monthly, amortised, totalMap, tco, npvUsd, perInstance, first.energyKwh(),
                    series, bom, new ArrayList<>(missing), ex, findings);
        }
    }
}
