package dev.clusterplanner.cli;

import dev.clusterplanner.app.CephProbeService;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The probe's Ceph options (a picocli mixin): where to read the live Ceph cluster. */
public final class CephOptions {

    @Option(names = "--ceph-metrics", paramLabel = "URL",
            description = "the Ceph manager's Prometheus endpoint, e.g. http://mgr1:9283/metrics (read-only, no credentials)")
    String metricsUrl;

    @Option(names = "--ceph-cli", description = "also read Ceph with the local ceph command (needs a ceph client and keyring here)")
    boolean cli;

    @Option(names = "--ceph-conf", paramLabel = "FILE", description = "ceph.conf for --ceph-cli (default: ceph's own, /etc/ceph/ceph.conf)")
    Path conf;

    public boolean requested() {
        return (metricsUrl != null && !metricsUrl.isBlank()) || cli || conf != null;
    }

    public CephProbeService.Request request() {
        return new CephProbeService.Request(metricsUrl, cli || conf != null, conf);
    }
}
