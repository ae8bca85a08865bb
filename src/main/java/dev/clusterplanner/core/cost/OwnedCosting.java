package dev.clusterplanner.core.cost;

import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareCategory;
import dev.clusterplanner.core.model.PriceItem;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.core.power.PowerAnalysis;
import dev.clusterplanner.core.power.PowerPlanner;
import dev.clusterplanner.core.storage.NetworkPlanner;
import dev.clusterplanner.core.storage.StoragePlanner;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.clusterplanner.core.cost.Money.num;
import static dev.clusterplanner.core.cost.Money.usd;
import static dev.clusterplanner.core.cost.SiteQuantities.hostRawNeedFormula;
import static dev.clusterplanner.core.cost.SiteQuantities.hostRawNeedGb;

/**
 * The owned option: hosts bought (with a GPU, a faster card and a switch where the plan needs them, and data drives
 * where the hosts' disks fall short), replaced at the end of their life, credited their salvage or book value, with
 * support, electricity and colocation from the power model and S3 backups, month by month.
 */
final class OwnedCosting extends CostModelPart {

    /** The figures of the power analysis that explain electricity and colocation. */
    private static final Set<String> POWER_FIGURES = Set.of("utilisation", "powerWatts", "facilityWatts", "energyKwhMonth",
            "electricityUsdMonth", "colocationUsdMonth");

    OwnedCosting(Inputs in) {
        super(in);
    }

    /**
     * The port speed the plan's network analysis asks of {@code count} hosts like {@code hw} in the first year (for Ceph at
     * least 10 Gb/s): what an owned host below it gets a card, and a cluster a switch, for.
     */
    static double requiredNicGbps(Site site, Hardware hw, int count) {
        List<Hardware> hosts = Collections.nCopies(Math.max(1, count), hw);
        return NetworkPlanner.analyse(site, hosts, StoragePlanner.analyse(site, hosts, 1)).nicGbpsRequired();
    }

    /** The owned option of {@code hw0} for the site, its workloads grown by year in {@code byYear}. */
    CostOption cost(Site site, List<Site> byYear, Hardware hw0) {
        return cost(site, byYear, hw0, null, null);
    }

