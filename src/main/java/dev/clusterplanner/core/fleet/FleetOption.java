package dev.clusterplanner.core.fleet;

import dev.clusterplanner.core.capacity.CephCapacity;
import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.sizing.CapacityModel;
import dev.clusterplanner.core.sizing.Dimension;
import dev.clusterplanner.core.sizing.FailureCheck;
import dev.clusterplanner.core.sizing.PlacedHost;
import dev.clusterplanner.core.sizing.Placement;
import dev.clusterplanner.core.sizing.Sizer;
import dev.clusterplanner.core.sizing.SizingOption;
import dev.clusterplanner.core.sizing.Survival;
import dev.clusterplanner.core.sizing.UnplacedInstance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cheapest fleet as one more sizing option of its site, judged like every other option: hosts named
 * {@code host-1..n} (larger memory first, so the Ceph monitors land on the larger hosts, as in the sizing engine's
 * mixes), instances named as the sizing engine names them ({@code <workload>-<n>}), per-host capacity by the sizing
 * engine's own rule ({@link CapacityModel#capacity}), utilisation and binding dimension by {@link Placement}, and the
 * failure check by the sizing engine's evacuation ({@link Survival#ofWorkloads}, anti-affinity kept). Feasible when every
 * instance is placed, the failure check holds and, under Ceph, the usable capacity holds the instance disks.
 */
public final class FleetOption {

    private FleetOption() {
    }

    /**
     * @param candidates the site's hardware rows (each host's type id is one of them)
     * @throws IllegalArgumentException when a host's type is not one of the candidates
     */
    public static SizingOption of(Site site, List<Hardware> candidates, FleetSolution s, FleetSummary summary) {
        return of(site, candidates, null, s, summary);
    }

