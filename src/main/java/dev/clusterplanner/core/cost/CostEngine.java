package dev.clusterplanner.core.cost;

import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.CostSettings;
import dev.clusterplanner.core.model.CostSettings.AwsCommitment;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareCategory;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.Workload;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.clusterplanner.core.cost.Money.usd;

/**
 * The cost model: each site's options (owned hardware, bare-metal rental, AWS lift-and-shift, Incus hosts on
 * EC2) costed month by month over the horizon, compared, with break-even months, NPV and the chuck-stack Incus guide's claims
 * checked. This class puts the parts together: one costing per option kind ({@link OwnedCosting},
 * {@link RentalCosting}, {@link AwsIncusCosting}, {@link LiftAndShiftCosting}), AWS storage pricing
 * ({@link AwsStoragePricing}), the month-by-month {@link Ledger}, the shared arithmetic ({@link SiteQuantities}) and
 * the claim checks ({@link ClaimChecks}). Electricity and colocation come from the power model. Pure: the same inputs
 * give the same result. Formulas and defaults: README, "Cost".
 */
public final class CostEngine {

    private final CostSettings settings;
    private final Catalog catalog;
    private final OwnedCosting owned;
    private final RentalCosting rental;
    private final AwsIncusCosting awsIncus;
    private final LiftAndShiftCosting liftAndShift;
    private final ClaimChecks claimChecks;
    private final HostSizer sizer;
    private final MixedCosting mixed;

    public CostEngine(Catalog catalog, CostSettings settings, CostAssumptions assumptions, HostSizer sizer) {
        this.catalog = catalog;
        this.settings = settings == null ? CostSettings.DEFAULT : settings;
        CostAssumptions assume = assumptions == null ? CostAssumptions.DEFAULT : assumptions;
        if (this.settings.years() < 1) {
            throw new IllegalArgumentException("the cost horizon must be at least 1 year, got " + this.settings.years());
        }
        Prices prices = new Prices(catalog);
        this.sizer = sizer == null ? SizingHostSizer.INSTANCE : sizer;
        CostModelPart.Inputs in = new CostModelPart.Inputs(catalog, prices, this.settings, assume,
                this.sizer, new AwsStoragePricing(prices, assume));
        this.owned = new OwnedCosting(in);
        this.rental = new RentalCosting(in);
        this.awsIncus = new AwsIncusCosting(in);
        this.liftAndShift = new LiftAndShiftCosting(in);
        this.claimChecks = new ClaimChecks(in);
        this.mixed = new MixedCosting(in);
    }

    /** The plan costed with the default assumptions, the sizing engine's hosts and the linear power model. */
    public static PlanCost compare(Plan plan, Catalog catalog) {
        return new CostEngine(catalog, plan.cost(), CostAssumptions.DEFAULT, null).plan(plan);
    }

    private int months() {
        return settings.months();
    }

    public PlanCost plan(Plan plan) {
        return plan(plan, List.of());
    }

