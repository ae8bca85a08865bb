package dev.clusterplanner.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One place the organisation runs Incus: a developer desktop, a single UAT server or a production
 * cluster. It has its workloads, the hardware candidates to compare (catalog ids), its policy and its facility.
 *
 * @param available per-site stock: hardware id to the most hosts of that row this site may use, over the catalog
 *                  row's own {@code available} (plan file: {@code "available": {"id": 4}}); empty = the catalog's
 * @param owned     hosts the organisation already owns for this site (plan file: {@code owned})
 */
public record Site(
        String name,
        SiteKind kind,
        List<Workload> workloads,
        List<String> hardware,
        Policy policy,
        Facility facility,
        Map<String, Integer> available,
        List<OwnedHosts> owned) {

    public Site {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        workloads = List.copyOf(workloads);
        hardware = List.copyOf(hardware);
        policy = policy == null ? Policy.defaultsFor(kind) : policy;
        facility = facility == null ? Facility.defaultsFor(kind) : facility;
        available = available == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(available));
        owned = owned == null ? List.of() : List.copyOf(owned);
    }

    /** A site with no stock override and no owned hosts. */
    public Site(String name, SiteKind kind, List<Workload> workloads, List<String> hardware, Policy policy, Facility facility) {
        this(name, kind, workloads, hardware, policy, facility, Map.of(), List.of());
    }

    /**
     * The most hosts of {@code h} this site may use: the site's override, else the row's {@code available}, else null
     * (unlimited).
     */
    public Integer stockOf(Hardware h) {
        Integer site = available.get(h.id());
        return site != null ? site : h.available();
    }

    public Site withAvailable(Map<String, Integer> newAvailable) {
        return new Site(name, kind, workloads, hardware, policy, facility, newAvailable, owned);
    }

    public Site withOwned(List<OwnedHosts> newOwned) {
        return new Site(name, kind, workloads, hardware, policy, facility, available, newOwned);
    }

    /** Hosts already owned, in all. */
    public int ownedHostCount() {
        return owned.stream().mapToInt(OwnedHosts::count).sum();
    }

    public Site withWorkloads(List<Workload> newWorkloads) {
        return new Site(name, kind, newWorkloads, hardware, policy, facility, available, owned);
    }

    public Site withHardware(List<String> ids) {
        return new Site(name, kind, workloads, ids, policy, facility, available, owned);
    }

    public Site withPolicy(Policy newPolicy) {
        return new Site(name, kind, workloads, hardware, newPolicy, facility, available, owned);
    }

    public Site withFacility(Facility newFacility) {
        return new Site(name, kind, workloads, hardware, policy, newFacility, available, owned);
    }

    public int instanceCount() {
        return workloads.stream().mapToInt(Workload::count).sum();
    }
}