    /**
     * As {@link #of(Site, List, FleetSolution, FleetSummary)}; with the {@code problem} solved, hosts of an owned type are
     * the option's owned hosts ({@link SizingOption#ownedByHardware}).
     */
    public static SizingOption of(Site site, List<Hardware> candidates, FleetProblem problem, FleetSolution s, FleetSummary summary) {
        Policy p = site.policy();
        Map<String, Hardware> byId = new LinkedHashMap<>();
        candidates.forEach(h -> byId.putIfAbsent(h.id(), h));
        List<FleetHost> fleetHosts = s.hosts();
        Integer[] order = new Integer[fleetHosts.size()];
        Hardware[] hwOf = new Hardware[fleetHosts.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            String id = fleetHosts.get(i).typeId();
            hwOf[i] = byId.get(id);
            if (hwOf[i] == null) {
                throw new IllegalArgumentException("the fleet's host type '" + id + "' is not one of site '" + site.name() + "''s hardware candidates");
            }
        }
        int mem = Dimension.MEMORY.ordinal();
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -CapacityModel.capacity(hwOf[i], p, CapacityModel.MON_MGR_HOSTS)[mem]));
        int[] position = new int[order.length];
        Hardware[] hosts = new Hardware[order.length];
        for (int r = 0; r < order.length; r++) {
            position[order[r]] = r;
            hosts[r] = hwOf[order[r]];
        }
        List<Workload> ws = site.workloads();
        double[][] wDem = new double[ws.size()][];
        boolean[] antiAffine = new boolean[ws.size()];
        int[][] hostOf = new int[ws.size()][];
        for (int w = 0; w < ws.size(); w++) {
            wDem[w] = CapacityModel.demand(ws.get(w), p);
            antiAffine[w] = ws.get(w).antiAffinity() && ws.get(w).count() > 1;
            hostOf[w] = new int[ws.get(w).count()];
        }
        double[][] caps = new double[hosts.length][];
        double[][] used = new double[hosts.length][Dimension.COUNT];
        List<List<String>> names = new ArrayList<>();
        boolean network = ws.stream().anyMatch(w -> w.bandwidthMbps() > 0);
        for (int h = 0; h < hosts.length; h++) {
            caps[h] = CapacityModel.capacity(hosts[h], p, h, network);
            names.add(new ArrayList<>());
        }
        int[] workloadOf = s.instanceWorkload();
        int[] solHost = s.hostOf();
        int[] next = new int[ws.size()];
        List<UnplacedInstance> unplaced = new ArrayList<>();
        for (int i = 0; i < workloadOf.length; i++) {
            int w = workloadOf[i];
            int ordinal = ++next[w];
            String name = ws.get(w).instanceName(ordinal);
            int h = solHost[i] < 0 ? -1 : position[solHost[i]];
            hostOf[w][ordinal - 1] = h;
            if (h < 0) {
                unplaced.add(new UnplacedInstance(name, ws.get(w).name(), "capacity.full",
                        "the cheapest fleet found has no host for it (" + summary.stoppedBecause() + ")"));
                continue;
            }
            names.get(h).add(name);
            for (int d = 0; d < Dimension.COUNT; d++) {
                used[h][d] += wDem[w][d];
            }
        }
        List<PlacedHost> placed = new ArrayList<>();
        Map<String, Integer> byHardware = new LinkedHashMap<>();
        Map<String, Integer> owned = new LinkedHashMap<>();
        for (int h = 0; h < hosts.length; h++) {
            placed.add(new PlacedHost("host-" + (h + 1), hosts[h].id(), names.get(h), map(used[h]), map(caps[h])));
            byHardware.merge(hosts[h].id(), 1, Integer::sum);
            FleetHost fh = fleetHosts.get(order[h]);
            if (problem != null && problem.types().get(fh.type()).owned()) {
                owned.merge(hosts[h].id(), 1, Integer::sum);
            }
        }
        Placement placement = new Placement(placed, unplaced);
        int k = p.failuresTolerated();
        String over = overCapacity(placed);
        FailureCheck check = over.isEmpty() ? failureCheck(k, caps, wDem, antiAffine, hostOf, unplaced.isEmpty(), placement, ws)
                : new FailureCheck(k, "none", 0, false, "not checked: " + over);
        String placedBy = "";
        if ((!check.holds() || !over.isEmpty()) && unplaced.isEmpty()) {
            // the search keeps the failure rule by volume; when its placement does not heal, the sizing engine places the
            // same hosts itself (its orders, spares and evacuation check) before the fleet is called not feasible
            Optional<Sizer.Placed> own = Sizer.placeOn(site, Arrays.asList(hosts));
            if (own.isPresent() && own.get().failureCheck().holds()) {
                placement = own.get().placement();
                check = own.get().failureCheck();
                placedBy = "; placed by the sizing engine on the same hosts (the search's own placement "
                        + (over.isEmpty() ? "did not heal: " + failureCheck(k, caps, wDem, antiAffine, hostOf, true, new Placement(placed, unplaced), ws)
                        .summary() : "put " + over) + ")";
                over = "";
            }
        }
        Map<Dimension, Double> util = placement.utilisation();
        Dimension binding = Placement.binding(util);
        String ceph = cephShortfall(site, hosts);
        boolean feasible = unplaced.isEmpty() && over.isEmpty() && check.holds() && ceph.isEmpty() && summary.status() != FleetSolution.Status.INFEASIBLE
                && hosts.length > 0;
        StringBuilder mix = new StringBuilder();
        byHardware.forEach((id, n) -> mix.append(mix.length() == 0 ? "" : " + ").append(n).append(" x ").append(id));
        String explanation = hosts.length + " hosts (" + mix + (owned.isEmpty() ? "" : "; already owned: " + owned) + ")" + (binding == null ? "" : ": " + binding.id() + " binds at "
                + Math.round(util.get(binding) * 100) + " %") + "; cheapest fleet " + FleetSummary.usd(summary.costUsd()) + " USD, "
                + summary.sentence() + placedBy + (ceph.isEmpty() ? "" : "; " + ceph);
        List<Explanation> formulas = new ArrayList<>();
        formulas.add(new Explanation("fleetCost", summary.costUsd(), "USD", "sum over the fleet's hosts of each host's cost over the"
                + " horizon (purchase + setup + monthly x months; hosts already owned: running costs only)", "cheapest-fleet search"));
        formulas.add(new Explanation("fleetLowerBound", summary.lowerBoundUsd(), "USD", "the most of: the cheapest set of host types"
                + " (within stock) whose summed capacity covers the summed demand; the bin-packing bound per dimension; the fewest"
                + " hosts the policy asks for; the exact solver's own bound", "cheapest-fleet search"));
        formulas.add(new Explanation("fleetGap", summary.gap(), "fraction", "(" + FleetSummary.usd(summary.costUsd()) + " - "
                + FleetSummary.usd(summary.lowerBoundUsd()) + ") / " + FleetSummary.usd(summary.costUsd()) + " = "
                + FleetSummary.percent(summary.gap()) + ": the answer is at most this far above the cheapest possible fleet",
                "cheapest-fleet search"));
        for (Hardware h : new LinkedHashMap<>(byIdOf(hosts)).values()) {
            formulas.addAll(CapacityModel.explainCapacity(h, p));
        }
        if (binding != null) {
            formulas.add(placement.utilisationFormula(binding));
        }
        int floor = p.storageMode() == StorageMode.CEPH ? Math.max(p.minHosts(), CephCapacity.protectionWidth(p.ceph())) : p.minHosts();
        return new SizingOption(true, byHardware, hosts.length, Math.min(floor, Math.max(hosts.length, 1)), feasible, placement, util,
                binding, check, explanation, formulas, summary.costUsd(), 0, owned);
    }

    private static Map<String, Hardware> byIdOf(Hardware[] hosts) {
        Map<String, Hardware> m = new LinkedHashMap<>();
        for (Hardware h : hosts) {
            m.putIfAbsent(h.id(), h);
        }
        return m;
    }

    private static Map<Dimension, Double> map(double[] v) {
        Map<Dimension, Double> m = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            m.put(d, v[d.ordinal()]);
        }
        return m;
    }

    /** "host-2 over its network capacity (12,000 of 10,000)" for the first host over a capacity by the sizing engine's rule; "" when none is. */
    static String overCapacity(List<PlacedHost> hosts) {
        for (PlacedHost h : hosts) {
            for (Dimension d : Dimension.values()) {
                double used = h.used().getOrDefault(d, 0.0);
                double cap = h.capacity().getOrDefault(d, 0.0);
                if (used > cap + 1e-6 * Math.max(1, cap)) {
                    return h.name() + " over its " + d.id() + " capacity (" + String.format(java.util.Locale.ROOT, "%,.1f of %,.1f", used, cap) + ")";
                }
            }
        }
        return "";
    }

    /** The failure check in the sizing engine's words. */
    static FailureCheck failureCheck(int k, double[][] caps, double[][] wDem, boolean[] antiAffine, int[][] hostOf, boolean allPlaced,
                                     Placement placement, List<Workload> ws) {
        if (k == 0) {
            return new FailureCheck(0, "none", 0, true, "no host failure is planned for (failuresTolerated 0)");
        }
        if (!allPlaced) {
            return new FailureCheck(k, "none", 0, false, "not checked: some instances are not placed");
        }
        if (caps.length <= k) {
            return new FailureCheck(k, "none", 0, false, "losing " + k + " of " + caps.length + " hosts leaves no host");
        }
        Survival s = Survival.ofWorkloads(caps, wDem, antiAffine, hostOf, k);
        if ("bound".equals(s.method())) {
            return new FailureCheck(k, "bound", 0, s.holds(), s.holds()
                    ? "holds by the slot bound (the failure sets are too many to evacuate one by one)"
                    : "the slot bound cannot show that every set of " + k + " failed hosts heals");
        }
        if (s.holds()) {
            return new FailureCheck(k, s.method(), s.setsChecked(), true, k == 1
                    ? "all " + s.setsChecked() + " single-host failures heal (evacuated onto the survivors)"
                    : "all " + s.setsChecked() + " sets of " + k + " failed hosts heal (evacuated onto the survivors)");
        }
        StringBuilder lost = new StringBuilder();
        if (s.failedHosts() != null) {
            for (int f : s.failedHosts()) {
                lost.append(lost.length() == 0 ? "" : " and ").append(placement.hosts().get(f).name());
            }
        }
        String who = s.strandedInstance() >= 0 ? "an instance of " + ws.get(s.strandedInstance()).name() : "an instance";
        return new FailureCheck(k, s.method(), s.setsChecked(), false, "losing " + (lost.length() == 0 ? k + " hosts" : lost)
                + " leaves " + who + " without a host");
    }

    /** Under Ceph on local drives: why the hosts' usable capacity does not hold the instance disks ("" when it does). */
    static String cephShortfall(Site site, Hardware[] hosts) {
        Policy p = site.policy();
        if (p.storageMode() != StorageMode.CEPH || hosts.length == 0 || Arrays.stream(hosts).anyMatch(CapacityModel::isCloud)) {
            return "";
        }
        double stored = 0;
        for (Workload w : site.workloads()) {
            stored += w.count() * w.diskGib() * 1024.0 * 1024 * 1024;
        }
        if (stored <= 0) {
            return "";
        }
        double usable = CephCapacity.usableBytes(hosts, p.ceph());
        return usable + 1e-6 >= stored ? "" : String.format(java.util.Locale.ROOT,
                "Ceph usable capacity %.2f TiB does not hold the %.2f TiB of instance disks", usable / Math.pow(1024, 4), stored / Math.pow(1024, 4));
    }
}