    /**
     * With {@code fleet}: the "keep and add" option: the owned hosts (no purchase, no salvage, support on their price,
     * power and colocation) plus {@code newByYear[y]} new hosts of hw0 in year y (from the sizing engine); its id is
     * {@code keep:<hw0 id>}, or {@code keep:none} when no new host is ever needed.
     */
    CostOption cost(Site site, List<Site> byYear, Hardware hw0, OwnedFleet fleet, KeepSizing keep) {
        boolean keeping = fleet != null;
        int[] newByYear = keeping ? keep.newHostsByYear() : null;
        boolean adds = !keeping || java.util.Arrays.stream(newByYear).anyMatch(n -> n > 0);
        // the id follows the first year, as the sizing's option does (one "keep:none" when the owned hosts carry year 1)
        String id = keeping ? KeepSizing.costId(newByYear[0] > 0 ? hw0.id() : null) : "owned:" + hw0.id();
        String label = keeping ? keep.label() : "owned " + hw0.name();
        CostOptionKind kind = keeping ? CostOptionKind.KEEP_AND_ADD : CostOptionKind.OWNED;
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
        int[] hostsByYear = keeping ? newByYear : hosts(byYear, hw, ex, findings);
        if (keeping) {
            ex.addAll(keep.explanations());
            findings.addAll(keep.findings());
        }
        if (hostsByYear == null) {
            return unfit(id, kind, label, hw0, null, ex, findings);
        }
        int ownedHosts = keeping ? fleet.hostCount() : 0;
        // parts per host
        PriceItem nic = null;
        PriceItem sw = null;
        boolean asked = assume.requiredNicGbps() > 0;  // an explicit assumption applies to every owned host
        double need = asked ? assume.requiredNicGbps() : requiredNicGbps(site, hw, hostsByYear[0] + ownedHosts);
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
            if (hostsByYear[0] + ownedHosts > 1 && hostsByYear[0] > 0) {
                sw = prices.cheapestPart(PriceIds.SWITCH_PREFIX, need).orElse(null);
                if (sw == null) {
                    led.missing(CostComponent.HARDWARE, "no switch of " + num(need) + " Gb/s or more is priced in the catalog");
                }
            }
        }
        if (hw0.priceUsd() == null && adds) {
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
                String why = (y == 0 ? "initial hosts" : "growth in year " + (y + 1) + " needs " + want + " hosts")
                        + (keeping ? " besides the " + ownedHosts + " owned" : "");
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
            double needGb = hostRawNeedGb(byYear.get(y), site, owned + ownedHosts);
            double perHostGb = rawGb(site, hw);
            double haveGb = owned * perHostGb + ownedDriveTb * 1000.0 + (keeping ? fleet.hosts().stream().mapToDouble(h -> rawGb(site, h)).sum() : 0);
            if (needGb > haveGb + 1e-6) {
                int addTb = (int) Math.ceil((needGb - haveGb) / 1000.0 - 1e-9);
                String why = "storage needs " + num(Prices.round2(needGb)) + " GB raw (" + hostRawNeedFormula(byYear.get(y), site, owned + ownedHosts)
                        + "); " + (keeping ? ownedHosts + " owned hosts + " : "") + owned + " hosts x " + num(perHostGb) + " GB"
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
        int[] inService = ownedCounts(hostsByYear);
        if (keeping) {
            // the owned hosts: support on their price each month, their price shown as sunk; they run every month
            Double ownedSupport = fleet.supportUsdMonth(settings.supportPctPerYear());
            ex.add(fleet.supportExplanation(settings.supportPctPerYear()));
            bom.addAll(0, fleet.sunkLines());
            if (ownedSupport == null) {
                led.missing(CostComponent.SUPPORT, "support of the owned hosts needs their price: give priceUsd in the plan's owned entry"
                        + " or a catalog price");
            } else {
                for (int m = 1; m <= months(); m++) {
                    led.add(m, CostComponent.SUPPORT, ownedSupport);
                }
            }
            for (int y = 0; y < inService.length; y++) {
                inService[y] += ownedHosts;
            }
        }
        boolean powerMissing = false;
        boolean coloMissing = false;
        Map<Long, PowerAnalysis> powerCache = new LinkedHashMap<>();
        for (int m = 1; m <= months(); m++) {
            int y = Ledger.yearOf(m, hostsByYear.length);
            int hosts = inService[y];
            final Hardware powered = hw;
            PowerAnalysis pa = powerCache.computeIfAbsent(((long) y << 32) | hosts, k -> keeping
                    ? PowerPlanner.analyse(byYear.get(y), withNew(fleet.hosts(), powered, hosts - ownedHosts))
                    : PowerPlanner.analyse(byYear.get(y), powered, hosts));
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
            led.missing(CostComponent.ELECTRICITY, "the catalog has no idle/maximum watts for " + (keeping ? "some of the hosts" : hw.id())
                    + ", so electricity is missing");
        }
        if (coloMissing) {
            led.missing(CostComponent.COLOCATION, "colocation per kW needs the watts of " + (keeping ? "every host" : hw.id()));
        }
        storage.backup(led, byYear, ex);
        Double amortised = null;
        if (hw0.priceUsd() != null && adds) {
            double capex1 = Money.sum(bom.stream().filter(b -> b.month() == 1 && b.totalUsd() != null).map(BomLine::totalUsd).toList());
            amortised = Money.round(capex1 * (1 - s) / lifeMonths);
            ex.add(new Explanation("amortisation per month", amortised, "USD per month",
                    "straight line: (month-1 purchases " + usd(capex1) + " - salvage " + num(settings.salvagePct()) + " %) / " + lifeMonths
                            + " months = " + usd(amortised) + " (an accounting view; the totals count cash when it is paid)", "CostSettings.salvagePct"));
        }
        if (hw0.priceUsd() == null && adds) {
            findings.add(Finding.warning("cost.price-missing", hw0.id() + " has no purchase price: owned capex is missing", hw0.source()));
        }
        return led.option(id, kind, label, adds ? hw0.id() : "", null, (adds && hw0.estimate()) || any(bom), hostsByYear, inService,
                amortised, byYear, bom, ex, findings, settings);
    }

    /** The owned hosts followed by {@code added} hosts of {@code hw}. */
    private static List<Hardware> withNew(List<Hardware> owned, Hardware hw, int added) {
        List<Hardware> all = new ArrayList<>(owned);
        all.addAll(Collections.nCopies(Math.max(0, added), hw));
        return all;
    }

    /** Raw data capacity of one host in GB: its data drives, or its OS disk under local storage. */
    private static double rawGb(Site site, Hardware h) {
        return h.rawDataGb() > 0 ? h.rawDataGb() : (site.policy().storageMode() == StorageMode.CEPH ? 0 : h.osDiskGb());
    }

    private static boolean any(List<BomLine> bom) {
        return bom.stream().anyMatch(BomLine::estimate);
    }

    /** Hosts in service each year: owned hosts are never sold early, so the running maximum of the hosts needed. */
    private static int[] ownedCounts(int[] hostsByYear) {
        int[] out = new int[hostsByYear.length];
        int max = 0;
        for (int i = 0; i < out.length; i++) {
            max = Math.max(max, hostsByYear[i]);
            out[i] = max;
        }
        return out;
    }

    private PriceItem drivePart(Hardware hw) {
        String type = hw.dataDiskType() == null ? "nvme" : hw.dataDiskType().id();
        Optional<PriceItem> same = prices.cheapestPart(PriceIds.DRIVE_PER_TB_PREFIX + type, 0);
        return same.orElseGet(() -> prices.cheapestPart(PriceIds.DRIVE_PER_TB_PREFIX, 0).orElse(null));
    }

    private static boolean needsGpu(Site site) {
        return site.workloads().stream().anyMatch(w -> w.gpu() > 0);
    }

    private static Hardware withOneGpu(Hardware h, PriceItem gpu) {
        return new Hardware(h.id(), h.name(), h.category(), h.vendor(), h.cpuModel(), h.sockets(), h.cores(), h.threads(), h.baseGhz(),
                h.cpuScore(), h.memoryGib(), h.priceUsd(), h.monthlyUsd(), h.hourlyUsd(), h.setupUsd(), h.osDiskGb(), h.dataDisks(),
                h.dataDiskGb(), h.dataDiskType(), h.nicPorts(), h.nicGbps(), gpu.name(), 1, 0, 0, h.rackUnits(), h.powerIdleW(),
                h.powerMaxW(), h.region(), h.source(), h.sourceDate(), h.estimate(), h.notes(), h.billing(), h.cpuArch(), h.runsVms(), h.available());
    }

    private record Purchase(int month, String item, String name, int qty, Double unitUsd, String reason, String source,
                            LocalDate sourceDate, boolean estimate) {
    }
}
