package dev.clusterplanner.adapters.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.clusterplanner.adapters.files.AtomicFile;
import dev.clusterplanner.core.model.CephLayout;
import dev.clusterplanner.core.model.CostSettings;
import dev.clusterplanner.core.model.Facility;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.Site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes plan files ({@code *.plan.json}) from typed records (the file's shape is published as
 * src/main/resources/schemas/plan.schema.json): every field written out (defaults included), so a file documents
 * itself; saved atomically through {@link AtomicFile}. {@link PlanReader} reads what this writes.
 */
public final class PlanWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanWriter() {
    }

    /** A plan file as written (schema src/main/resources/schemas/plan.schema.json): every field, defaults included. */
    record PlanDoc(int format, String name, String description, CostDoc cost, List<SiteDoc> sites) {
    }

    record CostDoc(int years, double discountRatePct, double salvagePct, double supportPctPerYear, String awsCommitment) {
    }

    record SiteDoc(String name, String kind, List<String> hardware, PolicyDoc policy, FacilityDoc facility, List<WorkloadDoc> workloads,
                   Map<String, Integer> available, List<OwnedDoc> owned) {
    }

    /** {@code purchased} and {@code priceUsd} are left out when unknown. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OwnedDoc(String hardware, int count, String purchased, Double priceUsd) {
    }

    record PolicyDoc(int failuresTolerated, int minHosts, double cpuOvercommitContainers, double cpuOvercommitVms, double vmCpuOverheadPct,
                     double vmMemoryOverheadGib, double reserveMemoryGib, double reserveThreads, String storage, CephDoc ceph,
                     double cephMemoryPerOsdGib, double cephThreadsPerOsd, double cephMonMgrMemoryGib) {
    }

    record CephDoc(int size, int minSize, int k, int m, double nearfullRatio) {
    }

    record FacilityDoc(boolean dataCentre, double electricityUsdPerKwh, double pue, double colocationUsdPerUMonth,
                       double colocationUsdPerKwMonth, String electricitySource) {
    }

    record WorkloadDoc(String name, String kind, int count, double vcpu, double memoryGib, double diskGib, int gpu, boolean antiAffinity,
                       double iops, double writeMbps, double netMbps, double cpuUtil, double growthPctYear, String project,
                       double bandwidthMbps) {
    }

    /** The plan as its file's typed document. */
    static PlanDoc document(Plan plan) {
        CostSettings c = plan.cost();
        return new PlanDoc(Plan.FORMAT, plan.name(), plan.description(),
                new CostDoc(c.years(), c.discountRatePct(), c.salvagePct(), c.supportPctPerYear(), c.awsCommitment().id()),
                plan.sites().stream().map(PlanWriter::site).toList());
    }

    static SiteDoc site(Site s) {
        Policy p = s.policy();
        CephLayout l = p.ceph();
        PolicyDoc policy = new PolicyDoc(p.failuresTolerated(), p.minHosts(), p.cpuOvercommitContainers(), p.cpuOvercommitVms(),
                p.vmCpuOverheadPct(), p.vmMemoryOverheadGib(), p.reserveMemoryGib(), p.reserveThreads(), p.storageMode().id(),
                new CephDoc(l.size(), l.minSize(), l.k(), l.m(), l.nearfullRatio()), p.cephMemoryPerOsdGib(), p.cephThreadsPerOsd(),
                p.cephMonMgrMemoryGib());
        Facility f = s.facility();
        FacilityDoc facility = new FacilityDoc(f.dataCentre(), f.electricityUsdPerKwh(), f.pue(), f.colocationUsdPerUMonth(),
                f.colocationUsdPerKwMonth(), f.electricitySource());
        List<WorkloadDoc> workloads = s.workloads().stream().map(w -> new WorkloadDoc(w.name(), w.kind().id(), w.count(), w.vcpu(),
                w.memoryGib(), w.diskGib(), w.gpu(), w.antiAffinity(), w.iops(), w.writeMbps(), w.netMbps(), w.cpuUtil(),
                w.growthPctYear(), w.project(), w.bandwidthMbps())).toList();
        List<OwnedDoc> owned = s.owned().stream().map(o -> new OwnedDoc(o.hardware(), o.count(),
                o.purchased() == null ? null : o.purchased().toString(), o.priceUsd())).toList();
        return new SiteDoc(s.name(), s.kind().id(), s.hardware(), policy, facility, workloads, s.available(), owned);
    }

    /** The plan as JSON text, every field written out (defaults included), so a file documents itself. */
    public static String toJson(Plan plan) {
        try {
            return MAPPER.writeValueAsString(document(plan)) + System.lineSeparator();
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise plan", e);
        }
    }

    /** Writes the plan atomically: a temporary file beside the target, flushed to disk, then renamed over it. */
    public static void write(Plan plan, Path file) throws IOException {
        AtomicFile.write(file, toJson(plan).getBytes(StandardCharsets.UTF_8));
    }
}
