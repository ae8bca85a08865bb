package dev.clusterplanner.core.sizing;

import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.FieldProblem;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.ModelRules;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.core.model.Workload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sizing engine: for every hardware candidate the smallest homogeneous cluster that places every instance
 * and still places them after the loss of any {@code failuresTolerated} hosts, plus a cheaper mix of candidates
 * when one exists; ranked, each with a one-line explanation. Pure and deterministic.
 * <p>
 * Host count search (homogeneous): one unbounded first-fit pass per order gives the fewest hosts on which first fit
 * heals (its placement is the same on every count it fits); below that count, from the lower bound upward by galloping
 * (lb, lb+1, lb+3, lb+7, ...) then a binary search between the last failing and the first passing count; each try is a
 * few group placements (round-robin, with spares) plus the failure check of {@link Packing}.
 * <p>
 * This class is the entry point (checks, {@link #size}, {@link #evacuate}); the work is done by named parts sharing one
 * {@link SiteContext} per site: {@link LowerBound}, {@link Attempts} (one host count), {@link HostCountSearch},
 * {@link MixedSearch}, {@link PlacementAssembly} and {@link SizingText} (explanations).
 */
public final class Sizer {

    /** Largest number of pack attempts spent looking for a cheaper mix per site. */
    static final int MIXED_ATTEMPT_BUDGET = 24;

    /** Largest instances x workloads for which first fit by the binding dimension is tried as a third order. */
    static final long MAX_THIRD_ORDER_WORK = 2_000_000;

    /** Instances x hosts above which a host count skips first fit by total share (mixes) and the iterated-greedy retry. */
    static final long LARGE_PROBLEM = 1_000_000;

    private Sizer() {
    }

    // ------------------------------------------------------------------ validation

    /**
     * The problems that stop a site from being sized, with paths relative to the site
     * ({@code workloads/1/antiAffinity}, {@code policy/failuresTolerated}, {@code hardware/0}). Empty when it can be sized.
     */
    public static List<FieldProblem> check(Site site, List<Hardware> candidates) {
        List<FieldProblem> out = new ArrayList<>(ModelRules.check(site));
        Policy p = site.policy();
        boolean cluster = site.kind() == SiteKind.CLUSTER;
        String what = "site '" + site.name() + "' is a " + site.kind().id() + ": it has exactly one host";
        if (!cluster && p.failuresTolerated() > 0) {
            out.add(new FieldProblem("policy/failuresTolerated", what + ", so it cannot tolerate " + p.failuresTolerated()
                    + " host failure" + (p.failuresTolerated() == 1 ? "" : "s") + " (that needs at least " + (p.failuresTolerated() + 1)
                    + " hosts; rule: k failures need k+1 hosts). Set failuresTolerated to 0 or make the site a cluster."));
        }
        if (!cluster && p.minHosts() > 1) {
            out.add(new FieldProblem("policy/minHosts", what + ", so minHosts " + p.minHosts() + " cannot be met. Set minHosts to 1 or make the site a cluster."));
        }
        for (int i = 0; i < site.workloads().size(); i++) {
            Workload w = site.workloads().get(i);
            if (!cluster && w.antiAffinity() && w.count() > 1) {
                out.add(new FieldProblem("workloads/" + i + "/antiAffinity", "workload '" + w.name() + "': " + w.count()
                        + " anti-affine replicas need " + w.count() + " distinct hosts, but " + what
                        + " (rule: anti-affinity). Lower count to 1, drop antiAffinity or make the site a cluster."));
            }
        }
        if (candidates.isEmpty()) {
            out.add(new FieldProblem("hardware", "site '" + site.name() + "' lists no hardware candidates to size for; add a catalog id"));
        }
        for (int j = 0; j < candidates.size(); j++) {
            Hardware h = candidates.get(j);
            String who = "hardware '" + h.id() + "': ";
            if (h.threads() < 1) {
                out.add(new FieldProblem("hardware/" + j, who + "threads must be 1 or more, got " + h.threads()));
            }
            if (!(h.memoryGib() > 0)) {
                out.add(new FieldProblem("hardware/" + j, who + "memoryGib must be greater than 0, got " + h.memoryGib()));
            }
            if (!(h.cpuScore() > 0) || Double.isInfinite(h.cpuScore())) {
                out.add(new FieldProblem("hardware/" + j, who + "cpuScore must be greater than 0, got " + h.cpuScore()));
            }
            if (h.gpuCount() < 0 || h.dataDisks() < 0) {
                out.add(new FieldProblem("hardware/" + j, who + "gpuCount and dataDisks must be 0 or more"));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ sizing

    /**
     * Sizes a site for the given candidates (in the order the site lists them).
     *
     * @throws IllegalArgumentException when {@link #check} reports problems (callers check first and report them as input problems)
     */
    public static SizingResult size(Site site, List<Hardware> candidates, HostCost cost) {
        return size(site, candidates, List.of(), cost);
    }

    /**
     * Sizes a site that already owns hosts: the options of {@link #size(Site, List, HostCost)} ("replace": each candidate
     * alone) plus, for each candidate that is bought rather than rented, "keep and add" ({@link KeepAndAdd}), all
     * ranked by the same rule.
     *
     * @param owned one entry per owned host (catalog rows; they need not be candidates)
     */
    public static SizingResult size(Site site, List<Hardware> candidates, List<Hardware> owned, HostCost cost) {
        List<FieldProblem> problems = check(site, candidates);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("site '" + site.name() + "' cannot be sized: " + problems.get(0).field() + ": " + problems.get(0).message());
        }
        SiteContext c = new SiteContext(site);
        List<SizingOption> options = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Hardware h : candidates) {
            options.add(c.stock.limit(c.search.homogeneous(h, cost), h));
        }
        Optional<SizingOption> mix = c.mixes.mixed(candidates, options, cost);
        mix.ifPresent(options::add);
        findings.addAll(c.stock.findings(candidates, options, mix.orElse(null)));
        options.replaceAll(o -> KeepAndAdd.asReplace(o, owned));
        List<SizingOption> keep = KeepAndAdd.options(c, owned, candidates, cost);
        options.addAll(keep);
        findings.addAll(KeepAndAdd.findings(c, owned, candidates, keep));

        // findings: workloads no candidate can hold
        for (int w = 0; w < c.ws.size(); w++) {
            boolean fitsSome = false;
            String why = null;
            for (Hardware h : candidates) {
                String r = c.tooBig(w, h);
                if (r == null) {
                    fitsSome = true;
                    break;
                }
                why = why == null ? r : why;
            }
            if (!fitsSome) {
                findings.add(Finding.error("sizing.too-big", "workload '" + c.ws.get(w).name() + "' fits none of the "
                        + candidates.size() + " hardware candidate(s): " + why + ". Its instances are listed as unplaced.", ""));
            }
        }
        List<String> cloud = new ArrayList<>();
        for (Hardware h : candidates) {
            if (CapacityModel.isCloud(h)) {
                cloud.add(h.id());
            } else if (c.p.storageMode() == StorageMode.CEPH && h.dataDisks() < 1) {
                findings.add(Finding.warning("sizing.ceph-no-osd", "'" + h.id() + "' has no data disks, so it would run no Ceph OSD:"
                        + " Ceph has no capacity on it, and instances with disks cannot be placed on it", ""));
            }
        }
        if (!cloud.isEmpty()) {
            boolean ceph = c.p.storageMode() == StorageMode.CEPH;
            findings.add(Finding.info("sizing.cloud-ebs", String.join(", ", cloud) + (cloud.size() == 1 ? " has" : " have")
                    + " no local disks in the catalog: " + (ceph
                    ? "each such host is assumed to run one Ceph OSD on an EBS gp3 volume sized to its share of the data (its Ceph tax"
                    + " is counted: " + CapacityModel.fmt(c.p.cephMemoryPerOsdGib()) + " GiB and " + CapacityModel.fmt(c.p.cephThreadsPerOsd())
                    + " thread per host)"
                    : "instance disks are assumed to be EBS gp3 volumes attached on demand")
                    + ", so disk does not limit how many of these hosts are needed; the volumes are priced by the cost model (EBS gp3)",
                    "assumption of this planner: cloud hosts keep their data on EBS gp3 volumes"));
        }
        if (options.stream().noneMatch(SizingOption::feasible)) {
            findings.add(Finding.error("sizing.no-feasible-option", "no option places every instance of site '" + site.name()
                    + "'" + (c.k > 0 ? " with " + c.k + " host failure(s) tolerated" : "") + "; see the unplaced instances", ""));
        }

        List<SizingOption> out = SizingResult.rank(options);
        List<Explanation> formulas = new ArrayList<>();
        for (Workload w : c.ws) {
            formulas.add(CapacityModel.explainCpuDemand(w, c.p));
        }
        return new SizingResult(site.name(), site.kind(), c.p.storageMode(), c.k, site.instanceCount(), out, findings, formulas);
    }

    /**
     * The keep-and-add option of one candidate alone ({@link KeepAndAdd}): the owned hosts plus the fewest new hosts of
     * {@code x}; empty for a single-host site, without owned hosts, or when no count places everything and heals.
     */
    public static Optional<SizingOption> keepAndAdd(Site site, List<Hardware> owned, Hardware x, HostCost cost) {
        SiteContext c = new SiteContext(site);
        return owned.isEmpty() || !c.cluster ? Optional.empty() : new KeepAndAdd(c).option(owned, x, cost);
    }

    /** "keep 2 owned Meerkat + add 1 Supermicro", or "keep the 2 owned Meerkat (no new hosts)". */
    public static String keepAndAddLabel(List<Hardware> owned, Hardware x, int added) {
        return KeepAndAdd.label(owned, x, added);
    }

    /**
     * Re-places the instances of an option after the loss of the hosts at {@code failed} (0-based positions in its
     * placement), by the same evacuation the failure check uses: instances on surviving hosts stay, those of failed
     * hosts move first-fit, largest first. Empty when some instance finds no host.
     *
     * @param candidates the hardware the option's hosts use (looked up by id)
     */
    public static Optional<Placement> evacuate(Site site, List<Hardware> candidates, SizingOption option, int[] failed) {
        SiteContext c = new SiteContext(site);
        Map<String, Hardware> byId = new HashMap<>();
        candidates.forEach(h -> byId.put(h.id(), h));
        List<PlacedHost> hosts = option.placement().hosts();
        Hardware[] hw = new Hardware[hosts.size()];
        for (int i = 0; i < hw.length; i++) {
            hw[i] = byId.get(hosts.get(i).hardwareId());
        }
        double[][] caps = c.caps(hw);
        Instances inst = new Instances(c.wDem, c.aa, c.counts(), maxCap(caps), true);
        Map<String, int[]> index = new HashMap<>();
        int[][] hostOf = new int[c.ws.size()][];
        for (int w = 0; w < c.ws.size(); w++) {
            hostOf[w] = new int[c.ws.get(w).count()];
            Arrays.fill(hostOf[w], -1);
            for (int j = 1; j <= c.ws.get(w).count(); j++) {
                index.put(c.ws.get(w).instanceName(j), new int[]{w, j});
            }
        }
        for (int h = 0; h < hosts.size(); h++) {
            for (String name : hosts.get(h).instances()) {
                int[] wj = index.get(name);
                hostOf[wj[0]][wj[1] - 1] = h;
            }
        }
        int[][] after = Packing.of(inst, caps, hostOf).evacuate(failed);
        if (after == null) {
            return Optional.empty();
        }
        Packing.Runs runs = new Packing.Runs();
        for (int w = 0; w < after.length; w++) {
            for (int j = 1; j <= after[w].length; j++) {
                runs.add(w, after[w][j - 1], j, 1);
            }
        }
        return Optional.of(c.assembly.placement(hw, caps, runs.w, runs.h, runs.first, runs.count, runs.n, new ArrayList<>()));
    }

    /** A placement on given hosts with its failure check. */
    public record Placed(Placement placement, FailureCheck failureCheck) {
    }

    /**
     * The sizing engine's own placement of a given row of hosts (e.g. the cheapest fleet's, in host order): its placement
     * attempts (the orders, spares and failure check it uses for a mix), balanced as its options are. Empty when no attempt
     * places every instance and heals after the site's failures.
     */
    public static Optional<Placed> placeOn(Site site, List<Hardware> hosts) {
        SiteContext c = new SiteContext(site);
        Hardware[] row = hosts.toArray(Hardware[]::new);
        Attempts.Attempt at = c.attempts.attempt(row, c.orders(c.counts(), maxCap(c.caps(row))));
        if (!at.ok()) {
            return Optional.empty();
        }
        at = c.attempts.balanced(at);
        Placement placement = c.assembly.placement(row, at.packing(), List.of());
        return Optional.of(new Placed(placement, c.text.failureCheck(at, placement)));
    }

    static double[] maxCap(double[][] caps) {
        double[] m = new double[Packer.D];
        for (double[] c : caps) {
            for (int d = 0; d < Packer.D; d++) {
                m[d] = Math.max(m[d], c[d]);
            }
        }
        return m;
    }

}
