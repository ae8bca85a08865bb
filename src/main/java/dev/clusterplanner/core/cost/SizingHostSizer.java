package dev.clusterplanner.core.cost;

import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.sizing.HostCost;
import dev.clusterplanner.core.sizing.SizingOption;
import dev.clusterplanner.core.sizing.SizingResult;
import dev.clusterplanner.core.sizing.Sizer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hosts from the sizing engine: the homogeneous cluster of one hardware that places every instance and passes the
 * failure check. This is what the application costs, so the cost of a scenario is the cost of the hosts the sizing shows.
 */
public final class SizingHostSizer implements HostSizer {

    public static final SizingHostSizer INSTANCE = new SizingHostSizer();

    @Override
    public SizedHosts size(Site site, Hardware hw) {
        try {
            var result = Sizer.size(site, List.of(hw), HostCost.simple(12));
            return of(result, hw);
        } catch (IllegalArgumentException e) {
            return SizedHosts.cannotFit(e.getMessage());
        }
    }

    /** The homogeneous option of {@code hw} in a sizing result as the cost model's host count (or why it cannot fit). */
    public static SizedHosts of(SizingResult result, Hardware hw) {
        SizingOption o = result.options().stream()
                .filter(x -> !x.mixed() && x.hardwareIds().get(0).equals(hw.id())).findFirst().orElse(null);
        if (o == null) {
            return SizedHosts.cannotFit("the sizing engine gave no option for " + hw.id());
        }
        if (!o.feasible()) {
            String why = o.placement().unplaced().isEmpty() ? o.explanation()
                    : o.placement().unplaced().get(0).instance() + ": " + o.placement().unplaced().get(0).reason();
            return SizedHosts.cannotFit(why);
        }
        return SizedHosts.of(o.hosts(), new Explanation("hosts of " + hw.id(), o.hosts(), "hosts", o.explanation(),
                "sizing engine: placement with failure check (" + o.failureCheck().summary() + ")"));
    }

    /**
     * The keep-and-add option of a sizing result that adds hosts of {@code id}, or the one that adds none (the owned hosts
     * alone carry everything: then they do with any candidate); empty when the result has neither.
     */
    static Optional<SizingOption> keepOption(SizingResult r, String id) {
        Optional<SizingOption> adds = r.options().stream().filter(SizingOption::keepAndAdd)
                .filter(o -> o.newHostsByHardware().keySet().equals(java.util.Set.of(id))).findFirst();
        if (adds.isPresent()) {
            return adds;
        }
        return r.options().stream().filter(o -> o.keepAndAdd() && o.newHostsByHardware().isEmpty()).findFirst();
    }

    /**
     * A host sizer that reads the sizing already done for a site (an equal {@code Site}: sizing is deterministic) instead
     * of sizing it again, and remembers what it sizes itself (grown years, hardware that is not a candidate of the
     * site), so one plan's analysis sizes each (site, hardware) once.
     */
    public static HostSizer reusing(Map<Site, SizingResult> analysed) {
        Map<Site, SizingResult> done = new HashMap<>(analysed);
        Map<Site, Map<String, SizedHosts>> memo = new HashMap<>();
        Map<Site, Map<String, Optional<SizingOption>>> keepMemo = new HashMap<>();
        return new HostSizer() {
            @Override
            public SizedHosts size(Site site, Hardware hw) {
                return memo.computeIfAbsent(site, s -> new HashMap<>()).computeIfAbsent(hw.id(), id -> {
                    SizingResult r = done.get(site);
                    if (r != null && r.options().stream().anyMatch(o -> !o.mixed() && o.hardwareIds().get(0).equals(id))) {
                        return of(r, hw);
                    }
                    return INSTANCE.size(site, hw);
                });
            }

            @Override
            public Optional<SizingOption> keepAndAdd(Site site, List<Hardware> owned, Hardware x) {
                return keepMemo.computeIfAbsent(site, s -> new HashMap<>()).computeIfAbsent(x.id(), id -> {
                    SizingResult r = done.get(site);
                    if (r != null) {
                        Optional<SizingOption> same = keepOption(r, id);
                        if (same.isPresent()) {
                            return same;
                        }
                    }
                    return HostSizer.super.keepAndAdd(site, owned, x);
                });
            }
        };
    }
}