    /**
     * The plan costed with mixed options too: {@code mixes.get(i)} are site i's (may be shorter than the sites: none).
     * Each is costed from its parts ({@link MixedCosting}) and compared with the site's other options.
     */
    public PlanCost plan(Plan plan, List<List<MixedHosts>> mixes) {
        List<SiteCost> sites = new ArrayList<>();
        for (int i = 0; i < plan.sites().size(); i++) {
            sites.add(site(plan.sites().get(i), i < mixes.size() ? mixes.get(i) : List.of()));
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
                        + ", " + (margin == 0 ? "as much as " + kinds.get(1).key()
                        : usd(margin) + " less than " + kinds.get(1).key() + " (" + usd(kinds.get(1).tcoUsd()) + ")") + ".";
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
            claims.addAll(claimChecks.check(sc));
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
        return site(site, List.of());
    }

    /** The site's options, its mixed options ({@link MixedHosts}) among them. */
    public SiteCost site(Site site, List<MixedHosts> mixes) {
        List<Site> byYear = new ArrayList<>();
        for (int y = 0; y < settings.years(); y++) {
            byYear.add(SiteQuantities.grown(site, y));
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
                case DESKTOP, RACK -> options.add(owned.cost(site, byYear, h));
                case BAREMETAL_CLOUD -> options.add(rental.cost(site, byYear, h));
                case CLOUD -> {
                    awsIncusListed = true;
                    for (AwsCommitment c : AwsCommitment.values()) {
                        options.add(awsIncus.cost(site, byYear, h, c, "listed in the site's hardware"));
                    }
                }
            }
        }
        // keep and add: the owned hosts plus the fewest new hosts of each bought candidate (one option when they need none)
        OwnedFleet fleet = OwnedFleet.of(site, catalog);
        if (!fleet.isEmpty() && site.kind() == dev.clusterplanner.core.model.SiteKind.CLUSTER) {
            Set<String> keepIds = new LinkedHashSet<>();
            for (String id : site.hardware()) {
                Optional<Hardware> hw = catalog.hardware(id);
                if (hw.isEmpty() || !hw.get().category().isOwned()) {
                    continue;
                }
                KeepSizing keep = KeepSizing.of(sizerOf(), byYear, fleet, hw.get());
                if (keep == null) {
                    findings.add(Finding.info("cost.keep-no-fit", "site '" + site.name() + "': the owned hosts plus " + id
                            + " do not place every instance", ""));
                    continue;
                }
                CostOption o = owned.cost(site, byYear, hw.get(), fleet, keep);
                if (keepIds.add(o.id())) {
                    options.add(o);
                }
            }
        }
        for (MixedHosts m : mixes) {
            options.add(mixed.cost(site, byYear, m));
        }
        // x86 types only: an x86 VM or container image moves to them unchanged; an Arm (Graviton) type needs a rebuild
        List<Hardware> cloud = catalog.hardware(HardwareCategory.CLOUD).stream()
                .filter(Hardware::rented).filter(h -> !h.arm()).toList();
        if (!awsIncusListed && !cloud.isEmpty()) {
            Optional<Hardware> host = awsIncus.bestHost(site, byYear.get(0), cloud);
            if (host.isPresent()) {
                for (AwsCommitment c : AwsCommitment.values()) {
                    options.add(awsIncus.cost(site, byYear, host.get(), c, AwsIncusCosting.reason(site)));
                }
            } else {
                findings.add(Finding.info("cost.no-aws-incus-host", "site '" + site.name()
                        + "': no EC2 type in the catalog can host this site's Incus cluster", ""));
            }
        }
        if (!cloud.isEmpty()) {
            for (AwsCommitment c : AwsCommitment.values()) {
                options.add(liftAndShift.cost(site, byYear, cloud, c));
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
                        + usd(ranked.get(0).tcoUsd()) + ", " + (margin == 0 ? "as much as " + ranked.get(1).label()
                        : usd(margin) + " less than " + ranked.get(1).label() + " (" + usd(ranked.get(1).tcoUsd()) + ")") + ".";
            } else {
                summary = "Site '" + site.name() + "': " + ranked.get(0).label() + " costs " + usd(ranked.get(0).tcoUsd())
                        + " over " + months() + " months; no other option is fully priced.";
            }
        }
        List<BreakEven> breakEvens = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            for (int j = i + 1; j < options.size(); j++) {
                if (options.get(i).complete() && options.get(j).complete()) {
                    breakEvens.add(BreakEven.between(options.get(i), options.get(j)));
                }
            }
        }
        return new SiteCost(site.name(), months(), options, cheapest, margin, summary, breakEvens, findings);
    }

    private HostSizer sizerOf() {
        return sizer;
    }

    /** A site's workloads in year {@code year} (0-based): see {@link SiteQuantities#grown}. */
    public static Site grown(Site site, int year) {
        return SiteQuantities.grown(site, year);
    }

    /** The break-even of two options: see {@link BreakEven#between}. */
    public static BreakEven breakEven(CostOption a, CostOption b) {
        return BreakEven.between(a, b);
    }

    /** The cheapest EC2 type for one instance: see {@link LiftAndShiftCosting#cheapestFit}. */
    public static Optional<Hardware> cheapestFit(Workload w, List<Hardware> cloud) {
        return LiftAndShiftCosting.cheapestFit(w, cloud);
    }

    /** The guide's capex claim for an owned option: see {@link ClaimChecks#capexClaim}. */
    public static ClaimCheck capexClaim(CostOption owned, double guideUsd, double tolerancePct, String site) {
        return ClaimChecks.capexClaim(owned, guideUsd, tolerancePct, site);
    }
}
