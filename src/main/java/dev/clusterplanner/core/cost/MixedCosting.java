package dev.clusterplanner.core.cost;

import dev.clusterplanner.core.model.CostSettings.AwsCommitment;
import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Site;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A mixed option (hosts of several rows at once) costed from its parts: each part is costed by its own kind's costing
 * (owned, bare-metal, AWS Incus hosts at the plan's commitment) on the mix's count of its hosts, and the month-by-month
 * series are added up. What belongs to the site rather than to its hosts (S3 backups, data transfer out, EBS volumes and
 * snapshots, which each part would otherwise count for the whole site) is taken once, from the first part that has it. In
 * later years a part grows as its hardware's own cluster grows: ceil(part hosts x hosts in year y / hosts in year 1), an
 * estimate. Known overcount, on the safe side: each owned part buys the drives and the switch the site would need on its
 * own. Hosts already owned are a part of their own: their running costs only (no purchase, replacement or salvage), at
 * the same count every year.
 */
final class MixedCosting extends CostModelPart {

    /** Components that belong to the site, not to its hosts: counted once in a mix. */
    static final Set<CostComponent> SITE_WIDE = EnumSet.of(CostComponent.BACKUP, CostComponent.TRANSFER, CostComponent.EBS,
            CostComponent.SNAPSHOTS);

    private final Inputs in;

    MixedCosting(Inputs in) {
        super(in);
        this.in = in;
    }

    CostOption cost(Site site, List<Site> byYear, MixedHosts mix) {
        String label = mix.label();
        List<Explanation> ex = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<CostOption> parts = new ArrayList<>();
        Set<Integer> ownedParts = new java.util.HashSet<>();
        boolean grows = byYear.stream().anyMatch(s -> !s.equals(byYear.get(0)));
        AwsCommitment commitment = null;
        for (Map.Entry<String, Integer> e : mix.hostsByHardware().entrySet()) {
            Optional<Hardware> found = catalog.hardware(e.getKey());
            if (found.isEmpty()) {
                findings.add(Finding.warning("cost.unknown-hardware", "hardware '" + e.getKey() + "' of the mix is not in the catalog", ""));
                return unfit(mix.id(), CostOptionKind.MIXED, label, null, null, ex, findings);
            }
            Hardware h = found.get();
            int kept = Math.min(e.getValue(), mix.ownedByHardware().getOrDefault(e.getKey(), 0));
            int bought = e.getValue() - kept;
            if (bought > 0) {
                CostOption c = part(site, byYear, h, bought, true);
                commitment = commitment == null ? c.commitment() : commitment;
                parts.add(c);
            }
            if (kept > 0) {
                ownedParts.add(parts.size());
                parts.add(part(site, byYear, h, kept, false));
            }
        }
        Ledger led = new Ledger(months());
        Set<CostComponent> taken = EnumSet.noneOf(CostComponent.class);
        List<BomLine> bom = new ArrayList<>();
        boolean estimate = grows;
        for (int pi = 0; pi < parts.size(); pi++) {
            CostOption p = parts.get(pi);
            // hosts already owned: no purchase, no replacement, no salvage (they run to the horizon's end)
            Set<CostComponent> skip = ownedParts.contains(pi) ? EnumSet.of(CostComponent.HARDWARE, CostComponent.SALVAGE)
                    : EnumSet.noneOf(CostComponent.class);
            Set<CostComponent> here = EnumSet.noneOf(CostComponent.class);
            for (MonthCost m : p.series()) {
                for (Map.Entry<CostComponent, Double> a : m.amounts().entrySet()) {
                    if (SITE_WIDE.contains(a.getKey()) && taken.contains(a.getKey()) || skip.contains(a.getKey())) {
                        continue;
                    }
                    led.add(m.month(), a.getKey(), a.getValue());
                    if (a.getValue() != 0) {
                        here.add(a.getKey());
                    }
                }
            }
            for (Map.Entry<CostComponent, Double> t : p.totals().entrySet()) {
                if (t.getValue() == null && !skip.contains(t.getKey()) && !(SITE_WIDE.contains(t.getKey()) && taken.contains(t.getKey()))) {
                    led.missing(t.getKey(), p.label() + ": " + (p.missing().isEmpty() ? t.getKey().id() + " is missing" : String.join("; ", p.missing())));
                }
            }
            if (p.totals().isEmpty() && !p.missing().isEmpty() && !ownedParts.contains(pi)) {
                led.missing(CostComponent.HARDWARE, p.label() + ": " + String.join("; ", p.missing()));
            }
            taken.addAll(here);
            if (!ownedParts.contains(pi)) {
                bom.addAll(p.bom());
            }
            estimate |= p.estimate();
            for (Explanation x : p.explanations()) {
                ex.add(new Explanation(x.figure() + " (" + p.hardwareId() + ")", x.value(), x.unit(), x.formula(), x.citation()));
            }
            findings.addAll(p.findings());
        }
        // energy and hosts: the parts' sums, month by month
        int months = months();
        int years = byYear.size();
        int[] hosts = new int[years];
        for (int m = 1; m <= months; m++) {
            Double kwh = 0.0;
            for (CostOption p : parts) {
                Double k = p.series().isEmpty() ? null : p.series().get(m - 1).energyKwh();
                kwh = kwh == null || k == null ? null : kwh + k;
            }
            if (kwh != null && !parts.isEmpty()) {
                led.energy(m, kwh);
            }
        }
        for (int y = 0; y < years; y++) {
            for (CostOption p : parts) {
                hosts[y] += p.series().isEmpty() ? 0 : p.series().get(Math.min(months, y * 12 + 1) - 1).hosts();
            }
        }
        Double amortised = 0.0;
        for (int pi = 0; pi < parts.size(); pi++) {
            CostOption p = parts.get(pi);
            if (ownedParts.contains(pi)) {
                continue;
            }
            amortised = amortised == null || p.amortisedMonthlyUsd() == null ? null : amortised + p.amortisedMonthlyUsd();
        }
        ex.add(0, new Explanation("mix", parts.size(), "parts", "each part costed on its own hosts (" + String.join(" + ", mix.hostsByHardware().entrySet().stream().map(e -> e.getValue() + " x " + e.getKey()).toList()) + ") and the monthly"
                + " series added up; backups, data transfer, EBS volumes and snapshots belong to the site and are counted once"
                + (grows ? "; in later years each part grows as its hardware's own cluster does: ceil(part hosts x hosts in year y"
                + " / hosts in year 1), an estimate" : ""), "cost model: mixed option"));
        boolean anyOwned = parts.stream().anyMatch(p -> p.kind() == CostOptionKind.OWNED);
        if (anyOwned && parts.size() > 1) {
            findings.add(Finding.info("cost.mix-parts", label + ": each bought part is costed with the drives and switch the site"
                    + " would need on that part alone, so the mix's purchase may be somewhat high", ""));
        }
        return led.option(mix.id(), CostOptionKind.MIXED, label, String.join("+", mix.hostsByHardware().keySet()), commitment, estimate,
                hosts, hosts, amortised, byYear, bom, ex, findings, settings);
    }

    /**
     * One part costed by its kind's costing on {@code n} hosts of {@code h}; a part already owned keeps its count every
     * year (growth is carried by the bought parts) and is labelled so.
     */
    private CostOption part(Site site, List<Site> byYear, Hardware h, int n, boolean grows) {
        HostSizer sizer = grows ? (s, hw) -> partHosts(s, hw, byYear.get(0), n)
                : (s, hw) -> SizedHosts.of(n, new Explanation("hosts of " + hw.id() + " already owned", n, "hosts", "kept every year", ""));
        Inputs part = new Inputs(in.catalog(), in.prices(), in.settings(), in.assume(), sizer, in.storage());
        return switch (h.category()) {
            case DESKTOP, RACK -> new OwnedCosting(part).cost(site, byYear, h);
            case BAREMETAL_CLOUD -> new RentalCosting(part).cost(site, byYear, h);
            case CLOUD -> new AwsIncusCosting(part).cost(site, byYear, h, settings.awsCommitment(), "part of the mix");
        };
    }

    /**
     * The part's hosts: its count in the mix in year 1; in a later year grown as the hardware's own cluster grows
     * (ceil(n x hosts in year y / hosts in year 1) by the plan's sizing), or the same count when that cannot be sized.
     */
    SizedHosts partHosts(Site s, Hardware hw, Site first, int n) {
        Explanation why = new Explanation("hosts of " + hw.id() + " in the mix", n, "hosts", "the mix's " + n + " hosts of " + hw.id(), "");
        if (s.equals(first)) {
            return SizedHosts.of(n, why);
        }
        SizedHosts base = in.sizer().size(first, hw);
        SizedHosts later = in.sizer().size(s, hw);
        if (!base.fits() || !later.fits()) {
            return SizedHosts.of(n, why);
        }
        int grown = Math.max(n, (int) Math.ceil(n * (double) later.hosts() / base.hosts() - 1e-9));
        return SizedHosts.of(grown, new Explanation("hosts of " + hw.id() + " in the mix", grown, "hosts", "ceil(" + n + " x "
                + later.hosts() + " / " + base.hosts() + ") = " + grown + ": grown as " + hw.id() + "'s own cluster grows (an estimate)", ""));
    }
}
