package dev.clusterplanner.app;

import dev.clusterplanner.adapters.ceph.CephCliReader;
import dev.clusterplanner.adapters.ceph.CephMetricsReader;
import dev.clusterplanner.adapters.ceph.CephReadException;
import dev.clusterplanner.core.live.CephCluster;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Severity;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.core.validation.CephPlanContext;
import dev.clusterplanner.core.validation.CephValidation;
import dev.clusterplanner.core.validation.CephValidator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a live Ceph cluster (the manager's metrics endpoint and/or the local ceph command) and checks it against
 * the plan. A source that cannot be read becomes an error finding ({@code ceph.live.unreachable}), never an
 * exception, so that the rest of a probe (the Incus part) is kept.
 */
public class CephProbeService {

    /** What to read: a metrics URL (or null), and whether to run the local ceph command (with an optional ceph.conf). */
    public record Request(String metricsUrl, boolean cli, Path cliConf) {
        public boolean any() {
            return (metricsUrl != null && !metricsUrl.isBlank()) || cli;
        }
    }

    /**
     * @param cluster    what was read (the ceph command's picture when both sources answered: it has min_size and the
     *                   ratios), or null when nothing could be read
     * @param site       the plan site it was checked against ("" for Ceph's defaults when there is no plan)
     * @param validation the checks, or null when nothing could be read
     * @param findings   unreachable sources, the plan context's notes and the validation's findings, in that order
     */
    public record Result(CephCluster cluster, String site, CephValidation validation, List<Finding> findings) {
        public Result {
            findings = List.copyOf(findings);
        }

        public boolean hasAtLeast(Severity s) {
            return findings.stream().anyMatch(f -> f.severity().atLeast(s));
        }
    }

    /** Reads one source; a seam so tests can count calls or simulate a source. */
    public interface Source {
        CephCluster read() throws CephReadException;
    }

    private final CatalogService catalogs;
    private final Duration cliTimeout;
    private LocalDate measuredOn;

    public CephProbeService() {
        this(new CatalogService(), CephCliReader.DEFAULT_TIMEOUT);
    }

    public CephProbeService(CatalogService catalogs, Duration cliTimeout) {
        this.catalogs = catalogs;
        this.cliTimeout = cliTimeout;
    }

    /**
     * Counts "the month the nearfull ratio is crossed" from {@code date} instead of today: for a saved probe checked
     * again later, the day it was measured.
     */
    public CephProbeService measuredOn(LocalDate date) {
        this.measuredOn = date;
        return this;
    }

    /**
     * @param plan          the plan, or null to check against Ceph's defaults only
     * @param siteName      the plan site to check against, or null for the first Ceph cluster site
     * @param nicGbpsByHost live NIC speeds per host from the Incus probe (may be empty)
     */
    public Result probe(Request request, Plan plan, String siteName, Map<String, Double> nicGbpsByHost) {
        List<Source> sources = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (request.cli()) {
            CephCliReader cli = new CephCliReader("ceph", request.cliConf(), cliTimeout);
            sources.add(cli::read);
            names.add(cli.source());
        }
        if (request.metricsUrl() != null && !request.metricsUrl().isBlank()) {
            CephMetricsReader metrics = new CephMetricsReader();
            sources.add(() -> metrics.read(request.metricsUrl()));
            names.add(request.metricsUrl());
        }
        return probe(sources, names, plan, siteName, nicGbpsByHost);
    }

    /** The same with explicit sources, read in order; the first that answers is validated. */
    public Result probe(List<Source> sources, List<String> names, Plan plan, String siteName, Map<String, Double> nicGbpsByHost) {
        List<Finding> findings = new ArrayList<>();
        CephCluster cluster = null;
        for (int i = 0; i < sources.size(); i++) {
            try {
                CephCluster read = sources.get(i).read();
                if (cluster == null) {
                    cluster = read;
                }
            } catch (CephReadException e) {
                findings.add(Finding.error(CephValidator.RULE_UNREACHABLE, "Ceph could not be read from " + names.get(i) + ": "
                        + e.getMessage(), "read from the live cluster"));
            }
        }
        if (cluster == null) {
            return new Result(null, "", null, findings);
        }
        CephPlanContext ctx = context(plan, siteName, nicGbpsByHost, findings);
        CephValidation v = CephValidator.validate(cluster, ctx);
        findings.addAll(v.findings());
        return new Result(cluster, plan == null ? "" : ctx.site().name(), v, findings);
    }

    /** The plan site, with the recommended hosts and hardware when the plan can be sized. */
    CephPlanContext context(Plan plan, String siteName, Map<String, Double> nics, List<Finding> findings) {
        LocalDate today = measuredOn != null ? measuredOn : catalogs.today();
        if (plan == null) {
            Site defaults = new Site("(no plan: Ceph defaults)", SiteKind.CLUSTER, List.of(), List.of(), null, null);
            findings.add(Finding.info("ceph.live.no-plan", "no plan given: the live cluster is checked against Ceph's defaults"
                    + " (replicated size 3/min_size 2, nearfull 0.85) only", ""));
            return CephPlanContext.of(defaults).withNics(nics).withToday(today, 5);
        }
        Site site = pickSite(plan, siteName);
        CephPlanContext ctx = CephPlanContext.of(site).withNics(nics).withToday(today, plan.cost().years());
        try {
            Catalog catalog = catalogs.load();
            var result = new PlanningService().analyse(plan, catalog);
            var siteResult = result.sites().stream().filter(s -> s.name().equals(site.name())).findFirst();
            var best = siteResult.flatMap(s -> s.recommended());
            if (best.isPresent() && !best.get().hardwareIds().isEmpty()) {
                Optional<Hardware> hw = catalog.hardware(best.get().hardwareIds().get(0));
                if (hw.isPresent()) {
                    return ctx.withHardware(hw.get(), best.get().hosts());
                }
            }
            findings.add(Finding.info("ceph.live.plan-unsized", "site " + site.name() + " has no recommended hardware option:"
                    + " hosts, OSDs per host and raw capacity are not compared", ""));
        } catch (Exception e) {
            findings.add(Finding.info("ceph.live.plan-unsized", "site " + site.name() + " could not be sized (" + e.getMessage()
                    + "): hosts, OSDs per host and raw capacity are not compared", ""));
        }
        return ctx;
    }

    static Site pickSite(Plan plan, String siteName) {
        if (siteName != null && !siteName.isBlank()) {
            return plan.sites().stream().filter(s -> s.name().equals(siteName)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("plan '" + plan.name() + "' has no site '" + siteName + "' (sites: "
                            + String.join(", ", plan.sites().stream().map(Site::name).toList()) + ")"));
        }
        return plan.sites().stream().filter(s -> s.policy().storageMode() == StorageMode.CEPH).findFirst()
                .or(() -> plan.sites().stream().filter(s -> s.kind() == SiteKind.CLUSTER).findFirst())
                .orElse(plan.sites().get(0));
    }
}
