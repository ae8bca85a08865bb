package dev.clusterplanner.ui.live;

import dev.clusterplanner.app.CephProbeService;
import dev.clusterplanner.app.ProbeService;
import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Severity;
import dev.clusterplanner.ui.BackgroundExecutor;
import dev.clusterplanner.ui.TaskHandle;
import dev.clusterplanner.ui.TaskListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Live area's Ceph part: reads a running Ceph cluster (the manager's Prometheus endpoint and/or the local ceph
 * command) in the background and lists the live figures and the findings against the plan, worst first. When the
 * Incus cluster was read first, its NIC speeds feed the Ceph network checks. A source that cannot be read is an error
 * finding, not a crash.
 */
public class CephLiveModel {

    private final BackgroundExecutor executor;
    private final CephProbeService ceph;
    private final Supplier<Plan> plan;
    private final Supplier<String> siteName;
    private final Supplier<ProbeService.Result> incus;
    private final Consumer<CephProbeService.Result> read;

    /**
     * @param incus the last Incus reading, or null (its NIC speeds feed the network checks)
     * @param read  hears every Ceph reading (the snapshot saved with the Incus part carries it)
     */
    CephLiveModel(BackgroundExecutor executor, CephProbeService ceph, Supplier<Plan> plan, Supplier<String> siteName,
                  Supplier<ProbeService.Result> incus, Consumer<CephProbeService.Result> read) {
        this.executor = executor;
        this.ceph = ceph;
        this.plan = plan;
        this.siteName = siteName;
        this.incus = incus;
        this.read = read;
    }

    private final StringProperty metricsUrl = new SimpleStringProperty("");
    private final BooleanProperty useCli = new SimpleBooleanProperty(false);
    private final BooleanProperty probing = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("Not connected.");
    private final ObservableList<Explanation> figures = FXCollections.observableArrayList();
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private TaskHandle handle;


    public StringProperty metricsUrlProperty() {
        return metricsUrl;
    }

    public BooleanProperty useCliProperty() {
        return useCli;
    }

    public BooleanProperty probingProperty() {
        return probing;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObservableList<Explanation> figures() {
        return figures;
    }

    public ObservableList<Finding> findings() {
        return findings;
    }

    public void probeCeph() {
        CephProbeService.Request request = new CephProbeService.Request(metricsUrl.get().trim(), useCli.get(), null);
        if (!request.any()) {
            status.set("Give the Ceph manager's metrics URL (e.g. http://mon1:9283/metrics) or tick 'ceph command'.");
            return;
        }
        cancel();
        probing.set(true);
        status.set("Reading Ceph ...");
        Plan plan = this.plan.get();
        ProbeService.Result incusRead = incus.get();
        Map<String, Double> nics = incusRead == null ? Map.of() : ProbeService.nicGbpsByMember(incusRead.snapshot());
        String site = siteName.get();
        handle = executor.submit(c -> ceph.probe(request, plan, site, nics), new TaskListener<>() {
            @Override
            public void succeeded(CephProbeService.Result r) {
                probing.set(false);
                read.accept(r);
                figures.setAll(r.validation() == null ? List.of() : r.validation().figures());
                List<Finding> all = Finding.worstFirst(r.findings());
                findings.setAll(all);
                long errors = all.stream().filter(f -> f.severity() == Severity.ERROR).count();
                long warnings = all.stream().filter(f -> f.severity() == Severity.WARNING).count();
                status.set((r.cluster() == null ? "Ceph could not be read" : "Ceph read and compared with site '" + r.site() + "'")
                        + ": " + count(errors, "error") + ", " + count(warnings, "warning") + ", " + count(all.size() - errors - warnings, "note"));
            }

            @Override
            public void failed(Throwable error) {
                probing.set(false);
                status.set("Probe failed: " + dev.clusterplanner.ui.UserWords.of(error));
            }

            @Override
            public void cancelled() {
                probing.set(false);
                status.set("Cancelled.");
            }
        });
    }

    public void cancel() {
        if (handle != null) {
            handle.cancel();
            handle = null;
        }
    }

    private static String count(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
