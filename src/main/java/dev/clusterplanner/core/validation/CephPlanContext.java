package dev.clusterplanner.core.validation;

import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Site;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * What a live Ceph cluster is checked against: the plan's site, and what else is known about the plan and the
 * live hosts.
 *
 * @param site           the plan's site (policy, Ceph layout, workloads and their growth)
 * @param hardware       the plan's host hardware (data disks per host, NIC speed), or null when not known
 * @param plannedHosts   hosts the plan sizes the site to, or 0 when not known
 * @param nicGbpsByHost  live NIC speed per host name (from the Incus probe), possibly empty
 * @param today          the date "in N months" is counted from, or null for no calendar month
 * @param horizonYears   the plan's horizon: a nearfull crossing within it is a warning, later an info
 */
public record CephPlanContext(Site site, Hardware hardware, int plannedHosts, Map<String, Double> nicGbpsByHost,
                              LocalDate today, int horizonYears) {

    public CephPlanContext {
        Objects.requireNonNull(site, "site");
        nicGbpsByHost = nicGbpsByHost == null ? Map.of() : Map.copyOf(nicGbpsByHost);
        horizonYears = horizonYears <= 0 ? 5 : horizonYears;
    }

    public static CephPlanContext of(Site site) {
        return new CephPlanContext(site, null, 0, Map.of(), null, 5);
    }

    public CephPlanContext withHardware(Hardware hw, int hosts) {
        return new CephPlanContext(site, hw, hosts, nicGbpsByHost, today, horizonYears);
    }

    public CephPlanContext withNics(Map<String, Double> gbpsByHost) {
        return new CephPlanContext(site, hardware, plannedHosts, gbpsByHost, today, horizonYears);
    }

    public CephPlanContext withToday(LocalDate date, int years) {
        return new CephPlanContext(site, hardware, plannedHosts, nicGbpsByHost, date, years);
    }
}
