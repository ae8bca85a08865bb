package dev.clusterplanner.core.model;

import java.util.List;
import java.util.Objects;

/**
 * One place the organisation runs Incus: a developer desktop, a single UAT server or a production
 * cluster. It has its workloads, the hardware candidates to compare (catalog ids), its policy and its facility.
 */
public record Site(
        String name,
        SiteKind kind,
        List<Workload> workloads,
        List<String> hardware,
        Policy policy,
        Facility facility) {

    public Site {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        workloads = List.copyOf(workloads);
        hardware = List.copyOf(hardware);
        policy = policy == null ? Policy.defaultsFor(kind) : policy;
        facility = facility == null ? Facility.defaultsFor(kind) : facility;
    }

    public Site withWorkloads(List<Workload> newWorkloads) {
        return new Site(name, kind, newWorkloads, hardware, policy, facility);
    }

    public Site withHardware(List<String> ids) {
        return new Site(name, kind, workloads, ids, policy, facility);
    }

    public Site withPolicy(Policy newPolicy) {
        return new Site(name, kind, workloads, hardware, newPolicy, facility);
    }

    public Site withFacility(Facility newFacility) {
        return new Site(name, kind, workloads, hardware, policy, newFacility);
    }

    public int instanceCount() {
        return workloads.stream().mapToInt(Workload::count).sum();
    }
}
