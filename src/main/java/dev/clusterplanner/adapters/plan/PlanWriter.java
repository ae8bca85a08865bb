package dev.clusterplanner.adapters.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clusterplanner.adapters.files.AtomicFile;
import dev.clusterplanner.core.model.CostSettings;
import dev.clusterplanner.core.model.Facility;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.Workload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes plan files ({@code *.plan.json}): every field written out (defaults included), so a file documents
 * itself; saved atomically through {@link AtomicFile}. {@link PlanReader} reads what this writes.
 */
public final class PlanWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanWriter() {
    }

    /** The plan as JSON text, every field written out (defaults included), so a file documents itself. */
    public static String toJson(Plan plan) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", Plan.FORMAT);
        root.put("name", plan.name());
        root.put("description", plan.description());
        CostSettings c = plan.cost();
        ObjectNode cost = root.putObject("cost");
        cost.put("years", c.years());
        cost.put("discountRatePct", c.discountRatePct());
        cost.put("salvagePct", c.salvagePct());
        cost.put("supportPctPerYear", c.supportPctPerYear());
        cost.put("awsCommitment", c.awsCommitment().id());
        ArrayNode sites = root.putArray("sites");
        for (Site s : plan.sites()) {
            ObjectNode site = sites.addObject();
            site.put("name", s.name());
            site.put("kind", s.kind().id());
            ArrayNode hw = site.putArray("hardware");
            s.hardware().forEach(hw::add);
            Policy p = s.policy();
            ObjectNode policy = site.putObject("policy");
            policy.put("failuresTolerated", p.failuresTolerated());
            policy.put("minHosts", p.minHosts());
            policy.put("cpuOvercommitContainers", p.cpuOvercommitContainers());
            policy.put("cpuOvercommitVms", p.cpuOvercommitVms());
            policy.put("vmCpuOverheadPct", p.vmCpuOverheadPct());
            policy.put("vmMemoryOverheadGib", p.vmMemoryOverheadGib());
            policy.put("reserveMemoryGib", p.reserveMemoryGib());
            policy.put("reserveThreads", p.reserveThreads());
            policy.put("storage", p.storageMode().id());
            ObjectNode ceph = policy.putObject("ceph");
            ceph.put("size", p.ceph().size());
            ceph.put("minSize", p.ceph().minSize());
            ceph.put("k", p.ceph().k());
            ceph.put("m", p.ceph().m());
            ceph.put("nearfullRatio", p.ceph().nearfullRatio());
            policy.put("cephMemoryPerOsdGib", p.cephMemoryPerOsdGib());
            policy.put("cephThreadsPerOsd", p.cephThreadsPerOsd());
            policy.put("cephMonMgrMemoryGib", p.cephMonMgrMemoryGib());
            Facility f = s.facility();
            ObjectNode facility = site.putObject("facility");
            facility.put("dataCentre", f.dataCentre());
            facility.put("electricityUsdPerKwh", f.electricityUsdPerKwh());
            facility.put("pue", f.pue());
            facility.put("colocationUsdPerUMonth", f.colocationUsdPerUMonth());
            facility.put("colocationUsdPerKwMonth", f.colocationUsdPerKwMonth());
            facility.put("electricitySource", f.electricitySource());
            ArrayNode wl = site.putArray("workloads");
            for (Workload w : s.workloads()) {
                ObjectNode o = wl.addObject();
                o.put("name", w.name());
                o.put("kind", w.kind().id());
                o.put("count", w.count());
                o.put("vcpu", w.vcpu());
                o.put("memoryGib", w.memoryGib());
                o.put("diskGib", w.diskGib());
                o.put("gpu", w.gpu());
                o.put("antiAffinity", w.antiAffinity());
                o.put("iops", w.iops());
                o.put("writeMbps", w.writeMbps());
                o.put("netMbps", w.netMbps());
                o.put("cpuUtil", w.cpuUtil());
                o.put("growthPctYear", w.growthPctYear());
                o.put("project", w.project());
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + System.lineSeparator();
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise plan", e);
        }
    }

    /** Writes the plan atomically: a temporary file beside the target, flushed to disk, then renamed over it. */
    public static void write(Plan plan, Path file) throws IOException {
        AtomicFile.write(file, toJson(plan).getBytes(StandardCharsets.UTF_8));
    }
}
