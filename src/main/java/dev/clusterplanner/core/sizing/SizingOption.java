package dev.clusterplanner.core.sizing;

import dev.clusterplanner.core.model.Explanation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One answer to "how many hosts of which hardware": a homogeneous cluster of one candidate, or a mixed one.
 *
 * @param mixed            true for the cost-minimising mix of candidates
 * @param hostsByHardware  hosts per hardware id, in host order
 * @param hostsLowerBound  no placement can use fewer hosts: max(minHosts, Ceph size, Ceph usable capacity for the
 *                         instance disks, per-dimension volume bound with k hosts lost, anti-affinity replicas + k)
 * @param feasible         every instance placed and the failure check holds
 * @param utilisation      per dimension: placed demand / capacity of all planned hosts; a dimension that does
 *                         not apply (disk under Ceph, GPU with none) is absent
 * @param binding          the dimension with the highest utilisation (null with no hosts)
 * @param explanation      one line, e.g. "4 hosts: memory binds at 81 %; 3 would hold the load but not after a host failure"
 * @param costUsd          horizon cost of the hosts by the {@link HostCost} used for ranking (null when a price is missing)
 * @param rank             1 = recommended
 * @param ownedByHardware  for a "keep and add" option, the hosts of each hardware the organisation already owns (they are
 *                         part of {@code hostsByHardware}; the rest are new); empty for every other option
 */
public record SizingOption(
        boolean mixed,
        Map<String, Integer> hostsByHardware,
        int hosts,
        int hostsLowerBound,
        boolean feasible,
        Placement placement,
        Map<Dimension, Double> utilisation,
        Dimension binding,
        FailureCheck failureCheck,
        String explanation,
        List<Explanation> formulas,
        Double costUsd,
        int rank,
        Map<String, Integer> ownedByHardware) {

    public SizingOption {
        hostsByHardware = Collections.unmodifiableMap(new LinkedHashMap<>(hostsByHardware));
        ownedByHardware = ownedByHardware == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(ownedByHardware));
        utilisation = Collections.unmodifiableMap(enumMap(utilisation));
        formulas = List.copyOf(formulas);
    }

    /** An option without owned hosts. */
    public SizingOption(boolean mixed, Map<String, Integer> hostsByHardware, int hosts, int hostsLowerBound, boolean feasible,
                        Placement placement, Map<Dimension, Double> utilisation, Dimension binding, FailureCheck failureCheck,
                        String explanation, List<Explanation> formulas, Double costUsd, int rank) {
        this(mixed, hostsByHardware, hosts, hostsLowerBound, feasible, placement, utilisation, binding, failureCheck, explanation,
                formulas, costUsd, rank, Map.of());
    }

    /** True for "keep and add": the owned hosts plus new ones (possibly none). */
    public boolean keepAndAdd() {
        return !ownedByHardware.isEmpty();
    }

    /** Owned hosts in this option (0 unless {@link #keepAndAdd()}). */
    public int ownedHosts() {
        return ownedByHardware.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** New hosts per hardware id: {@code hostsByHardware} less the owned ones (zeros left out). */
    public Map<String, Integer> newHostsByHardware() {
        Map<String, Integer> out = new LinkedHashMap<>();
        hostsByHardware.forEach((id, n) -> {
            int added = n - ownedByHardware.getOrDefault(id, 0);
            if (added > 0) {
                out.put(id, added);
            }
        });
        return out;
    }

    static java.util.EnumMap<Dimension, Double> enumMap(Map<Dimension, Double> m) {
        java.util.EnumMap<Dimension, Double> out = new java.util.EnumMap<>(Dimension.class);
        out.putAll(m);
        return out;
    }

    /** The hardware ids in host order (one for a homogeneous option). */
    public List<String> hardwareIds() {
        return List.copyOf(hostsByHardware.keySet());
    }

    /** The same option with another one-line explanation (the configure-to-order choice says which configuration and why). */
    public SizingOption withExplanation(String text) {
        return new SizingOption(mixed, hostsByHardware, hosts, hostsLowerBound, feasible, placement, utilisation, binding,
                failureCheck, text, formulas, costUsd, rank);
    }

    SizingOption withRank(int r) {
        return new SizingOption(mixed, hostsByHardware, hosts, hostsLowerBound, feasible, placement, utilisation, binding,
                failureCheck, explanation, formulas, costUsd, r, ownedByHardware);
    }
}
